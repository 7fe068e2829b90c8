"""The headless JSON API: content in both languages, filters, errors, caching, CORS, preview, constant query
counts, and nothing unpublished or private ever leaking (the schema: test_api_schema.py)."""

import json

from django.core.files.storage import default_storage
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from api.views import preview_token
from news.models import NewsArticlePage, NewsIndexPage
from resources.models import ProgramPage, SuccessStoryPage, TipSheetPage

from .engine_index import unindexed
from .factories import make_document, make_image, private_collection, rich_article
from .helpers import NEWS, SyncedApp, api, chinese_translation, detail, items

pytestmark = pytest.mark.django_db


# -- content in both languages ------------------------------------------------------------------------


def test_a_client_lists_chinese_news_opens_one_and_follows_its_translation(client):
    chinese_news = items(client, type=NEWS, locale="zh-hans", fields="*")
    assert len(chinese_news) == 5
    assert all(item["meta"]["locale"] == "zh-hans" for item in chinese_news)
    article = detail(client, chinese_news[0]["id"])
    assert article["title"] == chinese_news[0]["title"]
    english = next(t for t in article["translations"] if t["locale"] == "en")
    english_article = client.get(english["detail_url"]).json()
    assert english_article["meta"]["locale"] == "en"
    assert {t["id"] for t in english_article["translations"]} == {english["id"], article["id"]}
    for block in article["body"]:
        assert set(block) >= {"type", "value", "id"}
    assert any(block["type"] == "quote" and block["value"]["attribution"] for block in article["body"])


def test_images_come_as_ready_renditions_in_jpeg_and_webp(client):
    article = next(item for item in items(client, type=NEWS, fields="lead_image") if item["lead_image"])
    image = article["lead_image"]
    assert image["alt"]
    for size in ("thumbnail", "medium", "large"):
        for fmt, signature in (("jpeg", b"\xff\xd8"), ("webp", b"RIFF")):
            rendition = image["renditions"][size][fmt]
            assert rendition["url"].startswith("http://testserver/media/")
            assert rendition["width"] > 0 and rendition["height"] > 0
            with default_storage.open(rendition["url"].removeprefix("http://testserver/media/")) as file:
                assert file.read(4).startswith(signature)


def test_documents_come_with_absolute_url_size_and_type(client):
    sheet = items(client, type="resources.TipSheetPage", locale="zh-hans", fields="pdf")[0]
    pdf = sheet["pdf"]
    assert pdf["download_url"].startswith("http://testserver/documents/")
    assert pdf["content_type"] == "application/pdf"
    response = client.get(pdf["download_url"].removeprefix("http://testserver"))
    assert b"".join(response.streaming_content)[:5] == b"%PDF-"
    assert pdf["file_size"] > 0


@pytest.mark.parametrize("model", [ProgramPage, SuccessStoryPage, TipSheetPage, NewsArticlePage])
def test_every_page_type_exposes_its_content(client, model):
    page = model.objects.get(
        locale__language_code="zh-hans",
        pk=chinese_translation(model.objects.filter(locale__language_code="en").first()).pk,
    )
    data = detail(client, page.pk)
    for api_field in model.api_fields:
        assert api_field.name in data
    assert data["title"] == page.title
    assert data["summary"] == page.summary


def test_program_partners_and_topics_are_in_the_page_language(client):
    program = chinese_translation(ProgramPage.objects.get(locale__language_code="en"))
    data = detail(client, program.pk)
    names = {org["name"] for org in data["organizations"]}
    assert "加拿大国际开发署（CIDA）" in names
    assert {org["role"] for org in data["organizations"]} == {"partner", "donor", "sponsor"}
    assert "节约用水" in {topic["name"] for topic in data["topics"]}
    assert data["figures"][0]["value"]["number"] == 150


def test_rich_text_links_are_absolute(client):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    program = ProgramPage.objects.get(locale__language_code="en")
    article = rich_article(index, 1, make_image(), make_document(), program)
    paragraph = detail(client, article.pk)["body"][0]["value"]
    assert f'href="http://testserver{program.url}"' in paragraph
    assert 'href="http://testserver/documents/' in paragraph


# -- querying ------------------------------------------------------------------------------------------


