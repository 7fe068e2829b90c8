"""Search on the database through Wagtail's database backend (SQLite or PostgreSQL full text).

Pages are indexed and queried as stemmed words, Chinese as jieba's words and as characters (see
BasePage.search_title/search_body and home.text.searchable_text); typos are matched by their correction; facets,
snippets and date sorting are computed here so they match the engines."""

import dataclasses
import functools
from typing import NamedTuple

from django.conf import settings

from wagtail.models import Page
from wagtail.search.query import Or, Phrase, PlainText

from home.text import character_runs, index_words
from resources.filters import newest_first
from search.compat import checking_each_listed_page, matching_values
from search.facts import database_backend, facet_counts, searchable_pages
from search.spelling import correct
from search.text import STOP_WORDS

from .base import SearchHit, SearchResults

RANKED_MATCHES = 200


class Match(NamedTuple):
    """A matching page as ranking needs it: reading whole pages (and modelsearch's text vectors with them) for a
    thousand matches cost five times the search itself."""

    pk: int
    title: str


class DatabaseSearch:
    name = "database"

    def candidates(self, request):
        return request.filters.apply(searchable_pages(request.languages))

    def search(self, request):
        correction, forgiven = forgiving(request)
        results = SearchResults(request=forgiven, backend=self.name)
        matches = self.ranked(forgiven)
        results.total, results.total_is_lower_bound = len(matches), len(matches) == settings.SEARCH_MAX_MATCHES
        if correction and correction.confident and matches and not self.ranked(request):
            results.corrected_from, results.corrected_query = request.query, correction.text
        elif correction:
            results.did_you_mean = correction.text
        request = forgiven
        results.facets = facet_counts([match.pk for match in matches]) if matches else {}  # of those ranked
        shown = [match.pk for match in matches[request.offset : request.offset + request.page_size]]
        results.hits = SearchHit.for_pages(shown, request.terms)
        return results

    def ranked_ids(self, request, limit):
        return [match.pk for match in self.ranked(forgiving(request)[1])[:limit]]

    def ranked(self, request):
        """The matching pages in the order readers get them, up to SEARCH_MAX_MATCHES."""
        words = words_of(request.query, request.language)
        phrases = [" ".join(found) for form in request.synonyms if (found := words_of(form, request.language))]
        runs = [run for run in character_runs(request.query) if run not in STOP_WORDS]
        if not request.query or not (words or phrases or runs):
            return []
        if words:
            phrases.insert(0, " ".join(words))  # the query's words together count more than apart
        runs = [run for run in runs if run not in phrases]
        parts = [PlainText(" ".join(words), operator="or")] if len(words) > 1 else []
        parts += [Phrase(phrase) for phrase in phrases + runs]  # a synonym counts only as a whole
        matches = self.matches(request, any_of(parts))
        whole = {match.pk for match in matches}
        if len(parts) > 1:
            whole = self.phrase_matches(request, matches, phrases) if phrases else set()
        in_sequence = self.phrase_matches(request, matches, runs) if runs else set()
        matches = rank(matches, words, phrases, (whole, in_sequence), request.language)
        if request.sort == "date":
            pages = Page.objects.filter(pk__in=[match.pk for match in matches]).specific().in_bulk()
            matches = sorted((match for match in matches if match.pk in pages), key=lambda m: newest_first(pages[m.pk]))
        return matches

    def matches(self, request, query):
        """Matching pages, best first, up to SEARCH_MAX_MATCHES: counting every match would cost a full-text
        check of each (a common word is in most pages of a large site), so readers are told "1000 or more".

        Ranking by relevance costs Wagtail's SQLite backend a full-text lookup per match, so it is used up to
        RANKED_MATCHES matches; beyond that (a word found in thousands of pages) the matches come in the tree's
        order, after the title boost."""
        backend = database_backend()
        candidates = self.candidates(request)
        found = candidates.search(query, order_by_relevance=False, backend=backend)[: settings.SEARCH_MAX_MATCHES]
        matches = [Match(*row) for row in matching_values(found, "pk", "title")]
        if len(matches) > RANKED_MATCHES:
            return matches
        ranked = candidates.filter(pk__in=[match.pk for match in matches])
        with checking_each_listed_page():
            return [Match(*row) for row in matching_values(ranked.search(query, backend=backend), "pk", "title")]

    def phrase_matches(self, request, matches, phrases):
        """The ids of the matches holding the query's words together or a synonym whole."""
        query = any_of([Phrase(phrase) for phrase in phrases])
        candidates = self.candidates(request).filter(pk__in=[match.pk for match in matches])
        with checking_each_listed_page():
            found = candidates.search(query, order_by_relevance=False, backend=database_backend())
            return {pk for (pk,) in matching_values(found, "pk")}

    def suggest(self, prefix, language, limit=8):
        pages = searchable_pages([language])
        return list(pages.filter(title__icontains=prefix).order_by("title").values_list("title", flat=True)[:limit])


def any_of(queries):
    return Or(queries) if len(queries) > 1 else queries[0]


def forgiving(request):
    """The Correction of the query's typos, and the request with it as one more form to match: the engines forgive
    typos themselves, the database backend matches the words the site uses (not when asked to search as typed)."""
    correction = None if request.as_typed else correct(request.query, request.languages, known=request.synonyms)
    if correction is None:
        return None, request
    return correction, dataclasses.replace(request, synonyms=(*request.synonyms, correction.text))


def words_of(text, language):
    """The words of a query as the index holds them (home.text.index_words), without the ones too common to search
    by. Words only: full-text syntax (quotes, brackets, operators) is not for readers and breaks SQLite's parser."""
    return index_words(text, language, skip=STOP_WORDS)


@functools.lru_cache(maxsize=20_000)
def title_words(title, language):
    """A title's words as the index holds them, remembered: ranking looks at up to SEARCH_MAX_MATCHES titles a
    search, the same ones for the same query, and jieba takes about 60 µs a Chinese title."""
    return " ".join(index_words(title, language))


def rank(matches, words, phrases, matched, language):
    """Keeps the backend's order within four groups (Wagtail's SQLite backend ignores field boosts): pages whose
    title holds every word of the query or a synonym whole; then pages whose text does (the first set of
    `matched`, their ids); then pages holding the query's Chinese characters in sequence but not as the words
    (the second set); then pages with only some of the words. Some words of a title are not enough: in Chinese
    those are often parts of other words ("中心" of "培训中心")."""
    whole, in_sequence = matched

    def group(match):
        title = title_words(match.title, language)
        if (words and all(word in title for word in words)) or any(phrase in title for phrase in phrases):
            return 0
        return 1 if match.pk in whole else 2 if match.pk in in_sequence else 3

    return sorted(matches, key=group)
