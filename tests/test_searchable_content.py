"""Everything a reader sees on a page is searchable in the page's language, on both backends: linked
organisations with their roles, topics, attached documents' titles, captions, figures and the place."""

import pytest

from search import service
from search.backends.base import SearchRequest

pytestmark = pytest.mark.django_db


def top_titles(query, language="en"):
    return [hit.page.title for hit in service.search(SearchRequest(query=query, language=language)).hits[:3]]


@pytest.mark.parametrize(
    ("query", "language", "title"),
    [
        ("GE Foundation", "en", "Harmony in China"),  # a donor, named only through the program's organisations
        ("Bank of Montreal donor", "en", "Harmony in China"),
        ("蒙特利尔银行", "zh-hans", "和谐在中国"),
        ("Energy Efficiency-EN", "en", "Energy Efficiency tips"),  # the title of the attached PDF
        ("first clean-up", "en", "Dong Yanwu residents clean up their neighbourhood"),  # the photo caption
        ("Hebei", "en", "Dong Yanwu residents clean up their neighbourhood"),  # the province
        (
            "Groundbreaking Dialogue",
            "en",
            "China's Leading Urban Decision-Makers Work Together for Sustainable Community Development",
        ),  # the lead image caption
        ("courtyards with recycling bins", "en", "Dong Yanwu residents clean up their neighbourhood"),  # a figure
    ],
)
def test_what_readers_see_beside_the_text_is_searchable(backend, query, language, title):
    assert title in top_titles(query, language)


def test_topics_are_searchable_in_the_pages_language(backend):
    assert "Harmony in China" in [
        hit.page.title for hit in service.search(SearchRequest(query="organic food", language="en")).hits
    ]
    assert "和谐在中国" in [
        hit.page.title for hit in service.search(SearchRequest(query="有机食品", language="zh-hans")).hits
    ]
