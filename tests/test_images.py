"""Images for every screen: the original's size and focal point in the API, renditions of the size an app asks for
(signed, made once, cropped around the subject), in AVIF, WebP and JPEG, and nothing of a private image."""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image

from api.media import RENDITION_SPECS
from cms.settings.base import cache_from_url
from delivery.renditions import rendition_url

from .factories import private_collection
from .helpers import SyncedApp, api

pytestmark = pytest.mark.django_db

RED, WHITE = (220, 20, 20), (255, 255, 255)
SUBJECT = (1350, 300, 1450, 600)  # a red bar near the right edge of a white 1600x900 picture


def subject_image(collection=None):
    picture = Image.new("RGB", (1600, 900), WHITE)
    picture.paste(RED, SUBJECT)
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=95)
    image = get_image_model()(
        title="Red square",
        file=ImageFile(data, name="red-square.jpg"),
        collection=collection or Collection.get_first_root_node(),
    )
    image.save()
    return image


def mark_subject(image):
    left, top, right, bottom = SUBJECT
    image.focal_point_x, image.focal_point_y = (left + right) // 2, (top + bottom) // 2
    image.focal_point_width, image.focal_point_height = right - left, bottom - top
    image.save()


def sized_renditions(image):
    """The renditions made for sizes apps asked for (an API answer makes the fixed ones)."""
    return image.renditions.exclude(filter_spec__in=RENDITION_SPECS)


def fetched(client, url):
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200, (url, response.status_code)
    return response, b"".join(response.streaming_content)


def asked(client, image, **size):
    response = api(client, f"/api/v2/images/{image.pk}/", **size)
    assert response.status_code == 200, response.json()
    return response.json()


def test_the_focal_point_and_its_changes_reach_the_api_and_the_next_sync(client):
    image = subject_image()
    app = SyncedApp(client, limit=500)
    app.sync()
    first = asked(client, image)
    assert (first["width"], first["height"], first["focal_point"], first["rendition"]) == (1600, 900, None, None)

    mark_subject(image)
    focal_point = {"x": 0.875, "y": 0.5, "width": 0.0625, "height": 0.3333}
    assert asked(client, image)["focal_point"] == focal_point  # not the answer cached before the change
    changed, _removed = app.sync()
    assert [(item["kind"], item["id"]) for item in changed] == [("image", image.pk)]
    assert changed[0]["focal_point"] == focal_point


def red_pixels(picture):
    return sum(1 for r, g, b in picture.get_flattened_data() if r > 160 and g < 90 and b < 90)


def test_a_fill_crop_keeps_the_whole_subject_the_editor_marked(client):
    """A square from a wide picture: without a focal point its middle, which misses the subject; with one, a crop
    that holds all of it (Wagtail keeps the subject where it sits in the picture, right of centre here)."""
    image = subject_image()

    def square():
        rendition = asked(client, image, image_width=150, image_height=150, image_fit="fill", image_density=2)
        assert (rendition["rendition"]["width"], rendition["rendition"]["height"]) == (300, 300)
        _response, data = fetched(client, rendition["rendition"]["url"])
        picture = Image.open(io.BytesIO(data)).convert("RGB")
        assert picture.size == (300, 300)
        return rendition["rendition"]["url"], picture

    centred_url, centred = square()
    assert red_pixels(centred) == 0
    mark_subject(image)
    cropped_url, cropped = square()
    assert cropped_url != centred_url  # a new URL for the new crop: no cache in front serves the old one
    left, top, right, bottom = SUBJECT
    whole = (right - left) * (bottom - top) / 9  # the 900-pixel square is scaled to 300
    assert whole * 0.9 < red_pixels(cropped) < whole * 1.1


def test_a_signed_url_refuses_a_changed_size_or_format(client):
    image = subject_image()
    url = asked(client, image, image_width=200, image_height=100, image_fit="fill")["rendition"]["url"]
    assert "/fill-200x100/" in url and url.endswith(".jpg")
    for changed in (
        url.replace("fill-200x100", "fill-2000x1000"),
        url.replace("fill-200x100", "max-200x100"),
        url.replace(".jpg", ".webp"),
        url.replace(f"/{image.pk}/", f"/{image.pk + 1}/"),
    ):
        assert client.get(changed.removeprefix("http://testserver")).status_code == 403, changed
    assert sized_renditions(image).count() == 0  # nothing was rendered for them


@pytest.mark.parametrize(
    ("fmt", "pillow_format", "content_type"),
    [
        ("avif", "AVIF", "image/avif"),
        ("webp", "WEBP", "image/webp"),
        ("jpeg", "JPEG", "image/jpeg"),
    ],
)
def test_each_format_is_made_once_and_decoded_by_pillow(client, fmt, pillow_format, content_type):
    image = subject_image()
    url = asked(client, image, image_width=400, image_format=fmt)["rendition"]["url"]
    for _ in range(2):
        response, data = fetched(client, url)
        assert response["Content-Type"] == content_type
        picture = Image.open(io.BytesIO(data))
        picture.load()
        assert (picture.format, picture.size) == (pillow_format, (400, 225))
    assert sized_renditions(image).count() == 1  # made on the first request, then sent as a file
    fixed = asked(client, image)["renditions"]["medium"][fmt]
    _response, data = fetched(client, fixed["url"])
    assert Image.open(io.BytesIO(data)).format == pillow_format


