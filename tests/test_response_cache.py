"""The shared response cache and conditional requests (delivery/): what readers get is always the published
content of the moment, revalidations and repeated reads cost one query, and nothing private or unpublished is
ever stored or served from the cache. Run on local memory and on a real Redis server."""

from django.conf import settings as django_settings
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest

from api.views import preview_token
from cms.settings.base import cache_from_url
from delivery import changes
from delivery.release import release
from news.models import NewsArticlePage
from resources.models import SuccessStoryPage
from resources.snippets import Topic
from search import service

from .conftest import ELASTICSEARCH_URL, needs_elasticsearch
from .helpers import english_article, save_bookkeeping, stored_entries

pytestmark = pytest.mark.django_db

REDIS_URL = django_settings.TEST_REDIS_URL
needs_redis = pytest.mark.skipif(
    not REDIS_URL,
    reason="TEST_REDIS_URL is not set; make test starts redis-server when it is installed "
    "(apt-get install -y redis-server)",
)


@pytest.fixture(params=["local memory", pytest.param("redis", marks=needs_redis)])
def response_cache(request, settings):
    """The cache under test, emptied before and after (TEST_REDIS_URL must point at a database of its own)."""
    backend = cache_from_url(REDIS_URL if request.param == "redis" else "")
    settings.CACHES = {"default": backend, "responses": backend}
    caches["responses"].clear()
    yield caches["responses"]
    caches["responses"].clear()


def read_twice(client, url, **headers):
    first = client.get(url, **headers)
    return first, client.get(url, **headers)


def warm(client, url, **headers):
    """Reads until the response is stored: one with a query string is stored the second time it is asked."""
    if "?" in url:
        assert "X-Cache" not in client.get(url, **headers)
    stored = client.get(url, **headers)
    assert stored.status_code == 200 and stored["X-Cache"] == "miss"
    return stored


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/?type=news.NewsArticlePage&fields=*", "/en/news/", "/en/search/?q=water"]
)
def test_a_repeated_read_is_served_from_the_cache_with_one_query(
    client, response_cache, url, django_assert_num_queries
):
    first = warm(client, url)
    with django_assert_num_queries(1):  # the content version
        again = client.get(url)
    assert again["X-Cache"] == "hit"
    assert again.content == first.content
    assert again["ETag"] == first["ETag"] and again["Content-Type"] == first["Content-Type"]


def test_revalidation_answers_304_with_one_query_until_the_content_changes(
    client, response_cache, django_assert_num_queries
):
    article = english_article()
    url = f"/api/v2/pages/{article.pk}/"
    first = warm(client, url)
    with django_assert_num_queries(1):
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified["ETag"] == first["ETag"]
    assert not_modified["Cache-Control"] == first["Cache-Control"] and not_modified["Vary"] == first["Vary"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"another"').status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="Fri, 01 Jan 2100 00:00:00 GMT").status_code == 200

    article.title = "Published just now"
    article.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["X-Cache"] == "miss"
    assert changed.json()["title"] == "Published just now"
    assert changed["ETag"] != first["ETag"]


def test_a_publish_is_visible_at_once_in_the_api_and_the_html(client, response_cache):
    article = english_article()
    urls = [f"/api/v2/pages/{article.pk}/", "/api/v2/pages/?type=news.NewsArticlePage&fields=title", article.url]
    for url in urls:
        read_twice(client, url)
    article.title = "A headline published a moment ago"
    article.save_revision().publish()
    for url in urls:
        assert "A headline published a moment ago" in client.get(url).content.decode(), url

    article.unpublish()
    assert client.get(urls[0]).status_code == 404
    assert client.get(urls[2]).status_code == 404
    assert "A headline published a moment ago" not in client.get(urls[1]).content.decode()


def test_drafts_and_previews_never_enter_the_cache(client, admin_client, response_cache):
    article = english_article()
    public_url = f"/api/v2/pages/{article.pk}/"
    read_twice(client, public_url)
    read_twice(client, article.url)
    article.title = "An unpublished draft headline"
    article.save_revision()

    preview_url = f"/api/v2/pages/preview/?token={preview_token(article)}"
    for response in read_twice(client, preview_url):
        assert "An unpublished draft headline" in response.json()["title"]
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]
    admin_preview = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk]))
    assert "X-Cache" not in admin_preview
    for url in (public_url, article.url, "/api/v2/pages/?type=news.NewsArticlePage&fields=title"):
        assert "An unpublished draft headline" not in client.get(url).content.decode()
    assert not any(b"An unpublished draft headline" in entry for entry in stored_bodies(response_cache))


