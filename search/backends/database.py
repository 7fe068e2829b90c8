"""Search on the database through Wagtail's database backend (SQLite or PostgreSQL full text).

Chinese is indexed and queried as jieba-segmented words (see BasePage.search_title/search_body); facets,
snippets and date sorting are computed here so they match the Elasticsearch backend."""

import datetime
import re

from wagtail.search.query import Or, Phrase, PlainText

from home.text import segment
from search.facts import database_backend, facet_counts, filter_pages, searchable_pages
from search.text import STOP_WORDS, query_terms

from .base import SearchHit, SearchResults

MAX_MATCHES = 1000
RANKED_MATCHES = 200


class DatabaseSearch:
    name = "database"

    def candidates(self, request):
        return filter_pages(searchable_pages(request.languages), request.kind, request.topic, request.year)

    def search(self, request):
        results = SearchResults(request=request, backend=self.name)
        matches, results.total = self.ranked(request)
        results.facets = facet_counts([page.pk for page in matches]) if matches else {}  # of the first MAX_MATCHES
        terms = request.terms
        for page in matches[request.offset : request.offset + request.page_size]:
            results.hits.append(SearchHit.for_page(page.specific, terms))
        return results

    def ranked_ids(self, request, limit):
        return [page.pk for page in self.ranked(request)[0][:limit]]

    def ranked(self, request):
        """The matching pages in the order readers get them (up to MAX_MATCHES), and how many match."""
        words = [word for word in words_of(request.query, request.language) if word.lower() not in STOP_WORDS]
        phrases = [" ".join(found) for form in request.synonyms if (found := words_of(form, request.language))]
        if not request.query or (not words and not phrases):
            return [], 0
        if words:
            phrases.insert(0, " ".join(words))  # the query's words together count more than apart
        parts = [PlainText(" ".join(words), operator="or")] if len(words) > 1 else []
        parts += [Phrase(phrase) for phrase in phrases]  # a synonym counts only as a whole
        matches, total = self.matches(request, any_of(parts))
        whole = self.phrase_matches(request, matches, phrases) if len(parts) > 1 else {page.pk for page in matches}
        matches = rank(matches, query_terms(request.query, request.language), request.synonyms, whole)
        if request.sort == "date":
            specific = {page.pk: page.specific for page in matches}
            undated = datetime.date.min
            matches = sorted(matches, key=lambda page: specific[page.pk].content_date() or undated, reverse=True)
        return matches, total

    def matches(self, request, query):
        """Matching pages, best first, and how many there are.

        Ranking by relevance costs Wagtail's SQLite backend a full-text lookup per match, so it is used up to
        RANKED_MATCHES matches; beyond that (a word found in thousands of pages) the matches come newest first,
        after the title boost."""
        backend = database_backend()
        candidates = self.candidates(request)
        found = candidates.search(query, order_by_relevance=False, backend=backend)
        matches = list(found[:MAX_MATCHES])
        if len(matches) > RANKED_MATCHES:
            return matches, found.count() if len(matches) == MAX_MATCHES else len(matches)
        ranked = candidates.filter(pk__in=[page.pk for page in matches])
        return list(ranked.search(query, backend=backend)), len(matches)

    def phrase_matches(self, request, matches, phrases):
        """The ids of the matches holding the query's words together or a synonym whole."""
        query = any_of([Phrase(phrase) for phrase in phrases])
        candidates = self.candidates(request).filter(pk__in=[page.pk for page in matches])
        return {page.pk for page in candidates.search(query, order_by_relevance=False, backend=database_backend())}

    def suggest(self, prefix, language, limit=8):
        pages = searchable_pages([language])
        return list(pages.filter(title__icontains=prefix).order_by("title").values_list("title", flat=True)[:limit])


def any_of(queries):
    return Or(queries) if len(queries) > 1 else queries[0]


def words_of(text, language):
    """Words only: full-text syntax (quotes, brackets, operators) is not for readers and breaks SQLite's parser."""
    return re.sub(r"[^\w\s]", " ", segment(text, language)).split()


def rank(pages, words, phrases, whole):
    """Keeps the backend's order within three groups (Wagtail's SQLite backend ignores field boosts): pages whose
    title holds every word of the query or a synonym whole, then pages whose text does (`whole`, their ids), then
    pages with only some of the words. Some words of a title are not enough: in Chinese those are often parts of
    other words ("中心" of "培训中心")."""
    words, phrases = [word.lower() for word in words], [phrase.lower() for phrase in phrases]

    def group(page):
        title = page.title.lower()
        if (words and all(word in title for word in words)) or any(phrase in title for phrase in phrases):
            return 0
        return 1 if page.pk in whole else 2

    return sorted(pages, key=group)
