"""Two app servers as a load balancer would have them: gunicorn with the production settings on two ports, each
with a task worker beside it and a MEDIA_ROOT of its own (left empty), sharing only the services: PostgreSQL (this
test worker's database), Redis, the S3 server (a bucket of their own) and the search node. Requests reach them as
from nginx over HTTPS (X-Forwarded-Proto), so the production settings' secure cookies and CSRF checks apply."""

import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest
import redis
import requests

from .object_store import STORE_URL, new_bucket, store_environ
from .proxy import free_port

BIN = Path(sys.executable).parent
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
needs_shared_services = pytest.mark.skipif(
    connection.vendor != "postgresql" or not settings.TEST_REDIS_URL or not STORE_URL or not ELASTICSEARCH_URL,
    reason="needs PostgreSQL, Redis, the S3 test server and a search node, all of which CI starts "
    "(apt-get install -y postgresql redis-server, then bash tools/start_postgres.sh and "
    "DATABASE_URL=postgres://cms:cms@127.0.0.1:5432/cms make test)",
)


def shared_environment(static_root, bucket):
    """What both servers and their workers are given: the services, and the production settings' secrets."""
    database = connection.settings_dict
    redis_url = re.sub(r"/\d*$", "", settings.TEST_REDIS_URL) + f"/{15 - settings.WORKER_NUMBER}"
    redis.Redis.from_url(redis_url).flushdb()  # no answer cached by another run's servers
    return {
        **{name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "PYTEST", "DJANGO"))},
        **store_environ(STORE_URL, bucket),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "two-servers-test",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}",
        "CACHE_URL": redis_url,
        "ELASTICSEARCH_URL": ELASTICSEARCH_URL,
        "ELASTICSEARCH_INDEX_PREFIX": settings.ELASTICSEARCH_INDEX_PREFIX,
        "STATIC_ROOT": str(static_root),
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "ERROR",
    }


class AppServer:
    """One of the two: gunicorn and its task worker, and a browser-like client of it."""

    def __init__(self, name, environment):
        self.name, self.port = name, free_port()
        self.media_root = Path(tempfile.mkdtemp(prefix=f"cms-server-{name}-media-"))
        self.environment = {
            **environment,
            "MEDIA_ROOT": str(self.media_root),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
        }
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.origin = f"https://127.0.0.1:{self.port}"
        self.processes = []
        self.cookies = {}

    def start(self):
        control = self.media_root.parent / f"cms-server-{self.name}-{self.port}.ctl"  # each its own, on one machine
        server = [BIN / "gunicorn", "-c", "cms/gunicorn.py", "--control-socket", control, "cms.wsgi"]
        worker = [BIN / "python", "manage.py", "db_worker"]
        for command in (server, worker):
            process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=self.environment)  # noqa: S603 - our own
            self.processes.append(process)
        deadline = time.monotonic() + 120  # a loaded CI machine takes its time over the first request
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.base_url}/robots.txt", timeout=30).status_code == 200:
                    return self
            assert all(process.poll() is None for process in self.processes), f"server {self.name} stopped"
            time.sleep(0.25)
        raise AssertionError(f"server {self.name} did not answer on port {self.port}")

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=30)

    def request(self, method, path, **kwargs):
        """A request as nginx passes it on over HTTPS, with this client's cookies."""
        headers = {"X-Forwarded-Proto": "https", "Referer": self.origin + "/", **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method, self.base_url + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path, params=None, **kwargs):
        return self.request("GET", path, params=params, **kwargs)

    def post(self, path, data=None, **kwargs):
        """A form posted with the CSRF token the server gave this client."""
        headers = {"X-CSRFToken": self.cookies.get("csrftoken", ""), "Origin": self.origin}
        return self.request("POST", path, data=data, headers=headers, **kwargs)

    def log_in(self, username, password):
        self.get("/admin/login/")
        response = self.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
        assert response.status_code == 302 and response.headers["Location"] == "/admin/", response.status_code
        return self

    def media_files(self):
        return [path for path in self.media_root.rglob("*") if path.is_file()]


@contextlib.contextmanager
def two_servers():
    """Servers A and B and the bucket they share."""
    static_root = Path(tempfile.mkdtemp(prefix="cms-servers-static-"))
    bucket = new_bucket(STORE_URL)
    environment = shared_environment(static_root, bucket)
    subprocess.run(  # noqa: S603 - our own management command
        [BIN / "python", "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
    )
    servers = [AppServer("a", environment), AppServer("b", environment)]
    try:
        for server in servers:
            server.start()
        yield (*servers, bucket)
    finally:
        for server in servers:
            server.stop()
