"""The operations of the OpenAPI description: pages, search, images and documents."""

from wagtail.coreutils import get_content_languages

from api.fields import page_models, type_name
from api.media_views import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from api.parameters import fields_pattern, order_pattern
from api.views import PublicPagesAPIViewSet
from home.content import EARLIEST_YEAR, LATEST_YEAR
from resources.snippets import Topic

from .helpers import CACHE_NOTE, DATE, ERRORS, NON_EMPTY_TEXT, PAGINATION, id_path, ok, page_id_query, query, ref

SEARCH = [
    query("search", "Full-text query (double quotes are ignored)."),
    query("search_operator", "How the words combine.", {"type": "string", "enum": ["and", "or"]}),
]


def fields_query(viewset, detail):
    return query(
        "fields",
        "Fields to show: names separated by commas, each prefixed with - to remove it, after an optional `*` "
        "(every field) or `_` (none). A field the item's type does not have is left out; `id` and `meta.type` "
        "are always there.",
        {"type": "string", "pattern": fields_pattern(viewset.known_fields(detail))},
    )


def locale_query():
    """The content languages of the settings (WAGTAIL_CONTENT_LANGUAGES), as the API accepts them."""
    codes = list(get_content_languages())
    return query("locale", f"Language: {', '.join(codes)}.", {"type": "string", "enum": codes})


def page_filters():
    types = [type_name(model) for model in page_models()]
    topics = sorted(set(Topic.objects.values_list("slug", flat=True)))
    return [
        query("type", "Page type: needed for `fields` and `order` beyond the defaults.", {"enum": types}),
        locale_query(),
        page_id_query("translation_of", "Id of a page: its translations."),
        query("topic", "Topic slug (the same in both languages).", {"type": "string", "enum": topics}),
        query(
            "year",
            "Pages of this year, by their own date: news date, program start, story year.",
            {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR},
        ),
        query("date_from", "News articles from this date (other pages have no day date).", DATE),
        query("date_to", "News articles up to this date.", DATE),
        query(
            "order",
            "Fields to sort by, separated by commas, each prefixed with - for descending: e.g. title, -date for "
            "news, -start_year for programs, -year for stories. A field the listed type does not have is left "
            "out; with `search`, results come by relevance.",
            {"type": "string", "pattern": order_pattern(PublicPagesAPIViewSet.known_order_fields())},
        ),
        fields_query(PublicPagesAPIViewSet, detail=False),
        *SEARCH,
        page_id_query("child_of", "Id of the parent page."),
        page_id_query("descendant_of", "Id of an ancestor page."),
        page_id_query("ancestor_of", "Id of a descendant page."),
        *PAGINATION,
    ]


def page_paths():
    return {
        "/api/v2/pages/": {
            "get": {
                "summary": "List live, public pages",
                "description": CACHE_NOTE,
                "parameters": page_filters(),
                "responses": ok("PageListing"),
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "summary": "One page, with every field and its translations",
                "description": CACHE_NOTE,
                "parameters": [*id_path("Page id."), fields_query(PublicPagesAPIViewSet, detail=True)],
                "responses": ok("Page"),
            }
        },
        "/api/v2/pages/find/": {
            "get": {
                "summary": "Find a page by its URL path, language prefix included",
                "parameters": [query("html_path", "e.g. /zh-hans/news/some-story/", required=True)],
                "responses": {"302": {"description": "Redirect to the page's detail URL"}, **ERRORS},
            }
        },
        "/api/v2/pages/preview/": {
            "get": {
                "summary": "A draft, by the signed token from the admin's API preview link",
                "parameters": [query("token", "Signed preview token (valid one hour).", required=True)],
                "responses": {
                    **ok("Page", "The draft content"),
                    "403": {
                        "description": "Missing, invalid or expired token",
                        "content": {"application/json": {"schema": ref("Error")}},
                    },
                },
            }
        },
    }


def search_paths():
    return {
        "/api/v2/search/": {
            "get": {
                "summary": "Search news, program summaries, success stories and tip sheets",
                "description": "The reader's language by default (`locale`), or every language with `all=1`. "
                "Highlighted snippets mark matched words with <mark>. " + CACHE_NOTE,
                "parameters": [
                    query("q", "What to search for (at most 200 characters); empty gives no results."),
                    locale_query(),
                    query(
                        "all", "1 to search every language.", {"type": "string", "enum": ["1", "true", "0", "false"]}
                    ),
                    query(
                        "kind",
                        "news, program, story or tips.",
                        {"type": "string", "enum": ["news", "program", "story", "tips"]},
                    ),
                    query("topic", "Topic slug.", NON_EMPTY_TEXT),
                    query("year", "Year.", {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR}),
                    query("sort", "relevance (default) or date.", {"type": "string", "enum": ["relevance", "date"]}),
                    query("page", "Result page, from 1.", {"type": "integer", "minimum": 1, "maximum": 10_000}),
                    query(
                        "limit",
                        "Results a page, 1 to 50 (default 10).",
                        {"type": "integer", "minimum": 1, "maximum": 50},
                    ),
                ],
                "responses": ok("SearchResults"),
            }
        },
        "/api/v2/search/suggest/": {
            "get": {
                "summary": "Titles completing what the reader types",
                "parameters": [
                    query("q", "The start of a title."),
                    locale_query(),
                ],
                "responses": ok("Suggestions"),
            }
        },
    }


def media_paths():
    return {
        "/api/v2/images/": {
            "get": {
                "summary": "List images outside private collections",
                "parameters": [
                    fields_query(PublicImagesAPIViewSet, detail=False),
                    *SEARCH,
                    *PAGINATION,
                ],
                "responses": ok("ImageListing"),
            }
        },
        "/api/v2/images/{id}/": {
            "get": {
                "summary": "One image with its renditions",
                "parameters": id_path("Image id."),
                "responses": ok("ImageItem"),
            }
        },
        "/api/v2/documents/": {
            "get": {
                "summary": "List documents outside private collections",
                "parameters": [
                    fields_query(PublicDocumentsAPIViewSet, detail=False),
                    *SEARCH,
                    *PAGINATION,
                ],
                "responses": ok("DocumentListing"),
            }
        },
        "/api/v2/documents/{id}/": {
            "get": {"summary": "One document", "parameters": id_path("Document id."), "responses": ok("DocumentItem")}
        },
    }


def paths():
    return {**page_paths(), **search_paths(), **media_paths()}
