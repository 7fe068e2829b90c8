"""The floor of a benchmark: a trivial WSGI app, run by the same gunicorn, that answers each path with bytes saved
beforehand: the bodies the project served for the API benchmark (the JSON file FLOOR_BODIES: {path: body}), or the
files of a media folder for the media benchmark (FLOOR_FILES: /media/<name> answered with the file, read at start)."""

import json
import mimetypes
import os
from pathlib import Path

BODIES, TYPES = {}, {}
if os.environ.get("FLOOR_BODIES"):
    with open(os.environ["FLOOR_BODIES"], encoding="utf-8") as saved:
        BODIES = {path: body.encode() for path, body in json.load(saved).items()}
if os.environ.get("FLOOR_FILES"):
    folder = Path(os.environ["FLOOR_FILES"])
    for path in folder.rglob("*"):
        if path.is_file():
            name = "/media/" + path.relative_to(folder).as_posix()
            BODIES[name], TYPES[name] = path.read_bytes(), mimetypes.guess_type(path.name)[0]


def application(environ, start_response):
    query = environ.get("QUERY_STRING")
    path = environ["PATH_INFO"] + (f"?{query}" if query else "")
    body = BODIES.get(path, b"{}")
    headers = [("Content-Type", TYPES.get(path) or "application/json"), ("Content-Length", str(len(body)))]
    start_response("200 OK", headers)
    return [body]