def test_filters_order_fields_and_pagination(client):
    water = items(client, topic="water-conservation", locale="en")
    assert {item["title"] for item in water} == {
        "Harmony in China",
        "Saving energy and water, one building at a time",
        "Water Conservation tips",
    }
    dated = items(
        client, type=NEWS, locale="en", date_from="2007-10-21", date_to="2007-10-31", order="-date", fields="date"
    )
    assert [item["date"] for item in dated] == ["2007-10-25"] * 4
    by_title = items(client, type=NEWS, locale="en", order="title")
    assert [item["title"] for item in by_title] == sorted(item["title"] for item in by_title)
    only = items(client, type=NEWS, locale="en", fields="-title,dateline", limit=2)
    assert set(only[0]) == {"id", "type", "meta", "dateline", "translations"}

    page_one = api(client, "/api/v2/pages/", type=NEWS, limit=3, offset=0).json()
    page_two = api(client, "/api/v2/pages/", type=NEWS, limit=3, offset=3).json()
    assert page_one["meta"]["total_count"] == page_two["meta"]["total_count"] == 10
    assert not {i["id"] for i in page_one["items"]} & {i["id"] for i in page_two["items"]}


def test_find_by_url_in_either_language(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    chinese = chinese_translation(article)
    for page in (article, chinese):
        response = client.get("/api/v2/pages/find/", {"html_path": page.url})
        assert response.status_code == 302
        assert response["Location"] == f"http://testserver/api/v2/pages/{page.pk}/"
        assert response.json() == {"id": page.pk, "type": NEWS, "detail_url": response["Location"]}
    kept = client.get("/api/v2/pages/find/", {"html_path": article.url, "fields": "title"})
    assert kept["Location"] == f"http://testserver/api/v2/pages/{article.pk}/?fields=title"
    missing = client.get("/api/v2/pages/find/", {"html_path": "/zh-hans/news/no-such-story/"})
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found" and missing.json()["parameter"] == "html_path"
    empty = client.get("/api/v2/pages/find/", {"html_path": ""})
    assert empty.status_code == 400 and empty.json()["parameter"] == "html_path"


# -- never leaked --------------------------------------------------------------------------------------


def listed_ids(client, **params):
    return {item["id"] for item in items(client, limit=100, **params)}


def synced(client):
    """A sync client's items after an initial sync of the whole site."""
    app = SyncedApp(client, limit=500)
    app.sync()
    return app.items


def test_drafts_and_unpublished_translations_never_appear(client):
    app = SyncedApp(client, limit=500)
    app.sync()
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    article.title = "Draft headline"
    article.save_revision()
    assert detail(client, article.pk)["title"] != "Draft headline"
    assert "Draft headline" not in json.dumps(items(client, type=NEWS, search="Draft headline"))
    assert app.sync() == ([], [])
    assert "Draft headline" not in json.dumps(list(synced(client).values()))

    chinese = chinese_translation(article)
    chinese.unpublish()
    assert chinese.pk not in listed_ids(client, locale="zh-hans")
    assert api(client, f"/api/v2/pages/{chinese.pk}/").status_code == 404
    assert chinese.pk not in {t["id"] for t in detail(client, article.pk)["translations"]}
    assert client.get("/api/v2/pages/find/", {"html_path": chinese.url}).status_code == 404
    assert app.sync() == ([], [{"kind": "page", "id": chinese.pk}])
    assert ("page", chinese.pk) not in synced(client)


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": "password", "password": "secret"},
        {"restriction_type": "login"},
        {"restriction_type": "groups"},
    ],
)
def test_view_restricted_pages_never_appear(client, restriction):
    program = ProgramPage.objects.get(locale__language_code="en")
    story = SuccessStoryPage.objects.filter(locale__language_code="en").first()
    PageViewRestriction.objects.create(page=story, **restriction)
    assert story.pk not in listed_ids(client)
    assert story.pk not in listed_ids(client, search=story.title)
    assert api(client, f"/api/v2/pages/{story.pk}/").status_code == 404
    assert api(client, "/api/v2/pages/", type="resources.SuccessStoryPage").json()["meta"]["total_count"] >= 1
    assert program.pk in listed_ids(client)
    assert ("page", story.pk) not in synced(client) and ("page", program.pk) in synced(client)


