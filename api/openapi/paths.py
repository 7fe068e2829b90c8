"""The operations of the OpenAPI description: pages, search, images and documents."""

from api.fields import type_name
from home.content import EARLIEST_YEAR, LATEST_YEAR

from .components import page_models
from .helpers import CACHE_NOTE, ERRORS, PAGINATION, id_path, ok, page_id_query, query, ref


def page_filters():
    types = ", ".join(type_name(model) for model in page_models())
    return [
        query("type", f"Page type, one of: {types}. Needed for `fields` beyond the defaults."),
        query("locale", "Language: en or zh-hans.", {"type": "string", "enum": ["en", "zh-hans"]}),
        page_id_query("translation_of", "Id of a page: its translations."),
        query("topic", "Topic slug, e.g. water-conservation (same in both languages)."),
        query(
            "year",
            "Pages of this year, by their own date: news date, program start, story year.",
            {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR},
        ),
        query(
            "date_from", "News from this date (needs type=news.NewsArticlePage).", {"type": "string", "format": "date"}
        ),
        query(
            "date_to", "News up to this date (needs type=news.NewsArticlePage).", {"type": "string", "format": "date"}
        ),
        query("order", "Field to sort by, e.g. title, -date for news, -start_year for programs, -year for stories."),
        query("fields", "Comma-separated fields to add (or `*`); prefix with - to remove."),
        query("search", "Full-text query."),
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
                "parameters": [*id_path("Page id."), query("fields", "Fields to add or remove.")],
                "responses": ok("PageDetail"),
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
                    **ok("PageDetail", "The draft content"),
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
                    query("locale", "Language: en or zh-hans.", {"type": "string", "enum": ["en", "zh-hans"]}),
                    query("all", "1 to search every language.", {"type": "string", "enum": ["1", "true"]}),
                    query(
                        "kind",
                        "news, program, story or tips.",
                        {"type": "string", "enum": ["news", "program", "story", "tips"]},
                    ),
                    query("topic", "Topic slug."),
                    query("year", "Year.", {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR}),
                    query("sort", "relevance (default) or date.", {"type": "string", "enum": ["relevance", "date"]}),
                    query("page", "Result page, from 1.", {"type": "integer", "minimum": 1}),
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
                    query("locale", "Language: en or zh-hans.", {"type": "string", "enum": ["en", "zh-hans"]}),
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
                    query("fields", "Fields to add or remove."),
                    query("search", "Full-text query."),
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
                    query("fields", "Fields to add or remove."),
                    query("search", "Full-text query."),
                    *PAGINATION,
                ],
                "responses": ok("DocumentListing"),
            }
        },
        "/api/v2/documents/{id}/": {
            "get": {"summary": "One document", "parameters": id_path("Document id."), "responses": ok("Document")}
        },
    }


def paths():
    return {**page_paths(), **search_paths(), **media_paths()}