def test_a_private_image_gives_a_stranger_nothing(client):
    hidden, public = subject_image(private_collection()), subject_image()
    url_of_hidden = rendition_url(hidden, "fill-100x100", "webp")  # as if an answer had given it out
    assert client.get(url_of_hidden).status_code == 404
    assert api(client, f"/api/v2/images/{hidden.pk}/", image_width=100).status_code == 404
    assert sized_renditions(hidden).count() == 0

    url = asked(client, public, image_width=100, image_height=100, image_fit="fill")["rendition"]["url"]
    fetched(client, url)
    file_url = sized_renditions(public).get().url
    public.collection = hidden.collection  # made private after its URL went out
    public.save()
    assert client.get(url.removeprefix("http://testserver")).status_code == 404
    assert client.get(file_url).status_code == 404


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"image_width": "0"}, "image_width"),
        ({"image_height": "4001"}, "image_height"),
        ({"image_width": "100", "image_density": "4"}, "image_density"),
        ({"image_width": "100", "image_fit": "crop"}, "image_fit"),
        ({"image_width": "100", "image_format": "gif"}, "image_format"),
    ],
)
def test_a_value_out_of_its_range_is_a_clear_400(client, params, parameter):
    for path in ("/api/v2/images/", "/api/v2/pages/", "/api/v2/sync/"):
        response = api(client, path, **params)
        assert response.status_code == 400, (path, params)
        assert response.json()["parameter"] == parameter
    assert api(client, "/api/v2/documents/", image_width="100").json()["code"] == "unknown_parameter"


@pytest.mark.parametrize(
    ("params", "size"),
    [
        ({"image_height": "90", "image_fit": "fill"}, (160, 90)),  # one side: scaled to it, whatever the fit
        ({"image_format": "webp"}, (1600, 900)),  # no side: the original's size
        ({"image_width": "4000", "image_height": "1000", "image_fit": "fill", "image_density": "3"}, (1600, 400)),
    ],
)
def test_every_size_the_schema_allows_can_be_made(client, params, size):
    """The last: 12,000 x 3,000 pixels asked, scaled to 4,000 x 1,000 and cropped from the original, not enlarged."""
    rendition = asked(client, subject_image(), **params)["rendition"]
    assert (rendition["width"], rendition["height"]) == size
    _response, data = fetched(client, rendition["url"])
    assert Image.open(io.BytesIO(data)).size == size


def test_pages_and_every_page_of_a_sync_carry_the_size_asked(client):
    size = {"image_width": "120", "image_height": "120", "image_fit": "fill", "image_format": "webp"}
    article = next(
        item
        for item in api(client, "/api/v2/pages/", type="news.NewsArticlePage", fields="lead_image", **size).json()[
            "items"
        ]
        if item["lead_image"]
    )
    rendition = article["lead_image"]["rendition"]
    assert (rendition["width"], rendition["height"], rendition["format"]) == (120, 120, "webp")
    answer = api(client, "/api/v2/sync/", limit=5, **size).json()
    assert all(f"{name}={value}" in answer["next_page_url"] for name, value in size.items())


def test_avif_webp_and_jpeg_are_each_written_by_this_pillow_and_a_missing_codec_stops_the_server(monkeypatch):
    from PIL import features

    from delivery.apps import pillow_writes_every_rendition_format

    assert pillow_writes_every_rendition_format() == []
    real_check = features.check
    monkeypatch.setattr(features, "check", lambda codec: codec != "avif" and real_check(codec))
    (error,) = pillow_writes_every_rendition_format()
    assert error.id == "delivery.E001" and "avif" in error.msg


def test_an_editor_replacing_the_file_reaches_the_cached_api_the_next_sync_and_the_renditions(
    client, admin_client, settings
):
    settings.CACHES = {"default": cache_from_url(""), "responses": cache_from_url("")}
    image = subject_image()
    app = SyncedApp(client, limit=500)
    app.sync()
    size = {"image_width": 200, "image_height": 200, "image_fit": "fill"}
    for _ in range(3):  # stored in the response cache by now
        before = asked(client, image, **size)
    _response, old_square = fetched(client, before["rendition"]["url"])

    blue = io.BytesIO()
    Image.new("RGB", (1200, 800), (20, 40, 220)).save(blue, "JPEG")
    blue.name = "blue.jpg"
    blue.seek(0)
    edited = admin_client.post(
        f"/admin/images/{image.pk}/", {"title": image.title, "collection": image.collection_id, "file": blue}
    )
    assert edited.status_code == 302, edited.context["form"].errors

    after = asked(client, image, **size)
    assert (after["width"], after["height"]) == (1200, 800)
    assert after["rendition"]["url"] != before["rendition"]["url"]
    _response, new_square = fetched(client, after["rendition"]["url"])
    assert Image.open(io.BytesIO(new_square)).convert("RGB").getpixel((100, 100)) == pytest.approx(
        (20, 40, 220), abs=12
    )
    assert old_square != new_square
    changed, _removed = app.sync()
    assert [(item["kind"], item["id"], item["width"]) for item in changed] == [("image", image.pk, 1200)]


def test_a_lost_rendition_file_is_made_again_and_a_lost_original_is_a_404(client):
    image = subject_image()
    rendition = image.get_rendition("fill-300x200|format-webp")
    rendition.file.storage.delete(rendition.file.name)
    _response, data = fetched(client, rendition.url)
    assert data[8:12] == b"WEBP" and rendition.file.storage.exists(rendition.file.name)

    image.file.storage.delete(image.file.name)
    assert client.get(image.file.url).status_code == 404
    rendition.file.storage.delete(rendition.file.name)
    assert client.get(rendition.url).status_code == 410  # nothing left to make it from
