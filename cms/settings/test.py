"""Tests: fast hashing, local caches, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403
from .base import DEVELOPMENT_MACHINE_TRANSLATOR, ELASTICSEARCH_URL, WAGTAILSEARCH_BACKENDS, os

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": os.environ.get("LOG_LEVEL", "ERROR")}}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEVELOPMENT_MACHINE_TRANSLATOR
ELASTICSEARCH_INDEX_PREFIX = "test_cms"
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"]["INDEX"] = "test_cms_wagtail"
# Tasks run at once, in the test's transaction; the background path (queue, worker, retries) is tested with
# DATABASE_TASKS and the real db_worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SEARCH_ENGINE_COOLDOWN = 1
SEARCH_INDEX_RETRY_MAX_DELAY = 1
