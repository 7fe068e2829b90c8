"""Counting what readers search for (search_insights/): every search on the page and the API, answered fresh, from
the response cache or with a 304; results opened through the search page's links; nothing personal kept; old rows
pruned while the daily counts stay."""

import datetime

from django.utils import timezone

from wagtail.models import Page

import pytest

from search_insights.counting import prune, write_noted
from search_insights.models import DailySearch, SearchEvent

from .helpers import english_article, get_html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def written(searches_counted):
    return searches_counted


def counts(query, language="en"):
    write_noted()
    row = DailySearch.objects.filter(query=query, language=language).first()
    return row and (row.searches, row.empty, row.opened)


def test_each_search_counts_whether_answered_fresh_from_the_cache_or_with_a_304(client):
    first = client.get("/en/search/", {"q": "Water"})
    assert first.status_code == 200 and "X-Cache" not in first
    client.get("/en/search/", {"q": "water "})
    for _twice in range(2):  # a URL with a query string is stored the second time it is asked
        client.get("/en/search/", {"q": "water"})
    cached = client.get("/en/search/", {"q": "water"})
    assert cached["X-Cache"] == "hit"
    not_modified = client.get("/en/search/", {"q": "water"}, HTTP_IF_NONE_MATCH=cached["ETag"])
    assert not_modified.status_code == 304
    assert not DailySearch.objects.exists()  # nothing written on the request path: the writer thread does it
    assert counts("water") == (6, 0, 0)
    assert DailySearch.objects.get(query="water").results == int(first["X-Search-Results"]) > 0


def test_api_searches_count_in_their_language_with_traditional_characters_folded(client):
    for query in ("节水", "節水"):
        assert client.get("/api/v2/search/", {"q": query, "locale": "zh-hans"}).status_code == 200
    client.get("/api/v2/search/", {"q": "xyzzyplugh"})
    assert counts("节水", "zh-hans") == (2, 0, 0)
    assert counts("xyzzyplugh") == (1, 1, 0)


def test_only_a_search_is_counted_once_not_its_further_pages_refusals_or_suggestions(client, written):
    client.get("/en/search/", {"q": "water", "page": "2"})
    client.get("/en/search/", {"q": ""})
    client.get("/api/v2/search/", {"q": "water", "year": "nineteen"})
    client.get("/api/v2/search/suggest/", {"q": "wat"})
    client.get("/api/v2/pages/", {"search": "water"})
    written()
    assert not SearchEvent.objects.exists()


def test_a_result_opened_from_the_search_page_is_counted_and_leads_to_the_page(client):
    article = english_article()
    page = get_html(client, "/en/search/?q=community")
    link = next(a["href"] for a in page.select(".results-list a") if f"/open/{article.pk}/" in a["href"])
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == article.url
    assert "no-store" in response["Cache-Control"]
    assert counts("community")[2] == 1


def test_opening_a_page_readers_may_not_see_is_a_404_and_counts_nothing(client, written):
    draft = Page.objects.filter(live=False).first() or english_article()
    draft.live = False
    draft.save()
    assert client.get(f"/en/search/open/{draft.pk}/", {"q": "water"}).status_code == 404
    assert client.get("/en/search/open/999999/", {"q": "water"}).status_code == 404
    written()
    assert not SearchEvent.objects.exists()


def test_nothing_personal_is_kept(client, written):
    client.get(
        "/en/search/",
        {"q": "recycling"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="ReaderBrowser/1.0",
        HTTP_REFERER="https://example.org/private-page",
    )
    written()
    fields = {field.name for field in SearchEvent._meta.get_fields()}
    assert fields == {"id", "kind", "day", "language", "query", "results"}
    assert {field.name for field in DailySearch._meta.get_fields()} == {
        "id", "day", "language", "query", "searches", "empty", "results", "opened"
    }  # fmt: skip
    [event] = SearchEvent.objects.values()
    assert not any(marker in str(event) for marker in ("203.0.113.9", "ReaderBrowser", "example.org"))
    assert event["day"] == timezone.localdate()


def test_pruning_deletes_old_events_and_keeps_a_year_of_daily_counts(settings):
    today = timezone.localdate()
    for days_ago in (3, settings.SEARCH_EVENTS_KEEP_DAYS + 1):
        day = today - datetime.timedelta(days=days_ago)
        SearchEvent.objects.create(kind="search", day=day, language="en", query="water", results=2)
    for days_ago in (settings.SEARCH_EVENTS_KEEP_DAYS + 1, 300, settings.SEARCH_COUNTS_KEEP_DAYS + 1):
        DailySearch.objects.create(day=today - datetime.timedelta(days=days_ago), language="en", query="water")
    prune(today)
    assert SearchEvent.objects.count() == 1
    kept = {(today - row.day).days for row in DailySearch.objects.all()}
    assert kept == {settings.SEARCH_EVENTS_KEEP_DAYS + 1, 300}


def test_counting_switched_off_counts_nothing(client, settings, written):
    settings.SEARCH_COUNTING = False
    client.get("/en/search/", {"q": "water"})
    client.get(f"/en/search/open/{english_article().pk}/", {"q": "water"})
    written()
    assert not SearchEvent.objects.exists() and not DailySearch.objects.exists()
