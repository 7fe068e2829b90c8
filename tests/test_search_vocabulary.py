"""The words spelling corrections offer (search/vocabulary.py), kept page by page: a publish recounts its own page
only, and a word is offered only while a page readers may see uses it."""

from django.test import override_settings

import pytest

from search.models import PageWords, VocabularyWord
from search.vocabulary import count_every_page

from .factories import publish_article
from .helpers import toggle_view_restriction

pytestmark = pytest.mark.django_db


def did_you_mean(client, query):
    with override_settings(ELASTICSEARCH_URL=""):
        return client.get("/api/v2/search/", {"q": query}).json()["did_you_mean"]


def test_a_word_is_offered_while_a_page_readers_may_see_uses_it(client):
    assert did_you_mean(client, "water xylophonistz") is None
    article = publish_article("Xylophonists gather", "The xylophonists played in Chaoyang.")
    assert did_you_mean(client, "water xylophonistz") == "water xylophonists"
    toggle_view_restriction(article, "password")
    assert did_you_mean(client, "water xylophonistz") is None
    toggle_view_restriction(article, "password")
    assert did_you_mean(client, "water xylophonistz") == "water xylophonists"
    article.unpublish()
    assert did_you_mean(client, "water xylophonistz") is None


def test_a_publish_recounts_its_own_page_only():
    before = dict(PageWords.objects.values_list("page_id", "updated_at"))
    assert before, "the demo's pages are counted"
    article = publish_article("Wetland birds return", "Egrets nest in the wetland again.")
    changed = {page for page, at in PageWords.objects.values_list("page_id", "updated_at") if before.get(page) != at}
    assert changed == {article.pk}
    assert VocabularyWord.objects.get(language_code="en", word="egrets").pages == 1


def test_the_counts_kept_page_by_page_are_those_of_a_full_recount():
    article = publish_article("Wetland birds return", "Egrets nest in the wetland again.")
    article.title = "Herons return"
    article.save_revision().publish()
    publish_article("Cormorants fish", "Cormorants fish on the lake.").delete()
    kept = set(VocabularyWord.objects.values_list("language_code", "word", "pages"))
    words = {word for _language, word, _pages in kept}
    assert ("en", "herons", 1) in kept and "egrets" in words and "cormorants" not in words
    count_every_page()
    assert set(VocabularyWord.objects.values_list("language_code", "word", "pages")) == kept
