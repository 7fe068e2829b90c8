"""The floor of the API benchmark: a trivial WSGI app, run by the same gunicorn, that answers each path with the
bytes the project served for it (saved beforehand in the JSON file FLOOR_BODIES: {path: body})."""

import json
import os

with open(os.environ["FLOOR_BODIES"], encoding="utf-8") as saved:
    BODIES = {path: body.encode() for path, body in json.load(saved).items()}


def application(environ, start_response):
    query = environ.get("QUERY_STRING")
    body = BODIES.get(environ["PATH_INFO"] + (f"?{query}" if query else ""), b"{}")
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
