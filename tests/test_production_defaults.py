"""What a deployer gets without setting anything beyond the required secrets: persistent, checked database
connections and gunicorn's settings from cms/gunicorn.py."""

import os
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
