"""Settings shared by every environment; anything secret or host-specific comes from the environment."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "resources",
    "glossary",
    "search",
    "search_insights",
    "api",
    "delivery",
    "media_storage",
    "scheduling",
    "webhooks",
    "batches",
    "translation",  # before wagtail_localize: its admin URLs take the place of two of wagtail-localize's
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "django_tasks",
    "django_tasks_db",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "corsheaders",
    "drf_spectacular_sidecar",
    "wagtail.api.v2",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.ControlCharacterGuardMiddleware",
    "cms.middleware.ReaderLocaleMiddleware",
    "search_insights.middleware.SearchCountingMiddleware",  # outside the response cache: counts its answers too
    "delivery.middleware.ResponseCacheMiddleware",
    "delivery.middleware.ReadersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "translation.guards.PublisherOnlyActionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "translation.review.ApprovalConfirmationMiddleware",  # inside MessageMiddleware: its message is kept
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "media_storage.middleware.StorageOutageMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The server and the task worker write to the same file: a writer takes the lock when its transaction begins
    # and others wait for it (up to 20 s) instead of failing with "database is locked". In WAL mode readers never
    # wait for a writer (the background writers: task workers, search counts).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )


def cache_from_url(url):
    """CACHE_URL (or REDIS_URL): redis://host:port/db for Redis, dummy:// for none, else local memory."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}


# The shared response cache (delivery/): local memory by default (one per server process), Redis in production.
# Entries are keyed by the content version, so a change makes them unreachable at once and they age out after
# RESPONSE_CACHE_SECONDS; RELEASE (a commit id, say) keys them by deploy too (by default, a digest of the code).
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
CACHES = {
    "default": cache_from_url(CACHE_URL),
    # Its own alias, so that RESPONSE_CACHE_URL=dummy:// turns off only the response cache (as the benchmark does).
    "responses": cache_from_url(os.environ.get("RESPONSE_CACHE_URL", CACHE_URL)),
}
RESPONSE_CACHE = "responses"
RESPONSE_CACHE_SECONDS = int(os.environ.get("RESPONSE_CACHE_SECONDS", "3600"))
# With a shared cache, each process also keeps the responses it used most recently, up to this many bytes.
RESPONSE_CACHE_LOCAL_BYTES = int(os.environ.get("RESPONSE_CACHE_LOCAL_BYTES", str(32 * 1024 * 1024)))
RELEASE = os.environ.get("RELEASE", "")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the first is the source language, the others its translations. CONTENT_LANGUAGES adds one without a
# code change, e.g. "en=English,zh-hans=Simplified Chinese,zh-hant=Traditional Chinese" (then create its locale and
# translate the home page in the admin, and run setup_roles).
KNOWN_LANGUAGE_NAMES = {"en": _("English"), "zh-hans": _("Simplified Chinese"), "zh-hant": _("Traditional Chinese")}


def languages_from_env(value):
    pairs = [item.split("=", 1) for item in value.split(",") if item.strip()]
    return [(code.strip(), KNOWN_LANGUAGE_NAMES.get(code.strip(), name.strip())) for code, name in pairs]


LANGUAGES = languages_from_env(os.environ.get("CONTENT_LANGUAGES", "en=English,zh-hans=Simplified Chinese"))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Readers fetch every file through the site's checked views under MEDIA_URL: a CDN goes in front of the site (set
# MEDIA_URL to its address), never in front of the bucket.
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")


