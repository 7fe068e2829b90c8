"""With the S3 server hung (paused: every request to it waits for its timeout), nothing is lost and readers keep
their pages: an upload fails with a message on the form and leaves no row without a file (nor a file without a
row), published pages and cached answers are served, a file fetched from storage is a 503 to retry, and everything
works again once storage is back, with no restart."""

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest

from demo.media import landscape_jpeg, text_pdf

from .factories import make_image, publish_article
from .object_store import bucket_storage, keys, needs_object_store
from .proxy import free_port

pytestmark = [pytest.mark.django_db, needs_object_store]


def upload_image(client, title):
    picture = ContentFile(landscape_jpeg(title), name=f"{title.lower()}.jpg")
    root = Collection.get_first_root_node()
    return client.post(reverse("wagtailimages:add"), {"title": title, "file": picture, "collection": root.pk})


def upload_documents(client, title):
    report = ContentFile(text_pdf(title, ["text"]), name=f"{title.lower()}.pdf")
    return client.post(reverse("wagtaildocs:add_multiple"), {"files[]": report})


def test_storage_outage_loses_nothing_and_readers_keep_their_pages(admin_client, client, own_store):
    with bucket_storage(own_store.url, own_store.bucket, MEDIA_STORAGE_TIMEOUT="1") as bucket:
        image = make_image("Wetland")
        article = publish_article("Wetland restored")
        article.lead_image = image
        article.save_revision().publish()
        page = client.get(article.url)
        answer = client.get(f"/api/v2/pages/{article.pk}/")
        rendition_url = image.get_rendition("max-165x165").url
        assert page.status_code == answer.status_code == client.get(rendition_url).status_code == 200
        images, documents = get_image_model().objects.count(), get_document_model().objects.count()

        own_store.run("pause")
        refused = upload_image(admin_client, "Flood")
        assert refused.status_code == 200
        assert "file storage is not answering" in refused.content.decode()
        refused_document = upload_documents(admin_client, "Minutes").json()
        assert not refused_document["success"]
        assert "file storage is not answering" in refused_document["error_message"]
        assert get_image_model().objects.count() == images
        assert get_document_model().objects.count() == documents

        assert client.get(article.url).content == page.content  # from the response cache
        assert client.get(f"/api/v2/pages/{article.pk}/").content == answer.content
        caches["responses"].clear()
        assert client.get(article.url).status_code == 200  # made again: its renditions are known
        unavailable = client.get(rendition_url)
        assert unavailable.status_code == 503 and unavailable["Retry-After"] == "30"
        assert "no-store" in unavailable["Cache-Control"]

        own_store.run("resume")
        assert client.get(rendition_url).status_code == 200
        assert upload_image(admin_client, "Flood").status_code == 302
        assert upload_documents(admin_client, "Minutes").json()["success"]
        ours = get_image_model().objects.filter(title__in=["Wetland", "Flood"])
        renditions = get_image_model().get_rendition_model().objects.filter(image__in=ours)
        documents = get_document_model().objects.filter(title="minutes.pdf")
        stored = [item.file.name for item in [*ours, *renditions, *documents]]
        assert keys(own_store.url, bucket) == sorted(stored)  # one file for each row, one row for each file


def test_with_the_storage_server_down_an_upload_is_refused_on_the_form_and_pages_are_served(admin_client, client):
    article = publish_article("Wetland walk")
    with bucket_storage(f"http://127.0.0.1:{free_port()}", "nothing-listens-here", MEDIA_STORAGE_TIMEOUT="1"):
        images = get_image_model().objects.count()
        refused = upload_image(admin_client, "Flood")
        assert refused.status_code == 200 and "file storage is not answering" in refused.content.decode()
        assert get_image_model().objects.count() == images
        assert client.get(article.url).status_code == 200
