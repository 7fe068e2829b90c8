"""How a query's words meet a page's on every backend: English inflections, single Chinese characters, words
inside longer ones and typos, and whole words ranking above the same characters apart."""

import pytest

from resources.models import TipSheetPage
from search import service
from search.backends.base import SearchRequest

from .helpers import chinese_translation

pytestmark = pytest.mark.django_db

# (query, language, the page it must find in the first three, the words the page uses instead)
NEAR_MISSES = [
    ("battery", "en", "waste-management", "batteries"),
    ("repairing appliances", "en", "reduce-waste", "Repair before replacing"),
    ("refrigerators", "en", "energy-efficiency", "a refrigerator"),
    ("efficeincy", "en", "energy-efficiency", "efficiency"),
    ("菜", "zh-hans", "a-rooftop-organic-garden-feeds-its-community", "菜园, 蔬菜"),
    ("龙头", "zh-hans", "water-conservation", "水龙头"),
    ("厨余", "zh-hans", "waste-management", "厨余垃圾"),
]


def top_three(query, language):
    results = service.search(SearchRequest(query=query, language=language))
    return [(hit.page.slug, hit.page.locale.language_code) for hit in results.hits[:3]], results


def test_inflections_characters_words_inside_longer_words_and_typos_find_their_pages(backend):
    missed = [
        (query, uses)
        for query, language, slug, uses in NEAR_MISSES
        if (slug, language) not in top_three(query, language)[0]
    ]
    assert not missed, f"{backend} missed {missed}"


def test_the_snippet_marks_the_form_the_page_uses(backend):
    _top, results = top_three("battery", "en")
    assert "<mark>batteries</mark>" in results.hits[0].snippet


def test_a_whole_word_ranks_first_and_its_characters_apart_find_nothing(backend):
    """光伏 (photovoltaic) as a word on one page; 光 and 伏 apart on another ("light" ... "dog days")."""
    with_word, apart = (
        chinese_translation(TipSheetPage.objects.get(locale__language_code="en", slug=slug))
        for slug in ("low-carbon", "energy-efficiency")
    )
    with_word.summary, apart.summary = "屋顶光伏板发电。", "阳光充足，三伏天请拉上窗帘。"
    for page in (with_word, apart):
        page.save_revision().publish()
    found, _results = top_three("光伏", "zh-hans")
    assert found[:1] == [("low-carbon", "zh-hans")]
    assert ("energy-efficiency", "zh-hans") not in found