def media_storage_from_env(environ=os.environ):
    """Uploads in MEDIA_ROOT, or on S3-compatible object storage shared by every app server when
    AWS_STORAGE_BUCKET_NAME is set (media_storage/). The keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
    (or the machine's role); AWS_S3_ENDPOINT_URL names a server other than Amazon's (addressed by path),
    AWS_S3_REGION_NAME its region; MEDIA_STORAGE_TIMEOUT bounds each request to it, in seconds."""
    if not environ.get("AWS_STORAGE_BUCKET_NAME"):
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if environ.get("AWS_S3_CUSTOM_DOMAIN"):
        raise ImproperlyConfigured(
            "AWS_S3_CUSTOM_DOMAIN would send readers to the bucket, which holds private files too: readers fetch "
            "files through the site, so put the CDN in front of the site and set MEDIA_URL to its address."
        )
    from botocore.config import Config

    endpoint = environ.get("AWS_S3_ENDPOINT_URL") or None
    timeout = float(environ.get("MEDIA_STORAGE_TIMEOUT", "5"))
    client = Config(
        connect_timeout=min(timeout, 2),
        read_timeout=timeout,
        retries={"mode": "standard", "max_attempts": 2},
        s3={"addressing_style": "path" if endpoint else "auto"},
        signature_version="s3v4",
    )
    options = {
        "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
        "endpoint_url": endpoint,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "client_config": client,
        # A file Wagtail's document view reads whole is kept in memory up to this size, then in a temporary file.
        "max_memory_size": 4 * 1024 * 1024,
    }
    for option, name in (("access_key", "AWS_ACCESS_KEY_ID"), ("secret_key", "AWS_SECRET_ACCESS_KEY")):
        if environ.get(name):
            options[option] = environ[name]
    return {"BACKEND": "media_storage.storage.MediaStorage", "OPTIONS": options}


STORAGES = {
    "default": media_storage_from_env(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Harmony Foundation"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Files: documents only through Wagtail's view, which checks their collection; images through delivery.files.
# Behind nginx, MEDIA_ACCEL_REDIRECT names an `internal` location over MEDIA_ROOT and nginx sends the bytes.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# AVIF at 60 looks as JPEG at 85 does and weighs less than WebP at Wagtail's 80 (at its own default of 80 it weighed
# more than the WebP rendition on the demo's pictures). Pillow's wheels from PyPI carry the AVIF codec.
WAGTAILIMAGES_AVIF_QUALITY = int(os.environ.get("WAGTAILIMAGES_AVIF_QUALITY", "60"))
MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")
if MEDIA_ACCEL_REDIRECT:
    SENDFILE_BACKEND = "delivery.files"
# Uploads are stored while the admin's forms validate them, so that a storage failure is a form error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_storage.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_storage.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Search: Wagtail's database backend by default; a search engine (Elasticsearch 7.10 or OpenSearch 3, which speak
# the same API) when ELASTICSEARCH_URL is set, for both the reader-facing search (search/) and Wagtail's admin
# search, through one guarded client per process (search/engine.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "cms")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# Writes (index updates and rebuilds, run by background tasks and commands) may wait longer than a reader would.
ELASTICSEARCH_WRITE_TIMEOUT = float(os.environ.get("ELASTICSEARCH_WRITE_TIMEOUT", "60"))
# After a failure, searches skip the engine for this long, then a probe with this timeout asks it again.
SEARCH_ENGINE_COOLDOWN = float(os.environ.get("SEARCH_ENGINE_COOLDOWN", "10"))
SEARCH_ENGINE_PROBE_TIMEOUT = float(os.environ.get("SEARCH_ENGINE_PROBE_TIMEOUT", "0.5"))
# Index updates that found the engine down are retried after 1, 2, 4 … seconds, at most this many.
SEARCH_INDEX_RETRY_MAX_DELAY = float(os.environ.get("SEARCH_INDEX_RETRY_MAX_DELAY", "10"))
# A search counts, ranks, facets and pages through at most this many matches ("1000 or more results"): a common
# word is in most pages of a large site, and counting them all costs each backend a look at every one.
SEARCH_MAX_MATCHES = int(os.environ.get("SEARCH_MAX_MATCHES", "1000"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.compat.database_search_backend"}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.compat.EngineSearchBackend",
            "URLS": [ELASTICSEARCH_URL],
            # Wagtail's own indexes (the admin's search): cms_wagtail_wagtailcore_page and so on.
            "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}_wagtail_",
        },
        # Kept up to date too: searches fall back to it when the engine is unavailable.
        "database": {"BACKEND": "search.compat.database_search_backend"},
    }

# Background tasks (django-tasks: scheduled publishing, search index updates, translation syncs, Wagtail's own): run
# by a worker process (`manage.py db_worker`) from the database, so that no request waits for them and a schedule
# is carried out at its time. BACKGROUND_TASKS=false runs them at once, in the request, and carries out no schedule.
BACKGROUND_TASKS = os.environ.get("BACKGROUND_TASKS", "true").lower() == "true"
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if BACKGROUND_TASKS
        else "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "webhooks"],
    }
}

