"""The site as a stranger reaches it in production: nginx (tools/nginx/site.conf, the deployment's own file) in front
of the application. The application runs in a thread of the test process that shares the test's database
connection, so it serves the test's own uncommitted content, one request at a time."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from string import Template
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections

import pytest

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
needs_nginx = pytest.mark.skipif(
    NGINX is None, reason="needs nginx, the caching proxy in front: apt-get install -y nginx-light"
)
SITE_CONF = Path(settings.BASE_DIR) / "tools" / "nginx" / "site.conf"
MAIN_CONF = """daemon off;
$user
worker_processes 1;
pid $home/nginx.pid;
error_log $home/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $home/client;
    proxy_temp_path $home/proxy;
    fastcgi_temp_path $home/fastcgi;
    uwsgi_temp_path $home/uwsgi;
    scgi_temp_path $home/scgi;
    include $home/site.conf;
}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def connection_kept_open():
    """The test's connection is in its transaction: Django's handler must not close it when a request starts or
    ends (the test client keeps it open the same way, for its own requests)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


class InTransactionHandler(WSGIHandler):
    def __call__(self, environ, start_response):
        with connection_kept_open():
            response = super().__call__(environ, start_response)
        close = response.close

        def close_keeping_the_connection():
            with connection_kept_open():
                close()

        response.close = close_keeping_the_connection
        return response


class InTransactionServer:
    """The project's WSGI application on a free port, in a thread using this thread's database connection."""

    def __init__(self):
        self.connection = connections["default"]
        self.server = make_server("127.0.0.1", 0, InTransactionHandler(), WSGIServer, QuietHandler)
        self.port = self.server.server_port

    def serve(self):
        connections["default"] = self.connection
        self.server.serve_forever(poll_interval=0.05)

    def __enter__(self):
        self.connection.inc_thread_sharing()
        threading.Thread(target=self.serve, name="in-transaction-server", daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()
        self.connection.dec_thread_sharing()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to look at, as the test client gives it."""

    def redirect_request(self, *args, **kwargs):
        return None


class Nginx:
    """nginx with the deployment's site.conf in front of `upstream`; restart() starts it with an empty cache."""

    def __init__(self, upstream, media_root, static_root):
        self.home = Path(tempfile.mkdtemp(prefix="cms-nginx-"))
        self.port = free_port()
        site = Template(SITE_CONF.read_text()).safe_substitute(
            LISTEN=f"127.0.0.1:{self.port}",
            UPSTREAM=upstream,
            STATIC_ROOT=static_root,
            MEDIA_ROOT=media_root,
            CACHE_DIR=self.home / "cache",
        )
        assert "${" not in site.split("\n\n", 1)[1], "a name of site.conf left unset"
        (self.home / "site.conf").write_text(site)
        user = "user root;" if os.geteuid() == 0 else ""  # workers as this user, who owns the test's files
        (self.home / "nginx.conf").write_text(Template(MAIN_CONF).substitute(home=self.home, user=user))
        self.process = None
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.opener = urllib.request.build_opener(NoRedirect)

    def start(self):
        shutil.rmtree(self.home / "cache", ignore_errors=True)
        self.process = subprocess.Popen(  # noqa: S603 - Debian's nginx with our own configuration
            [NGINX, "-p", str(self.home), "-c", str(self.home / "nginx.conf")], stderr=subprocess.PIPE
        )
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx did not start: {self.process.stderr.read().decode()}")
            time.sleep(0.05)
        raise RuntimeError("nginx did not start listening")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            self.process.wait(timeout=10)

    def restart(self):
        self.stop()
        self.start()

    def get(self, path, headers=None):
        """(status, headers, body) of a GET through the proxy."""
        request = urllib.request.Request(self.base_url + path, headers=headers or {})  # noqa: S310 - loopback only
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


@pytest.fixture
def caching_proxy(settings):
    """nginx in front of the application serving this test's content, as production runs them."""
    if NGINX is None:
        pytest.skip("needs nginx, the caching proxy in front: apt-get install -y nginx-light")
    settings.MEDIA_ACCEL_REDIRECT, settings.SENDFILE_BACKEND = "/internal-media/", "delivery.files"
    from wagtail.utils.sendfile import _get_sendfile

    _get_sendfile.clear()
    with InTransactionServer() as application:
        proxy = Nginx(f"127.0.0.1:{application.port}", settings.MEDIA_ROOT, settings.STATIC_ROOT)
        proxy.start()
        try:
            yield proxy
        finally:
            proxy.stop()
            shutil.rmtree(proxy.home, ignore_errors=True)
            _get_sendfile.clear()
