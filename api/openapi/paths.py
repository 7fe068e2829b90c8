"""The operations of the OpenAPI description: pages, search, images and documents. Paths are listed without their
final slash; each answers the same with it (Wagtail's form, which the URLs in answers use)."""

from wagtail.coreutils import get_content_languages

from api.fields import page_models
from api.media_views import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from api.parameters import fields_pattern, order_pattern
from api.views import PREVIEW_MAX_AGE, PublicPagesAPIViewSet
from endpoints.pages import type_name
from home.content import EARLIEST_YEAR, LATEST_YEAR

from . import examples
from .helpers import (
    DATE,
    ERRORS,
    ID,
    NON_EMPTY_TEXT,
    PAGINATION,
    TEXT,
    URI,
    error,
    id_path,
    image_size_queries,
    ok,
    operation,
    page_id_query,
    query,
    ref,
)

SEARCH = [  # images and documents
    query("search", "Full-text query (double quotes are ignored)."),
    query("search_operator", "How the words combine.", ref("SearchOperator")),
]
YEAR = {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR}


def fields_query(viewset, detail):
    return query(
        "fields",
        "Fields to show: names separated by commas, each prefixed with - to remove it, after an optional `*` "
        "(every field) or `_` (none). A field the item's type does not have is left out; `id` and `meta.type` "
        "are always there.",
        {"type": "string", "pattern": fields_pattern(viewset.known_fields(detail))},
    )


def locale_query():
    return query("locale", f"Language: {', '.join(get_content_languages())}.", ref("LocaleCode"))


def content_filters(*names):
    """The filters of resources.filters, described once for every operation that offers them."""
    descriptions = {
        "kind": query("kind", "Kind of content: news, program, story or tips.", ref("ContentKind")),
        "locale": locale_query(),
        "topic": query("topic", "Topic slug (the same in every language).", ref("TopicSlug")),
        "organization": query(
            "organization",
            "Id of a partner, donor or sponsor, in any language: the programs naming it. An id no organisation has "
            "answers 404.",
            ID,
        ),
        "date_from": query(
            "date_from", "Pages whose own date is on or after this day (a year alone counts as 1 January).", DATE
        ),
        "date_to": query("date_to", "Pages whose own date is on or before this day.", DATE),
        "year": query("year", "Pages of this year, by their own date: news date, program start, story year.", YEAR),
    }
    return [descriptions[name] for name in names]


def page_filters():
    types = [type_name(model) for model in page_models()]
    return [
        query(
            "type", f"Page type, e.g. {types[0]}: needed for `fields` and `order` beyond the defaults.", ref("PageType")
        ),
        *content_filters("locale"),
        page_id_query("translation_of", "Id of a page: its translations."),
        *content_filters("topic", "year", "date_from", "date_to"),
        query(
            "order",
            "Fields to sort by, separated by commas, each prefixed with - for descending: e.g. title, -date for "
            "news, -start_year for programs, -year for stories. A field the listed type does not have is left "
            "out; with `search`, results come by relevance.",
            {"type": "string", "pattern": order_pattern(PublicPagesAPIViewSet.known_order_fields())},
        ),
        fields_query(PublicPagesAPIViewSet, detail=False),
        query(
            "search",
            "The site's search (as /api/v2/search finds it: Traditional characters, glossary synonyms, typos), in "
            "`locale` or every language; results come in its order. News, programs, stories and tip sheets only.",
            {**TEXT, "maxLength": 200},
        ),
        query(
            "search_operator", "Taken for Wagtail's clients and left aside: the search decides.", ref("SearchOperator")
        ),
        page_id_query("child_of", "Id of the parent page."),
        page_id_query("descendant_of", "Id of an ancestor page."),
        page_id_query("ancestor_of", "Id of a descendant page."),
        *PAGINATION,
        *content_filters("kind", "organization"),  # later: generated clients that take arguments by position
        *image_size_queries(),
    ]


def find_responses():
    location = {"Location": {"description": "The page's detail URL, with the other parameters", "schema": URI}}
    content = {"application/json": {"schema": ref("PageReference"), "example": examples.page_reference()}}
    found = {"description": "Found: the page's detail URL", "headers": location, "content": content}
    return {"302": found, **ERRORS}


def preview_responses():
    responses = ok("Page", examples.news_article(), "The draft content (`Cache-Control: private, no-store`)")
    del responses["304"]
    return {**responses, "403": error("The token is missing, not valid or over an hour old")}