# Search insights (search_insights): reader searches are counted unless SEARCH_COUNTING=false, and written in
# batches every SEARCH_COUNTS_FLUSH_SECONDS; raw events are kept SEARCH_EVENTS_KEEP_DAYS, the daily counts the
# report reads SEARCH_COUNTS_KEEP_DAYS.
SEARCH_COUNTING = os.environ.get("SEARCH_COUNTING", "true").lower() == "true"
SEARCH_COUNTS_FLUSH_SECONDS = float(os.environ.get("SEARCH_COUNTS_FLUSH_SECONDS", "5"))
SEARCH_EVENTS_KEEP_DAYS = int(os.environ.get("SEARCH_EVENTS_KEEP_DAYS", "14"))
SEARCH_COUNTS_KEEP_DAYS = int(os.environ.get("SEARCH_COUNTS_KEEP_DAYS", "366"))

# Webhooks (the webhooks app; sent by the worker of the `webhooks` queue): seconds a receiver has to answer, hours an
# event is retried, days of failing before an endpoint is switched off, days the delivery log is kept. Receivers on
# loopback, private or link-local addresses are refused unless WEBHOOKS_ALLOW_PRIVATE=true (a closed network).
WEBHOOKS_TIMEOUT = float(os.environ.get("WEBHOOKS_TIMEOUT", "5"))
WEBHOOKS_RETRY_HOURS = float(os.environ.get("WEBHOOKS_RETRY_HOURS", "28"))
WEBHOOKS_SWITCH_OFF_DAYS = float(os.environ.get("WEBHOOKS_SWITCH_OFF_DAYS", "5"))
WEBHOOKS_KEEP_DAYS = float(os.environ.get("WEBHOOKS_KEEP_DAYS", "30"))
WEBHOOKS_ALLOW_PRIVATE = os.environ.get("WEBHOOKS_ALLOW_PRIVATE", "false").lower() == "true"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # The client logs every failed request with its traceback; search/engine.py says once that the engine is out.
    "loggers": {"elasticsearch": {"level": "ERROR"}},
}

# Translation workflow (wagtail-localize). New translations start as drafts: a Chinese page goes live only
# after it has been translated and approved in the "Review translation" workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# An approved translation publishes the revision the reviewer approved, not a later draft.
WAGTAIL_FINISH_WORKFLOW_ACTION = "translation.finish.publish_submitted_revision"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]


def machine_translator_from_env():
    """DeepL when DEEPL_AUTH_KEY is set, else LibreTranslate when LIBRETRANSLATE_URL is set, else none."""
    if os.environ.get("DEEPL_AUTH_KEY"):
        options = {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]}
        if os.environ.get("DEEPL_API_URL"):
            options["API_URL"] = os.environ["DEEPL_API_URL"]
        return {"CLASS": "translation.machine.DeepLTranslator", "OPTIONS": options}
    if os.environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
                "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    return None


# Without a provider, development and tests use a translator that applies only the glossary.
DEVELOPMENT_MACHINE_TRANSLATOR = {"CLASS": "translation.machine.GlossaryTranslator", "OPTIONS": {}}
if machine_translator_from_env():
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()

# Headless API (/api/v2/): rich text as display HTML, at most 100 items a request, CORS for the apps' origins.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
REST_FRAMEWORK = {"EXCEPTION_HANDLER": "endpoints.errors.api_exception_handler"}
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
