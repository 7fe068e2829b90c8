"""Tests: fast hashing, local caches, media in a temporary folder."""

import atexit
import re
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import (
    CACHE_URL,
    DEVELOPMENT_MACHINE_TRANSLATOR,
    ELASTICSEARCH_URL,
    WAGTAILSEARCH_BACKENDS,
    cache_from_url,
    os,
)

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": os.environ.get("LOG_LEVEL", "ERROR")}}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEVELOPMENT_MACHINE_TRANSLATOR

# Under pytest-xdist each worker (gw0, gw1, ...) has a database of its own (pytest-django adds the worker's name),
# and here its own search indexes and Redis database, so that workers never see each other's content.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
WORKER_NUMBER = int(WORKER.removeprefix("gw") or 0)


def for_this_worker(redis_url):
    """redis://host:port/N becomes .../N+k for worker gwk; other URLs are left as they are."""
    database = re.fullmatch(r"(rediss?://[^/]+)(?:/(\d*))?", redis_url)
    return f"{database[1]}/{int(database[2] or 0) + WORKER_NUMBER}" if database else redis_url


ELASTICSEARCH_INDEX_PREFIX = f"test_cms_{WORKER or 'main'}"
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"{ELASTICSEARCH_INDEX_PREFIX}_wagtail_"
CACHES = {
    "default": cache_from_url(for_this_worker(CACHE_URL)),
    "responses": cache_from_url(for_this_worker(os.environ.get("RESPONSE_CACHE_URL", CACHE_URL))),
}
# The Redis the response-cache tests use (make test starts one): a database of their own, emptied around each.
TEST_REDIS_URL = for_this_worker(os.environ.get("TEST_REDIS_URL", ""))
# Tasks run at once, in the test's transaction; the background path (queue, worker, retries) is tested with
# DATABASE_TASKS and the real db_worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default", "webhooks"]}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "webhooks"]}}
# Counted searches are written when a test asks (search_insights.counting.write_noted), in its transaction.
SEARCH_COUNTS_FLUSH_SECONDS = 0
# The webhook tests' receivers listen on loopback; a hung one is given up on after a second.
WEBHOOKS_ALLOW_PRIVATE = True
WEBHOOKS_TIMEOUT = 1
SEARCH_ENGINE_COOLDOWN = 1
ELASTICSEARCH_WRITE_TIMEOUT = 10  # a hung node fails a test's index writes in seconds, not a minute each
SEARCH_INDEX_RETRY_MAX_DELAY = 1
