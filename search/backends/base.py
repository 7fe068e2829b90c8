"""What a search asks and answers, the same for every backend."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.content import content_languages
from home.text import page_body_text
from home.visibility import readers
from resources.filters import ContentFilter, InvalidFilter, whole_number
from resources.filters import language as published_language
from search.text import MAX_QUERY_LENGTH, clean_query, highlight, query_terms

SORTS = ("relevance", "date")
TRUE = ("1", "true", "on")  # a flag as the search form (a checkbox) or an app (a boolean) sends it
PAGE_SIZE = 10


@dataclass
class SearchRequest:
    query: str
    language: str
    all_languages: bool = False
    kind: str = ""
    topic: str = ""
    year: int | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    synonyms: tuple = ()  # the glossary's forms of the terms the query names (search.synonyms), matched as well
    as_typed: bool = False  # no typo correction ("search instead for …")

    @classmethod
    def from_params(cls, params, language):
        """Validates query parameters (q, locale, all, as_typed, kind, topic, year, sort, page, limit) from a reader
        or app; the filters are those of resources.filters."""
        filters = ContentFilter.from_query(params, ("kind", "topic", "year"))
        sort = params.get("sort") or "relevance"
        if sort not in SORTS:
            raise InvalidFilter("sort", _("sort must be one of: {sorts}."), sorts=", ".join(SORTS))
        if len(params.get("q", "")) > MAX_QUERY_LENGTH:
            raise InvalidFilter("q", _("q must be at most {length} characters long."), length=MAX_QUERY_LENGTH)
        return cls(
            query=clean_query(params.get("q", "")),
            language=published_language(params.get("locale") or language),
            all_languages=params.get("all") in TRUE,
            as_typed=params.get("as_typed") in TRUE,
            kind=filters.kind,
            topic=filters.topic,
            year=filters.year,
            sort=sort,
            page=_number(params, "page", 1, 10_000) or 1,
            page_size=_number(params, "limit", 1, 50) or PAGE_SIZE,
        )

    @property
    def languages(self):
        return tuple(content_languages()) if self.all_languages else (self.language,)

    @property
    def filters(self):
        """The pages the request's filters and languages leave, as resources.filters defines them."""
        return ContentFilter(kind=self.kind, languages=self.languages, topic=self.topic, year=self.year)

    @property
    def terms(self):
        """The words to highlight in results: the query's and its synonyms'."""
        words = query_terms(" ".join([self.query, *self.synonyms]), self.language)
        return list(dict.fromkeys(words))

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


def _number(params, name, lowest, highest):
    value = params.get(name)
    return None if value in (None, "") else whole_number(str(value), name, lowest, highest)


@dataclass
class SearchHit:
    page: object
    snippet: str
    title_html: str

    @classmethod
    def for_page(cls, page, terms):
        """A result with its title and a snippet of its text, the query's words marked."""
        return cls(
            page=page,
            snippet=highlight(page_body_text(page, related_names=False), terms),
            title_html=highlight(page.title, terms, 500),
        )

    @classmethod
    def for_pages(cls, page_ids, terms):
        """The results for these pages, in this order, of those readers may see: an index may briefly lag behind
        an unpublish, and the database decides. Each page comes with its locale, which every result shows."""
        pages = readers().pages(Page.objects.filter(pk__in=page_ids)).specific()
        pages = pages.select_related("locale", for_specific_subqueries=True).in_bulk()
        return [cls.for_page(pages[pk], terms) for pk in page_ids if pk in pages]


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list = field(default_factory=list)
    total: int = 0
    total_is_lower_bound: bool = False  # counting stopped at SEARCH_MAX_MATCHES: `total` or more match
    facets: dict = field(default_factory=dict)  # {"kind": {value: count}, "topic": {...}, "year": {...}}
    backend: str = ""
    did_you_mean: str | None = None  # the query with its typos corrected, where the backend cannot forgive them
    # A confident correction searched at once because the query as typed found nothing: what was typed, and the
    # corrected query whose results these are.
    corrected_from: str | None = None
    corrected_query: str | None = None

    @property
    def pages(self):
        return max(1, -(-self.total // self.request.page_size))
