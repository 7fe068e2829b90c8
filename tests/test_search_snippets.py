"""What a reader reads under each search result: figures as written, whitespace as one space, highlights that
never split a word, and facet labels that are whole phrases in the reader's language."""

from django.utils import translation

import pytest

from home.text import CJK
from search import service
from search.backends.base import SearchRequest
from search.text import highlight
from search.views import kind_labels

pytestmark = pytest.mark.django_db


def snippets(query, language):
    results = service.search(SearchRequest(query=query, language=language))
    return [hit.snippet for hit in results.hits]


@pytest.mark.parametrize(
    ("query", "language", "figure"),
    [("less water used", "en", "15% <mark>less</mark>"), ("用水量减少", "zh-hans", "15% <mark>用水量减少</mark>")],
)
def test_a_figure_reads_with_its_number(query, language, figure):
    assert any(figure in snippet for snippet in snippets(query, language))


def test_snippets_keep_no_line_breaks_or_runs_of_spaces():
    found = snippets("water", "en") + snippets("节水", "zh-hans")
    assert found
    assert not [snippet for snippet in found if "\n" in snippet or "  " in snippet]


def test_touching_chinese_highlights_are_one_mark_and_a_full_stop_needs_no_space():
    assert highlight("节约用水，人人有责。\n每个家庭", ["节约", "用水"]) == "<mark>节约用水</mark>，人人有责。每个家庭"


def test_an_english_term_is_marked_as_a_whole_word_only():
    marked = highlight("Water from wastewater; water-saving taps", ["water"])
    assert marked == "<mark>Water</mark> from wastewater; <mark>water</mark>-saving taps"


def test_kind_labels_in_chinese_are_chinese_phrases():
    with translation.override("zh-hans"):
        labels = {kind: str(label) for kind, label in kind_labels().items()}
    assert all(CJK.search(label) and not any(c.isascii() and c.isalpha() for c in label) for label in labels.values())


def test_a_snippet_starts_at_a_word():
    text = "Households in many communities including Beijing now conserve water " * 3
    assert highlight(text, ["conserve"], length=60).startswith("…")
    assert highlight(text, ["conserve"], length=60)[1:].split()[0] in text.split()
