"""What a search asks and answers, the same for every backend."""

from dataclasses import dataclass, field

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from home.content import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    UnknownLanguage,
    content_kinds,
    content_language,
    content_languages,
)
from home.text import page_body_text
from resources.snippets import Topic
from search.text import MAX_QUERY_LENGTH, clean_query, highlight, query_terms

SORTS = ("relevance", "date")
PAGE_SIZE = 10


class SearchError(ValueError):
    """A reader's search parameter is not valid: the message (translatable) says which and why."""

    def __init__(self, parameter, message, **values):
        super().__init__(format_lazy(message, **values) if values else message)
        self.parameter, self.message = parameter, self.args[0]


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

    @classmethod
    def from_params(cls, params, language):
        """Validates query parameters (q, all, kind, topic, year, sort, page, limit) from a reader or app."""
        try:
            language = content_language(params.get("locale") or language)
        except UnknownLanguage as error:
            raise SearchError("locale", error.args[0]) from error
        kind = params.get("kind", "")
        if kind and kind not in content_kinds():
            raise SearchError(
                "kind", _("Unknown kind '{kind}'; use one of: {kinds}."), kind=kind, kinds=", ".join(content_kinds())
            )
        sort = params.get("sort") or "relevance"
        if sort not in SORTS:
            raise SearchError("sort", _("sort must be one of: {sorts}."), sorts=", ".join(SORTS))
        topic = params.get("topic", "")
        if topic and not Topic.objects.filter(slug=topic).exists():
            raise SearchError("topic", _("Unknown topic '{topic}'."), topic=topic)
        if len(params.get("q", "")) > MAX_QUERY_LENGTH:
            raise SearchError("q", _("q must be at most {length} characters long."), length=MAX_QUERY_LENGTH)
        return cls(
            query=clean_query(params.get("q", "")),
            language=language,
            all_languages=params.get("all") in ("1", "true", "on"),
            kind=kind,
            topic=topic,
            year=_number(params, "year", EARLIEST_YEAR, LATEST_YEAR),
            sort=sort,
            page=_number(params, "page", 1, 10_000) or 1,
            page_size=_number(params, "limit", 1, 50) or PAGE_SIZE,
        )

    @property
    def languages(self):
        return tuple(content_languages()) if self.all_languages else (self.language,)

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
    if value in (None, ""):
        return None
    if not str(value).isdigit() or not lowest <= int(value) <= highest:
        raise SearchError(
            name,
            _("{name} must be a whole number from {lowest} to {highest}."),
            name=name,
            lowest=lowest,
            highest=highest,
        )
    return int(value)


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


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)  # {"kind": {value: count}, "topic": {...}, "year": {...}}
    backend: str = ""
    did_you_mean: str | None = None  # the query with its typos corrected, where the backend cannot forgive them

    @property
    def pages(self):
        return max(1, -(-self.total // self.request.page_size))
