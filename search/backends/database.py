"""Search on the database through Wagtail's database backend (SQLite or PostgreSQL full text).

Chinese is indexed and queried as jieba-segmented words (see BasePage.search_title/search_body); facets,
snippets and date sorting are computed here so they match the Elasticsearch backend."""

import datetime
import re

from django.conf import settings

from wagtail.models import Locale

from home.content import content_kinds
from home.text import segment
from search.facts import facet_counts, filter_pages, live_public_pages
from search.text import query_terms

from .base import SearchHit, SearchResults

MAX_MATCHES = 1000
RANKED_MATCHES = 200


class DatabaseSearch:
    name = "database"

    def candidates(self, request):
        pages = live_public_pages().type(*content_kinds().values())
        if not request.all_languages:
            pages = pages.filter(locale=Locale.objects.get(language_code=request.language))
        return filter_pages(pages, request.kind, request.topic, request.year)

    def search(self, request):
        results = SearchResults(request=request, backend=self.name)
        if not request.query:
            return results
        # Words only: full-text syntax (quotes, brackets, operators) is not for readers and breaks SQLite's parser.
        words = re.sub(r"[^\w\s]", " ", segment(request.query, request.language)).split()
        if not words:
            return results
        matches, total = self.matches(request, " ".join(words))
        terms = query_terms(request.query, request.language)
        matches = boost_title_matches(matches, terms)
        results.total = total
        results.facets = facet_counts([page.pk for page in matches])  # facets count the first MAX_MATCHES
        if request.sort == "date":
            specific = {page.pk: page.specific for page in matches}
            undated = datetime.date.min
            matches = sorted(matches, key=lambda page: specific[page.pk].content_date() or undated, reverse=True)
        for page in matches[request.offset : request.offset + request.page_size]:
            results.hits.append(SearchHit.for_page(page.specific, terms))
        return results

    def matches(self, request, query):
        """Matching pages, best first, and how many there are.

        Ranking by relevance costs Wagtail's SQLite backend a full-text lookup per match, so it is used up to
        RANKED_MATCHES matches; beyond that (a word found in thousands of pages) the matches come newest first,
        after the title boost."""
        backend = _database_backend()
        candidates = self.candidates(request)
        found = candidates.search(query, operator="or", order_by_relevance=False, backend=backend)
        matches = list(found[:MAX_MATCHES])
        if len(matches) > RANKED_MATCHES:
            return matches, found.count() if len(matches) == MAX_MATCHES else len(matches)
        ranked = candidates.filter(pk__in=[page.pk for page in matches])
        return list(ranked.search(query, operator="or", backend=backend)), len(matches)

    def suggest(self, prefix, language, limit=8):
        pages = live_public_pages().type(*content_kinds().values()).filter(locale__language_code=language)
        return list(pages.filter(title__icontains=prefix).order_by("title").values_list("title", flat=True)[:limit])


def _database_backend():
    """The name of Wagtail's database backend, also when Elasticsearch is the default (for the fallback)."""
    return "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"


def boost_title_matches(pages, terms):
    """Pages whose title holds a query word first, keeping the backend's order within each group
    (Wagtail's SQLite backend ignores field boosts)."""
    lowered = [term.lower() for term in terms]
    return sorted(pages, key=lambda page: not any(term in page.title.lower() for term in lowered))
