"""Uploads on S3-compatible object storage (a real SeaweedFS): stored in the bucket, never public there, fetched by
readers only through the site's checked views, renditions made once and made again when their file is lost, and
existing media moved into a bucket."""

import threading
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.images import get_image_model

import pytest

from demo.media import landscape_jpeg

from .conftest import needs_postgresql
from .factories import make_document, make_image, private_collection
from .object_store import STORE_URL, bucket_storage, keys, needs_object_store, s3_client

pytestmark = [pytest.mark.django_db, needs_object_store]


def anonymous_status(bucket, key):
    """What the bucket answers a stranger who asks it for the object directly."""
    try:
        return urllib.request.urlopen(f"{STORE_URL}/{bucket}/{key}", timeout=5).status  # noqa: S310 - the test store
    except urllib.error.HTTPError as error:
        return error.code


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_upload_is_stored_in_the_bucket_and_readers_fetch_it_through_the_site(admin_client, client):
    with bucket_storage(STORE_URL) as bucket:
        picture = landscape_jpeg("River clean-up")
        answer = admin_client.post(
            reverse("wagtailimages:add_multiple"), {"files[]": ContentFile(picture, name="river.jpg")}
        )
        assert answer.json()["success"], answer.json()
        image = get_image_model().objects.latest("pk")
        assert keys(STORE_URL, bucket) == [image.file.name]
        assert not (Path(settings.MEDIA_ROOT) / image.file.name).exists()
        assert image.file_size == len(picture) and image.width == 1600

        rendition = image.get_rendition("max-165x165")
        assert rendition.url == f"/media/{rendition.file.name}"
        response = client.get(rendition.url)
        stored = s3_client(STORE_URL).get_object(Bucket=bucket, Key=rendition.file.name)["Body"].read()
        assert response.status_code == 200 and body(response) == stored
        assert response["Content-Type"] == "image/jpeg" and response["Cache-Control"] == "public, max-age=60"
        again = client.get(rendition.url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304

        assert anonymous_status(bucket, rendition.file.name) == 403
        assert anonymous_status(bucket, image.file.name) == 403


def test_private_files_are_reached_only_through_the_check(client):
    with bucket_storage(STORE_URL) as bucket:
        board = private_collection()
        secret_image, secret_document = make_image("Board photo", board), make_document("Board minutes", board)
        public_document = make_document("Annual report")
        stored = s3_client(STORE_URL).get_object(Bucket=bucket, Key=secret_document.file.name)["Body"].read()

        assert client.get(f"/media/{secret_image.file.name}").status_code == 404
        assert client.get(secret_image.get_rendition("max-165x165").url).status_code == 404
        refused = client.get(secret_document.url)
        assert refused.status_code == 200 and stored not in body(refused)  # the collection's password form
        for key in (secret_image.file.name, secret_document.file.name):
            assert anonymous_status(bucket, key) == 403

        response = client.get(public_document.url)
        assert response.status_code == 200
        assert (
            body(response)
            == s3_client(STORE_URL).get_object(Bucket=bucket, Key=public_document.file.name)["Body"].read()
        )
        assert anonymous_status(bucket, public_document.file.name) == 403


def test_a_rendition_whose_file_is_gone_is_made_again_under_its_name(client):
    with bucket_storage(STORE_URL) as bucket:
        rendition = make_image("Tree planting").get_rendition("fill-300x200|format-webp")
        s3_client(STORE_URL).delete_object(Bucket=bucket, Key=rendition.file.name)

        response = client.get(rendition.url)
        assert response.status_code == 200 and body(response)[8:12] == b"WEBP"
        assert rendition.file.name in keys(STORE_URL, bucket, "images/")
        assert rendition.image.renditions.count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_requests_for_one_new_rendition_at_once_store_one_file_and_one_row():
    with bucket_storage(STORE_URL) as bucket:
        image = make_image("Solar panels", size=(3000, 2000))
        start = threading.Barrier(2)
        failures = []

        def ask():
            try:
                start.wait()
                get_image_model().objects.get(pk=image.pk).get_rendition("fill-800x600|format-avif")
            except Exception as error:  # reported below
                failures.append(error)

        askers = [threading.Thread(target=ask) for _ in range(2)]
        for asker in askers:
            asker.start()
        for asker in askers:
            asker.join()
        assert not failures
        assert image.renditions.filter(filter_spec="fill-800x600|format-avif").count() == 1
        assert len(keys(STORE_URL, bucket, "images/")) == 1


def test_local_media_are_moved_into_the_bucket_resuming_where_a_run_stopped(client, tmp_path, capsys):
    with override_settings(MEDIA_ROOT=tmp_path):  # a site that has kept its uploads on local disk
        image, document = make_image("Moved photo"), make_document("Moved report")
        rendition = image.get_rendition("max-165x165")
    local = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file())
    assert local == sorted([image.file.name, rendition.file.name, document.file.name])
    with bucket_storage(STORE_URL) as bucket:
        # A run that stopped after its first file.
        s3_client(STORE_URL).put_object(Bucket=bucket, Key=local[0], Body=(tmp_path / local[0]).read_bytes())

        call_command("move_media_to_bucket", "--from", str(tmp_path))
        assert keys(STORE_URL, bucket) == local
        assert "2 files copied, 1 already in the bucket." in capsys.readouterr().out
        call_command("move_media_to_bucket", "--from", str(tmp_path), "--delete-local")
        assert "0 files copied, 3 already in the bucket; 3 local files removed." in capsys.readouterr().out
        assert not any(path.is_file() for path in tmp_path.rglob("*"))

        response = client.get(rendition.url)
        assert response.status_code == 200 and body(response) == rendition.file.storage.open(rendition.file.name).read()
        assert body(client.get(document.url)).startswith(b"%PDF")
