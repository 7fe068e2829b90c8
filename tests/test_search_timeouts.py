"""Which requests to the search engine wait a reader's timeout (ELASTICSEARCH_TIMEOUT) and which a writer's
(ELASTICSEARCH_WRITE_TIMEOUT), as the elasticsearch client sends them. The waiting itself is tested on a hung node
in test_search_outages.py."""

import pytest

from search.engine import writes

READS = [
    ("POST", "/cms_pages/_search"),
    ("POST", "/_search/scroll"),  # Wagtail's admin search pages through long results with a scroll
    ("DELETE", "/_search/scroll"),
    ("POST", "/cms_pages/_count"),
    ("POST", "/_msearch"),
    ("GET", "/cms_pages/_doc/12"),
    ("HEAD", "/_alias/cms_pages"),
    ("GET", "/_alias/cms_pages_building"),
]
WRITES = [
    ("PUT", "/cms_pages_20261206_1"),  # a new index: it waits for its shard to start
    ("POST", "/_bulk"),
    ("POST", "/cms_pages_20261206_1/_refresh"),
    ("POST", "/cms_pages_20261206_1/_delete_by_query"),
    ("POST", "/_aliases"),
    ("PUT", "/cms_pages_20261206_1/_alias/cms_pages"),
    ("DELETE", "/cms_pages_20251206_1"),
    ("PUT", "/cms_wagtail_wagtailcore_page/_doc/12"),
]


@pytest.mark.parametrize(("method", "url"), READS)
def test_a_readers_request_waits_the_readers_timeout(method, url):
    assert not writes(method, url)


@pytest.mark.parametrize(("method", "url"), WRITES)
def test_an_index_write_waits_the_writers_timeout(method, url):
    assert writes(method, url)
