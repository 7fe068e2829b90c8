"""The OpenAPI 3.1 description of the API, built from the page models' api_fields so that it cannot drift
from what the endpoints serve, and the browsable docs (Swagger UI, served from local static files).

drf-spectacular cannot introspect Wagtail's v2 viewsets (they build serializers per request), so the
description is assembled here from the same declarations the viewsets use.
"""

from django.conf import settings
from django.db import models
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import get_page_models

from . import fields as api_fields
from .media import RENDITION_FORMATS, RENDITION_SIZES


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


SERIALIZER_SCHEMAS = {
    api_fields.ImageField: nullable(ref("Image")),
    api_fields.DocumentField: nullable(ref("Document")),
    api_fields.TranslationsField: {"type": "array", "items": ref("PageSummary")},
    api_fields.RelatedPageField: nullable(ref("PageSummary")),
    api_fields.TopicField: nullable(ref("Topic")),
    api_fields.TopicListField: {"type": "array", "items": ref("Topic")},
    api_fields.OrganizationListField: {"type": "array", "items": ref("Organization")},
    api_fields.PageListField: {"type": "array", "items": ref("PageSummary")},
}


def model_field_schema(field):
    if isinstance(field, StreamField):
        return {"type": "array", "items": ref("StreamBlock")}
    if isinstance(field, RichTextField):
        schema = {"type": "string", "description": "HTML with absolute links"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, models.IntegerField):
        schema = {"type": "integer"}
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    else:
        schema = {"type": "string"}
    return nullable(schema) if field.null else schema


def api_field_schema(model, api_field: APIField):
    if api_field.serializer is not None:
        return SERIALIZER_SCHEMAS[type(api_field.serializer)]
    return model_field_schema(model._meta.get_field(api_field.name))


def type_name(model):
    return f"{model._meta.app_label}.{model.__name__}"


def page_models():
    return [model for model in get_page_models() if getattr(model, "api_fields", None) and not model._meta.abstract]


def page_schema(model):
    properties = {"id": {"type": "integer"}, "meta": ref("PageMeta"), "title": {"type": "string"}}
    for api_field in model.api_fields:
        properties[api_field.name] = api_field_schema(model, api_field)
    return {
        "type": "object",
        "description": f"A {model._meta.verbose_name} ({type_name(model)}).",
        "properties": properties,
        "required": list(properties),
    }


def image_schema():
    rendition = {
        "type": "object",
        "properties": {
            "url": {"type": "string", "format": "uri"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
        },
        "required": ["url", "width", "height"],
    }
    per_format = {
        "type": "object",
        "properties": dict.fromkeys(RENDITION_FORMATS, rendition),
        "required": RENDITION_FORMATS,
    }
    sizes = list(RENDITION_SIZES)
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "alt": {"type": "string"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "renditions": {"type": "object", "properties": dict.fromkeys(sizes, per_format), "required": sizes},
        },
        "required": ["id", "title", "alt", "width", "height", "renditions"],
    }


def components():
    schemas = {
        "Error": {"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]},
        "PageMeta": {
            "type": "object",
            "properties": {
                "type": {"type": "string", "examples": ["news.NewsArticlePage"]},
                "detail_url": {"type": "string", "format": "uri"},
                "html_url": nullable({"type": "string", "format": "uri"}),
                "slug": {"type": "string"},
                "first_published_at": nullable({"type": "string", "format": "date-time"}),
                "locale": {"type": "string", "enum": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]},
            },
            "required": ["type", "detail_url"],
        },
        "PageSummary": {
            "type": "object",
            "properties": components_page_summary(),
            "required": ["id", "type", "locale", "title", "html_url", "detail_url"],
        },
        "PageListItem": {
            "type": "object",
            "description": "id, meta and title, plus the fields asked for with `fields` (needs `type`).",
            "properties": {"id": {"type": "integer"}, "meta": ref("PageMeta"), "title": {"type": "string"}},
            "required": ["id", "meta", "title"],
        },
        "PageListing": listing("PageListItem"),
        "Image": image_schema(),
        "ImageItem": {
            "allOf": [ref("Image")],
            "properties": {"meta": {"type": "object", "properties": {"download_url": {"type": "string"}}}},
        },
        "ImageListing": listing("ImageListItem"),
        "ImageListItem": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}, "title": {"type": "string"}},
            "required": ["id", "meta", "title"],
        },
        "Document": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "download_url": {"type": "string", "format": "uri"},
                "file_size": nullable({"type": "integer"}),
                "content_type": {"type": "string"},
            },
            "required": ["id", "title", "download_url", "file_size", "content_type"],
        },
        "DocumentListing": listing("DocumentListItem"),
        "DocumentListItem": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}, "title": {"type": "string"}},
            "required": ["id", "meta", "title"],
        },
        "Topic": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "slug": {"type": "string"}},
            "required": ["id", "name", "slug"],
        },
        "Organization": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "role": {"type": "string", "enum": ["partner", "donor", "sponsor"]},
                "website": {"type": "string"},
                "logo": nullable(ref("Image")),
            },
            "required": ["id", "name", "role", "website", "logo"],
        },
        "StreamBlock": {
            "type": "object",
            "description": "A typed block: paragraph (HTML), heading, quote, image, document, embed, figure or tip. "
            "Images and documents inside values follow the Image and Document schemas.",
            "properties": {"type": {"type": "string"}, "value": {}, "id": {"type": "string"}},
            "required": ["type", "value"],
        },
    }
    facet = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "value": {"type": ["string", "integer"]},
                "label": {"type": "string"},
                "count": {"type": "integer"},
                "selected": {"type": "boolean"},
            },
            "required": ["value", "label", "count", "selected"],
        },
    }
    schemas["SearchResults"] = {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {
                    "total_count": {"type": "integer"},
                    "page": {"type": "integer"},
                    "pages": {"type": "integer"},
                    "query": {"type": "string"},
                    "locale": {"type": "string"},
                    "backend": {"type": "string", "enum": ["database", "elasticsearch"]},
                },
                "required": ["total_count", "page", "pages", "query", "locale", "backend"],
            },
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        **components_page_summary(),
                        "title_highlighted": {"type": "string"},
                        "snippet": {"type": "string"},
                    },
                    "required": [
                        "id",
                        "type",
                        "locale",
                        "title",
                        "html_url",
                        "detail_url",
                        "title_highlighted",
                        "snippet",
                    ],
                },
            },
            "facets": {"type": "object", "properties": {"kind": facet, "topic": facet, "year": facet}},
            "suggestions": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["meta", "items", "facets", "suggestions"],
    }
    schemas["Suggestions"] = {
        "type": "object",
        "properties": {"suggestions": {"type": "array", "items": {"type": "string"}}},
        "required": ["suggestions"],
    }
    for model in page_models():
        schemas[type_name(model)] = page_schema(model)
    schemas["PageDetail"] = {"oneOf": [ref(type_name(model)) for model in page_models()]}
    return schemas


