"""gunicorn's production settings: `gunicorn -c cms/gunicorn.py cms.wsgi`, each from an environment variable.

Sync workers, one per request in flight: WEB_CONCURRENCY of them (default two per core, plus one). Each keeps one
database connection (DATABASE_CONN_MAX_AGE), so the servers' workers together must stay under PostgreSQL's
max_connections. A worker is replaced after about GUNICORN_MAX_REQUESTS requests, so that its memory stays flat."""

import multiprocessing
import os
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = timeout
keepalive = 5  # seconds, for the proxy in front
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10  # workers are not all replaced at once
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 - heartbeats in memory, not on a disk that may stall
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
