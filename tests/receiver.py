"""A real HTTP server on loopback that receives webhooks, as an app's backend would: it answers as told (a status,
a redirect, or hanging past the sender's timeout) and keeps every request it got, with when it got it."""

import http.server
import json
import threading
import time
from dataclasses import dataclass

from standardwebhooks import Webhook


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes
    at: float  # time.monotonic()
    answered: int | None  # the status given, None when it hung

    @property
    def event(self):
        return json.loads(self.body)

    @property
    def event_id(self):
        return self.headers["webhook-id"]


class Receiver:
    def __init__(self, status=204, hang=0.0):
        self.status, self.hang, self.location = status, hang, None
        self.received = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                status = None if receiver.hang else receiver.status
                receiver.received.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body, time.monotonic(), status)
                )
                if receiver.hang:
                    time.sleep(receiver.hang)
                    return
                self.send_response(status)
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/cms"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def accepted(self):
        """The events it took (answered 2xx), in the order it got them."""
        return [item for item in self.received if item.answered and 200 <= item.answered < 300]

    def verified(self, secret):
        """The accepted events' payloads, each checked as a receiver would, with the standardwebhooks package."""
        return [Webhook(secret).verify(item.body, item.headers) for item in self.accepted()]
