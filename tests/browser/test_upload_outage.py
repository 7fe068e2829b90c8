"""An editor uploads an image while the file storage hangs: the multiple uploader shows why it failed and nothing
is saved; once storage answers again the same upload goes through."""

from wagtail.images import get_image_model

import pytest
from playwright.sync_api import expect

from demo.media import landscape_jpeg
from tests.browser.test_translation_review import log_in
from tests.factories import make_staff
from tests.object_store import bucket_storage, keys, needs_object_store

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), needs_object_store]


def test_an_editor_is_told_when_storage_fails_and_the_upload_goes_through_once_it_is_back(
    live_server, new_page, own_store
):
    make_staff("editor", "ed")
    picture = {"name": "flood-barrier.jpg", "mimeType": "image/jpeg", "buffer": landscape_jpeg("Flood barrier")}
    with bucket_storage(own_store.url, own_store.bucket, MEDIA_STORAGE_TIMEOUT="1"):
        page = new_page()
        log_in(page, live_server.url, "ed")
        page.goto(f"{live_server.url}/admin/images/multiple/add/")
        images = get_image_model().objects.count()

        own_store.run("pause")
        page.set_input_files("input[type=file]", files=[picture])
        expect(page.get_by_text("file storage is not answering")).to_be_visible(timeout=20_000)
        assert get_image_model().objects.count() == images

        own_store.run("resume")
        page.set_input_files("input[type=file]", files=[picture])
        expect(page.get_by_role("button", name="Update")).to_be_visible(timeout=20_000)
        uploaded = get_image_model().objects.latest("pk")
        assert uploaded.title.startswith("flood-barrier") and get_image_model().objects.count() == images + 1
        assert keys(own_store.url, own_store.bucket) == [uploaded.file.name]