def test_editors_saving_drafts_leave_cached_responses_valid(client, response_cache, django_assert_num_queries):
    """Drafts, edit locks and a file size read from storage change nothing readers see: they keep the cache."""
    article = english_article()
    urls = [f"/api/v2/pages/{article.pk}/", "/api/v2/documents/?fields=*", article.url]
    etags = [read_twice(client, url)[1]["ETag"] for url in urls]
    save_bookkeeping(article)
    for url, etag in zip(urls, etags, strict=True):
        with django_assert_num_queries(1):
            assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url


def stored_bodies(cache):
    return list(stored_entries(cache).values())


def test_a_view_restricted_page_is_never_served_from_the_cache(client, response_cache):
    story = SuccessStoryPage.objects.filter(locale__language_code="en").first()
    public_text = story.title
    assert public_text in read_twice(client, story.url)[1].content.decode()

    restriction = PageViewRestriction.objects.create(page=story, restriction_type="password", password="secret")
    for response in read_twice(client, story.url):
        assert "X-Cache" not in response
        assert "password" in response.content.decode().lower()
    with translation.override("en"):
        unlock = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk])
    assert client.post(unlock, {"password": "secret", "return_url": story.url}).status_code == 302
    unlocked = client.get(story.url)  # the reader now has a session: neither read from nor written to the cache
    assert "X-Cache" not in unlocked and public_text in unlocked.content.decode()

    client.cookies.clear()
    for response in read_twice(client, story.url):
        assert "X-Cache" not in response and "password" in response.content.decode().lower()
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 404


def test_staff_neither_read_from_nor_fill_the_cache(client, admin_client, response_cache):
    url = "/api/v2/pages/?type=news.NewsArticlePage&fields=title"
    for response in read_twice(admin_client, url):
        assert "X-Cache" not in response
    warm(client, url)
    assert "X-Cache" not in admin_client.get(url)


def test_a_head_request_is_answered_from_the_cache_without_a_body(client, response_cache):
    full = client.get("/api/v2/pages/")
    head = client.head("/api/v2/pages/")
    assert head.status_code == 200 and head["X-Cache"] == "hit" and head.content == b""
    assert head["Content-Length"] == full["Content-Length"]


def test_a_new_release_builds_every_response_afresh(client, response_cache, settings):
    url = "/api/v2/pages/"
    before = warm(client, url)
    settings.RELEASE = "a-new-deploy"
    release.cache_clear()
    try:
        after = client.get(url)
        assert after["X-Cache"] == "miss"
        assert after["ETag"] == before["ETag"]  # the same bytes: a client's copy is still good
    finally:
        release.cache_clear()


def publish_article_again(article):
    article.save_revision().publish()


def rename_topic(_article):
    topic = Topic.objects.filter(locale__language_code="en").first()
    topic.name = f"{topic.name} renamed"
    topic.save()


def move_article(article):
    article.move(article.get_parent(), pos="first-child")


def restrict_article(article):
    PageViewRestriction.objects.create(page=article, restriction_type="login")


def change_lead_image(article):
    article.lead_image.title = "A new caption"
    article.lead_image.save()


def delete_article(article):
    article.delete()


@pytest.mark.parametrize(
    "change",
    [
        publish_article_again,
        NewsArticlePage.unpublish,
        move_article,
        delete_article,
        restrict_article,
        rename_topic,
        change_lead_image,
    ],
)
def test_every_kind_of_change_advances_the_content_version(change):
    article = NewsArticlePage.objects.filter(locale__language_code="en", lead_image__isnull=False).first()
    before, _changed_at = changes.current()
    change(article)
    assert changes.current()[0] > before


@needs_elasticsearch
def test_an_update_of_the_engines_index_advances_the_content_version(settings):
    """Search results may be cached only until the engine has taken a change (its updates run in the background)."""
    settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
    before, _changed_at = changes.current()
    service.apply_updates([english_article().pk])
    assert changes.current()[0] > before


@needs_redis
def test_each_process_keeps_its_redis_hits_until_the_content_changes(client, settings):
    backend = cache_from_url(REDIS_URL)
    settings.CACHES = {"default": backend, "responses": backend}
    caches["responses"].clear()
    url = "/api/v2/pages/?type=news.NewsArticlePage"
    warm(client, url)
    assert client.get(url)["X-Cache"] == "hit"
    caches["responses"].clear()  # gone from Redis, still in this process: the same content version
    assert client.get(url)["X-Cache"] == "hit"
    article = english_article()
    article.title = "Renamed a moment ago"
    article.save_revision().publish()
    changed = client.get(url)
    assert changed["X-Cache"] == "miss" and "Renamed a moment ago" in changed.content.decode()
    caches["responses"].clear()