def components_page_summary():
    return {
        "id": {"type": "integer"},
        "type": {"type": "string"},
        "locale": {"type": "string"},
        "title": {"type": "string"},
        "html_url": {"type": "string", "format": "uri"},
        "detail_url": {"type": "string", "format": "uri"},
    }


def listing(item):
    return {
        "type": "object",
        "properties": {
            "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}, "required": ["total_count"]},
            "items": {"type": "array", "items": ref(item)},
        },
        "required": ["meta", "items"],
    }


def query(name, description, schema=None, required=False):
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema or {"type": "string"},
    }


PAGINATION = [
    query("limit", "Items per page, 1 to 100 (default 20).", {"type": "integer", "minimum": 1, "maximum": 100}),
    query("offset", "Items to skip.", {"type": "integer", "minimum": 0}),
]
ERRORS = {
    "400": {"description": "Bad parameter", "content": {"application/json": {"schema": ref("Error")}}},
    "404": {"description": "Not found", "content": {"application/json": {"schema": ref("Error")}}},
}
CACHE_NOTE = (
    "Responses carry ETag, Last-Modified and `Cache-Control: public, max-age=60`; send If-None-Match "
    "or If-Modified-Since to get 304 Not Modified."
)


def ok(schema_name, description="OK"):
    return {
        "200": {"description": description, "content": {"application/json": {"schema": ref(schema_name)}}},
        **ERRORS,
    }


def id_path(description):
    return [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}, "description": description}]


def paths():
    types = ", ".join(type_name(model) for model in page_models())
    page_filters = [
        query("type", f"Page type, one of: {types}. Needed for `fields` beyond the defaults."),
        query("locale", "Language: en or zh-hans.", {"type": "string", "enum": ["en", "zh-hans"]}),
        query("translation_of", "Id of a page: its translations.", {"type": "integer"}),
        query("topic", "Topic slug, e.g. water-conservation (same in both languages)."),
        query(
            "date_from", "News from this date (needs type=news.NewsArticlePage).", {"type": "string", "format": "date"}
        ),
        query(
            "date_to", "News up to this date (needs type=news.NewsArticlePage).", {"type": "string", "format": "date"}
        ),
        query("order", "Field to sort by, e.g. title, -first_published_at, or -date for news."),
        query("fields", "Comma-separated fields to add (or `*`); prefix with - to remove."),
        query("search", "Full-text query."),
        query("child_of", "Id of the parent page.", {"type": "integer"}),
        query("descendant_of", "Id of an ancestor page.", {"type": "integer"}),
        *PAGINATION,
    ]
    return {
        "/api/v2/pages/": {
            "get": {
                "summary": "List live, public pages",
                "description": CACHE_NOTE,
                "parameters": page_filters,
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
                "responses": ok("PageDetail", "The draft content"),
            }
        },
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
                    query("year", "Year.", {"type": "integer"}),
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
                "parameters": [query("q", "The start of a title."), query("locale", "Language: en or zh-hans.")],
                "responses": ok("Suggestions"),
            }
        },
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


def openapi_document():
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Harmony Foundation content API",
            "version": "2",
            "description": "Published news, program summaries, success stories and tip sheets in English and "
            "Simplified Chinese. Every page lists its live `translations`.",
        },
        "paths": paths(),
        "components": {"schemas": components()},
    }


@require_GET
def schema_view(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_GET
def docs_view(request):
    return render(request, "api/docs.html")