def page_paths():
    preview_hours = PREVIEW_MAX_AGE // 3600
    return {
        "/api/v2/pages": operation(
            "listPages",
            "Pages",
            "List live, public pages",
            "Pages readers may see, in either language or both, filtered, ordered and paged. Without `type`, items "
            "carry `id`, `type`, `title` and `meta`; with it, `fields` can ask for every field of that type.",
            page_filters(),
            ok("PageListing", examples.page_listing()),
        ),
        "/api/v2/pages/{id}": operation(
            "getPage",
            "Pages",
            "One page, with every field and its translations",
            "Every field of the page, as its own type (`type` says which), with its live translations. A page that "
            "is not live and public answers 404.",
            [*id_path("Page id."), fields_query(PublicPagesAPIViewSet, detail=True), *image_size_queries()],
            ok("Page", examples.news_article()),
        ),
        "/api/v2/pages/find": operation(
            "findPage",
            "Pages",
            "Find a page by its URL path, language prefix included",
            "The page a public URL shows: 302 to its detail URL, with `{id, type, detail_url}` in the body for "
            "clients that do not follow redirects. A path no public page has answers 404.",
            [query("html_path", "e.g. /zh-hans/news/some-story/", NON_EMPTY_TEXT, required=True)],
            find_responses(),
        ),
        "/api/v2/pages/preview": operation(
            "previewPage",
            "Pages",
            "A draft, by the signed token of the admin's API preview link",
            "The latest draft of a page as apps will show it once published, for the editor who opened the admin's "
            "*API preview* link. Never stored by caches.",
            [query("token", f"Signed preview token (valid {preview_hours} hour).", required=True)],
            preview_responses(),
        ),
    }


def search_parameters():
    return [
        query(
            "q",
            "What to search for (at most 200 characters); empty gives no results.",
            {**TEXT, "maxLength": 200},
        ),
        locale_query(),
        query("all", "true to search every language (1 and 0 are taken too).", {"type": "boolean"}),
        query(
            "as_typed",
            "true to search the query as typed: the database backend then corrects no typo (`corrected_from`).",
            {"type": "boolean"},
        ),
        *content_filters("kind", "topic", "year"),
        query("sort", "relevance (default) or date.", ref("SearchSort")),
        query("page", "Result page, from 1.", {"type": "integer", "minimum": 1, "maximum": 10_000}),
        query("limit", "Results a page, 1 to 50 (default 10).", {"type": "integer", "minimum": 1, "maximum": 50}),
    ]


def search_paths():
    return {
        "/api/v2/search": operation(
            "search",
            "Search",
            "Search news, program summaries, success stories and tip sheets",
            "The reader's language by default (`locale`), or every language with `all=true`. Highlighted snippets "
            "mark matched words with <mark>; facets count the results by kind, topic and year.",
            search_parameters(),
            ok("SearchResults", examples.search_results()),
        ),
        "/api/v2/search/suggest": operation(
            "suggest",
            "Search",
            "Titles completing what the reader types",
            "Titles of live, public pages in the reader's language that complete `q`, for a search box.",
            [query("q", "The start of a title."), locale_query()],
            ok("Suggestions", examples.suggestions()),
        ),
    }


def media_paths():
    def endpoints(kind, viewset, example, total, detail_summary, facts, sized=()):
        tag, singular = kind.title(), kind.title()[:-1]  # Images, Image
        listing = {"meta": {"total_count": total}, "items": [example]}
        return {
            f"/api/v2/{kind}": operation(
                f"list{tag}",
                tag,
                f"List {kind} outside private collections",
                f"{tag} readers may see (outside private collections), paged, with {facts}.",
                [fields_query(viewset, detail=False), *SEARCH, *PAGINATION, *sized],
                ok(f"{singular}Listing", listing),
            ),
            f"/api/v2/{kind}/{{id}}": operation(
                f"get{singular}",
                tag,
                detail_summary,
                f"One {singular.lower()}, with {facts}; one in a private collection answers 404.",
                [*id_path(f"{singular} id."), fields_query(viewset, detail=True), *sized],
                ok(f"{singular}Item", example),
            ),
        }

    return {
        **endpoints(
            "images",
            PublicImagesAPIViewSet,
            examples.image_item(),
            23,
            "One image with its renditions",
            "alt text, original size, focal point, ready-made renditions (thumbnail, medium, large; AVIF, WebP "
            "and JPEG) and the rendition of the size asked for",
            image_size_queries(),
        ),
        **endpoints(
            "documents",
            PublicDocumentsAPIViewSet,
            examples.document_item(),
            18,
            "One document",
            "download URL, size and type",
        ),
    }


def paths():
    return {**page_paths(), **search_paths(), **media_paths()}