def test_private_images_and_documents_never_appear_nor_as_renditions(client):
    app = SyncedApp(client, limit=500)
    app.sync()
    collection = private_collection()
    image, document = make_image("Secret photo", collection), make_document("Secret deck", collection)
    index = NewsIndexPage.objects.get(locale__language_code="en")
    article = rich_article(index, 2, image, document, ProgramPage.objects.get(locale__language_code="en"))

    assert image.pk not in {i["id"] for i in api(client, "/api/v2/images/", limit=100).json()["items"]}
    assert document.pk not in {d["id"] for d in api(client, "/api/v2/documents/", limit=100).json()["items"]}
    assert api(client, f"/api/v2/images/{image.pk}/").status_code == 404
    assert api(client, f"/api/v2/documents/{document.pk}/").status_code == 404
    data = detail(client, article.pk)
    assert data["lead_image"] is None
    assert data["body"][1]["value"]["image"] is None
    assert data["body"][2]["value"]["document"] is None
    assert "Secret photo" not in json.dumps(data) and "secret-photo" not in json.dumps(data)
    changed, removed = app.sync()  # the article only: the files were never public, not even to be removed
    assert [(item["kind"], item["id"]) for item in changed] == [("page", article.pk)] and removed == []
    assert "Secret" not in json.dumps(list(synced(client).values()))


# -- preview -------------------------------------------------------------------------------------------


def test_headless_preview_needs_a_valid_signed_token(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    article.title = "Draft for the app preview"
    article.save_revision()
    response = api(client, "/api/v2/pages/preview/", token=preview_token(article))
    assert response.status_code == 200
    assert response.json()["title"] == "Draft for the app preview"
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    for token in ("", "garbage", preview_token(article)[:-2] + "xx"):
        bad = api(client, "/api/v2/pages/preview/", token=token)
        assert bad.status_code == 403
        assert "Draft for the app preview" not in bad.content.decode()


def test_editors_get_a_preview_link_from_the_admin(admin_client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    response = admin_client.get(f"/admin/api-preview/{article.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/api/v2/pages/preview/?token=")


# -- caching and CORS ----------------------------------------------------------------------------------


def test_conditional_requests_get_304_and_changes_show_at_once(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    url = f"/api/v2/pages/{article.pk}/"
    first = client.get(url)
    assert set(first["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    assert first["ETag"] and "Last-Modified" not in first  # a time in seconds could hide a second change
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    article.title = "Published just now"
    article.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed.json()["title"] == "Published just now"

    index_url = "/api/v2/pages/?type=news.NewsArticlePage"
    listing = client.get(index_url)
    article.unpublish()
    after = client.get(index_url, HTTP_IF_NONE_MATCH=listing["ETag"])
    assert after.status_code == 200
    assert article.pk not in {item["id"] for item in after.json()["items"]}


def test_moving_a_page_changes_its_url_at_once(client):
    story = SuccessStoryPage.objects.filter(locale__language_code="en").first()
    news_index = NewsIndexPage.objects.get(locale__language_code="en")
    before = detail(client, story.pk)["meta"]["html_url"]
    news_index.subpage_types = []  # allow the move for this test only
    story.move(news_index, pos="last-child")
    after = detail(client, story.pk)["meta"]["html_url"]
    assert after != before
    assert "/en/news/" in after


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
def test_cors_allows_only_configured_origins(client):
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://app.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in client.get("/en/", HTTP_ORIGIN="https://app.example.org")


# -- performance ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_listing_queries_do_not_grow_with_limit(client, settings):
    # The work of building the listing, not the response cache's (whose Redis layer keeps copies in the process).
    settings.CACHES = {**settings.CACHES, "uncached": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.RESPONSE_CACHE = "uncached"
    index = NewsIndexPage.objects.get(locale__language_code="en")
    program = ProgramPage.objects.get(locale__language_code="en")
    images = [make_image(f"Photo {n}") for n in range(3)]
    documents = [make_document(f"Deck {n}") for n in range(3)]
    with unindexed():  # the listing is under test, not search
        for number in range(100):
            rich_article(index, 100 + number, images[number % 3], documents[number % 3], program)
    params = {"type": NEWS, "fields": "*", "locale": "en", "date_from": "2009-01-01"}
    for _ in range(2):  # renditions are made on first use, and lookups kept per content version: steady state only
        items(client, limit=100, **params)

    counts = {}
    for limit in (5, 20, 50, 100):
        with CaptureQueriesContext(connection) as queries:
            assert len(items(client, limit=limit, **params)) == limit
        counts[limit] = len(queries)
    assert len(set(counts.values())) == 1, counts


def test_translation_of_lists_a_pages_other_languages(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    found = items(client, translation_of=article.pk)
    assert [item["id"] for item in found] == [chinese_translation(article).pk]
    assert api(client, "/api/v2/pages/", translation_of="abc").status_code == 400
