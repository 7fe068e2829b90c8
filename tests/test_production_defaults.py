"""What a deployer gets without setting anything beyond the required secrets: persistent, checked database
connections and gunicorn's settings from cms/gunicorn.py."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "production-defaults-test-secret-key-production-defaults-test",
    "ALLOWED_HOSTS": "example.org",
}


def production_setting(expression, **environment):
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(  # noqa: S603 - this interpreter
        [sys.executable, "-c", code], cwd=ROOT, env={**PRODUCTION, **environment}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    database = "settings.DATABASES['default']"
    assert production_setting(f"{database}['CONN_MAX_AGE'], {database}['CONN_HEALTH_CHECKS']") == "60 True"
    assert production_setting(f"{database}['CONN_MAX_AGE']", DATABASE_CONN_MAX_AGE="0") == "0"


def test_uploads_stay_on_local_disk_unless_a_bucket_is_named():
    assert production_setting("settings.STORAGES['default']['BACKEND']") == (
        "django.core.files.storage.FileSystemStorage"
    )
    bucket = {"AWS_STORAGE_BUCKET_NAME": "harmony-media", "AWS_S3_REGION_NAME": "ap-east-1"}
    assert production_setting("settings.STORAGES['default']['BACKEND']", **bucket) == (
        "media_storage.storage.MediaStorage"
    )
    stored_at = "__import__('django.core.files.storage').core.files.storage.default_storage.url('images/a b.jpg')"
    assert production_setting(stored_at, **bucket) == "/media/images/a%20b.jpg"  # the checked view, not the bucket


def test_a_cdn_on_the_bucket_is_refused_at_start_up():
    code = "import django; django.setup()"
    environment = {**PRODUCTION, "AWS_STORAGE_BUCKET_NAME": "harmony-media", "AWS_S3_CUSTOM_DOMAIN": "cdn.example.org"}
    started = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True)  # noqa: S603
    assert started.returncode != 0 and "put the CDN in front of the site" in started.stderr


def test_gunicorn_reads_its_production_settings_from_the_environment():
    command = [str(Path(sys.executable).parent / "gunicorn"), "-c", "cms/gunicorn.py", "--print-config", "cms.wsgi"]
    printed = subprocess.run(  # noqa: S603 - gunicorn of this environment
        command, cwd=ROOT, env={**PRODUCTION, "WEB_CONCURRENCY": "5", "PORT": "8123"}, capture_output=True, text=True
    ).stdout
    config = {name.strip(): value.strip() for name, _, value in (line.partition("=") for line in printed.splitlines())}
    assert config["workers"] == "5"
    assert config["bind"] == "['0.0.0.0:8123']"
    assert config["max_requests"] == "2000"
    assert int(config["max_requests_jitter"]) > 0


STATIC_CHECK = """
import django, json
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client
call_command("collectstatic", interactive=False, verbosity=0)
url = staticfiles_storage.url("css/site.css")
response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
print(json.dumps({"url": url, "status": response.status_code, **{h: response.get(h) for h in ("Cache-Control",
    "Content-Encoding", "Content-Type")}}))
"""


def test_production_serves_static_files_hashed_compressed_and_cached_for_a_year(tmp_path):
    """Without nginx in front (a PaaS, one container): gunicorn's own answer for the site's stylesheet."""
    environment = {
        **PRODUCTION,
        "STATIC_ROOT": str(tmp_path),
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
    }
    result = subprocess.run(  # noqa: S603 - this interpreter
        [sys.executable, "-c", STATIC_CHECK], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", answer["url"])
    assert answer["status"] == 200
    assert answer["Content-Encoding"] == "gzip"
    assert answer["Content-Type"].startswith("text/css")
    assert "immutable" in answer["Cache-Control"] and "max-age=315360000" in answer["Cache-Control"]
