"""HTTP caching that a cache in front (a CDN, a proxy) may trust: Vary names what selects an answer, a 304 answers
only a request that would get that very 200, ETags tell nothing of the site's activity and no Last-Modified can
hide a change, a degraded answer is never stored, and neither the cache nor the process's own tables can be
flooded. The findings 3, 4, 7 and 8 of issue 21, one test each."""

import uuid

from django.core.cache import caches
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

import pytest

from delivery import changes
from delivery.middleware import Doorkeeper
from news.models import NewsArticlePage

from .factories import publish_article
from .helpers import english_article, stored_entries

pytestmark = pytest.mark.django_db

FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT"


def vary_of(response):
    return {name.strip().lower() for name in response.get("Vary", "").split(",")}


@pytest.mark.parametrize("url", ["/api/v2/search/?q=节约", "/api/v2/search/suggest/?q=节约", "/api/v2/pages/", "/"])
def test_answers_chosen_by_the_readers_language_say_so_in_vary(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert {"accept-language", "cookie"} <= vary_of(response)


def test_the_same_search_url_answers_each_language_its_own(client):
    url = "/api/v2/search/suggest/?q=节约"
    for _ in range(3):  # stored, then served from the cache
        chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").json()["suggestions"]
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["suggestions"]
        assert chinese and english == []


def test_a_page_under_its_language_prefix_does_not_vary_by_language(client):
    assert "accept-language" not in vary_of(client.get("/en/news/"))


def restricted_story():
    story = NewsArticlePage.objects.filter(locale__language_code="en").last()
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="secret")
    return story


@pytest.mark.parametrize(
    "url",
    [
        "restricted",
        "/en/no-such-page/",
        "/api/v2/pages/999999/",
        "/api/v2/pages/preview/?token=forged",
        "/api/v2/sync/?token=forged",
        "/api/v2/pages/?limit=abc",
    ],
)
def test_a_304_answers_only_a_request_that_would_get_that_200(client, url):
    if url == "restricted":
        url = restricted_story().url
    plain = client.get(url)
    for conditions in ({"HTTP_IF_MODIFIED_SINCE": FUTURE}, {"HTTP_IF_NONE_MATCH": "*"}):
        for _ in range(2):
            answer = client.get(url, **conditions)
            assert answer.status_code == plain.status_code != 304


def test_etags_say_nothing_of_the_sites_activity_and_no_last_modified_is_sent(client):
    article = english_article()
    url = f"/api/v2/pages/{article.pk}/"
    first = client.get(url)
    assert "Last-Modified" not in first
    number, _at = changes.current()
    publish_article("Another story entirely")
    article.title = "A draft headline"
    article.save_revision()
    assert changes.current()[0] > number
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304  # the same bytes: the same tag, whatever happened elsewhere
    assert str(number) not in first["ETag"] and str(changes.current()[0]) not in again["ETag"]

    article.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def stored_count():
    return sum(":response:" in key for key in stored_entries(caches["responses"]))


def test_parameters_the_view_never_reads_are_never_stored(client):
    junk = f"/en/?junk={uuid.uuid4().hex}"
    for _ in range(3):
        response = client.get(junk)
        assert response.status_code == 200 and "X-Cache" not in response
    before = stored_count()
    for _ in range(50):
        assert "X-Cache" not in client.get(f"/en/?junk={uuid.uuid4().hex}")
    assert stored_count() == before


def test_a_query_string_is_stored_the_second_time_it_is_asked(client):
    before = stored_count()
    for _ in range(50):  # a flood of searches that never repeat
        assert "X-Cache" not in client.get("/en/search/", {"q": uuid.uuid4().hex})
    assert stored_count() == before
    reads = [client.get("/en/search/", {"q": "water"}).get("X-Cache") for _ in range(3)]
    assert reads == [None, "miss", "hit"]


def test_the_admission_memory_is_bounded():
    doorkeeper = Doorkeeper(size=3)
    assert [doorkeeper.admits(url) for url in "abcda"] == [False] * 5  # "a" was forgotten
    assert doorkeeper.admits("d") and doorkeeper.admits("d") and len(doorkeeper.seen) == 3


def test_lookups_kept_per_content_version_are_bounded():
    request = RequestFactory().get("/")
    request.content_version = changes.current()
    for host in range(changes.PER_VERSION_ENTRIES + 100):
        changes.per_version(request, ("site", f"host-{host}.example.org"), lambda: None)
    assert len(changes._per_version) <= changes.PER_VERSION_ENTRIES


@pytest.mark.parametrize(
    "url", ["/api/v2/search/?q=water", "/en/search/?q=water", "/api/v2/search/suggest/?q=wat&locale=en"]
)
def test_an_answer_from_the_search_fallback_is_never_stored(client, settings, url):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there: the engine fails at once
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200 and "X-Cache" not in response
        assert response["Cache-Control"] == "no-store"
