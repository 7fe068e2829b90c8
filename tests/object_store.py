"""The S3 test server, SeaweedFS (tools/object_store.sh): `make test` starts one and names it in TEST_OBJECT_STORE_URL;
tests that stop storage start one of their own. Each test gets a bucket of its own."""

import contextlib
import os
import subprocess
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.test import override_settings

import boto3
import pytest

from cms.settings.base import media_storage_from_env

from .proxy import free_port

STORE_URL = os.environ.get("TEST_OBJECT_STORE_URL", "")
ACCESS_KEY = os.environ.get("OBJECT_STORE_ACCESS_KEY", "cms-local")
SECRET_KEY = os.environ.get("OBJECT_STORE_SECRET_KEY", "cms-local-secret")
SCRIPT = Path(settings.BASE_DIR) / "tools" / "object_store.sh"
INSTALL = (
    "needs the S3 test server, SeaweedFS, which make test builds and starts when Go is installed "
    "(apt-get install -y golang-go)"
)
needs_object_store = pytest.mark.skipif(not STORE_URL, reason=INSTALL)


def store_environ(url, bucket, **extra):
    """The environment variables a deployment sets for the bucket."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": url,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_S3_REGION_NAME": "us-east-1",
        **extra,
    }


def s3_client(url):
    return boto3.client(
        "s3", endpoint_url=url, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, region_name="us-east-1"
    )


def new_bucket(url):
    name = f"test-{uuid.uuid4().hex[:12]}"
    s3_client(url).create_bucket(Bucket=name)
    return name


def keys(url, bucket, prefix=""):
    """The keys of the bucket's objects under prefix, in order."""
    pages = s3_client(url).get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return sorted(entry["Key"] for page in pages for entry in page.get("Contents", ()))


@contextlib.contextmanager
def bucket_storage(url, bucket=None, **extra):
    """Within this block, uploads go to a new bucket of the store (its name is yielded)."""
    bucket = bucket or new_bucket(url)
    default = media_storage_from_env(store_environ(url, bucket, **extra))
    with override_settings(STORAGES={**settings.STORAGES, "default": default}):
        yield bucket


class OwnStore:
    """A store a test may pause (a hung store) and resume, or stop."""

    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="cms-test-store-")
        self.port = free_port()
        self.url = ""

    def start(self):
        command = [SCRIPT, "start", str(self.port), self.home]
        started = subprocess.run(command, capture_output=True, text=True)  # noqa: S603 - our own script
        assert started.returncode == 0, started.stderr
        self.url = started.stdout.strip()
        return self.url

    def run(self, action):
        subprocess.run([SCRIPT, action, self.home], check=True)  # noqa: S603 - our own script
