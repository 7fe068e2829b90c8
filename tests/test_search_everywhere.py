"""One search everywhere: Wagtail's `/api/v2/pages/?search=` finds what the site's search finds, in its order, for
every query of the relevance set (benchmarks/relevance_queries.tsv), on each backend."""

import pytest

from benchmarks.relevance import load_queries

from .helpers import api

pytestmark = pytest.mark.django_db
QUERIES = load_queries()


def search_api_ids(client, query, language, everywhere):
    scope = {"all": "1"} if everywhere else {"locale": language}
    return [hit["id"] for hit in api(client, "/api/v2/search/", q=query, limit=50, **scope).json()["items"]]


def pages_api_ids(client, query, language, everywhere):
    scope = {} if everywhere else {"locale": language}
    return [item["id"] for item in api(client, "/api/v2/pages/", search=query, limit=50, **scope).json()["items"]]


def test_the_pages_api_searches_as_the_search_api_does(client, backend):
    differing, answered = [], 0
    for _kind, language, everywhere, query, _relevant in QUERIES:
        expected = search_api_ids(client, query, language, everywhere)
        found = pages_api_ids(client, query, language, everywhere)
        answered += bool(expected)
        if found != expected:
            differing.append((query, language, expected, found))
    assert differing == []
    assert answered > 90  # nearly every query finds something, so the comparison means something


def test_the_pages_api_finds_traditional_characters_and_glossary_synonyms(client, backend):
    """What the search page knows: 環境 is 环境; the glossary's forms of a term count as the term."""
    assert pages_api_ids(client, "環境", "zh-hans", everywhere=False) == search_api_ids(
        client, "环境", "zh-hans", False
    )
    assert pages_api_ids(client, "環境", "zh-hans", everywhere=False)


def test_a_search_that_falls_back_to_the_database_is_not_cached(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there: the engine is out
    response = api(client, "/api/v2/pages/", search="water", locale="en")
    assert response.status_code == 200 and response.json()["items"]
    assert response["Cache-Control"] == "no-store"
