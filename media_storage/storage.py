"""Uploaded files on S3-compatible object storage (django-storages), shared by every app server.

The bucket holds no public object. Readers reach a file only through the views that ask whether they may see it
(delivery.files, Wagtail's document view), so `url()` names those views, not the bucket; the views stream the
object to the reader. A file made private therefore stops being served at once, by every server.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO
from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# What a bucket that fails or cannot be reached raises (connection refused, timeouts, 5xx answers), and with a
# local folder's (a full or read-only disk), what any storage may.
BUCKET_ERRORS = (BotoCoreError, ClientError)
STORAGE_ERRORS = (*BUCKET_ERRORS, OSError)


@dataclass
class StoredObject:
    body: BinaryIO
    length: int
    content_type: str
    modified: datetime
    etag: str


class MediaStorage(S3Storage):
    """Private objects, never overwritten: two uploads of photo.jpg are two objects, as on a local disk."""

    default_acl = None  # the bucket's own: private
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    def stream(self, name):
        """The object's bytes as they arrive, with what a response says of them; FileNotFoundError if it is gone."""
        try:
            answer = self.connection.meta.client.get_object(
                Bucket=self.bucket_name, Key=self._normalize_name(clean_name(name))
            )
        except ClientError as error:
            if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                raise FileNotFoundError(name) from error
            raise
        return StoredObject(
            body=answer["Body"],
            length=answer["ContentLength"],
            content_type=answer.get("ContentType", self.default_content_type),
            modified=answer["LastModified"],
            etag=answer["ETag"],
        )

    def size_or_none(self, name):
        """The stored object's size, or None if there is none."""
        try:
            return self.size(name)
        except FileNotFoundError:
            return None

    def put(self, name, content):
        """Store content under exactly this name, replacing any object there."""
        return self._save(name, content)
