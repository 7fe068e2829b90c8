"""The schemas of the OpenAPI description: page types from their api_fields, media, snippets and search."""

from django.conf import settings
from django.db import models

from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import get_page_models

from api import fields as api_fields
from api.fields import type_name
from api.media import RENDITION_FORMATS, RENDITION_SIZES
from api.page_fields import field_plan

from .helpers import listing, nullable, page_summary_properties, ref

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
    serializer = api_field.serializer or field_plan(model, api_field.name).serializer
    if serializer is not None:
        return SERIALIZER_SCHEMAS[type(serializer)]
    return model_field_schema(model._meta.get_field(api_field.name))


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


def page_frame_schemas():
    return {
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
            "properties": page_summary_properties(),
            "required": ["id", "type", "locale", "title", "html_url", "detail_url"],
        },
        "PageListItem": {
            "type": "object",
            "description": "id, meta and title, plus the fields asked for with `fields` (needs `type`).",
            "properties": {"id": {"type": "integer"}, "meta": ref("PageMeta"), "title": {"type": "string"}},
            "required": ["id", "meta", "title"],
        },
        "PageListing": listing("PageListItem"),
    }


def list_item_schema():
    return {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}, "title": {"type": "string"}},
        "required": ["id", "meta", "title"],
    }


def media_schemas():
    return {
        "Image": image_schema(),
        "ImageItem": {
            "allOf": [ref("Image")],
            "properties": {"meta": {"type": "object", "properties": {"download_url": {"type": "string"}}}},
        },
        "ImageListing": listing("ImageListItem"),
        "ImageListItem": list_item_schema(),
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
        "DocumentListItem": list_item_schema(),
    }


def content_schemas():
    return {
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


def facet_schema():
    return {
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


def search_schemas():
    facet = facet_schema()
    hit_properties = {
        **page_summary_properties(),
        "title_highlighted": {"type": "string"},
        "snippet": {"type": "string"},
    }
    search_meta = {
        "total_count": {"type": "integer"},
        "page": {"type": "integer"},
        "pages": {"type": "integer"},
        "query": {"type": "string"},
        "locale": {"type": "string"},
        "backend": {"type": "string", "enum": ["database", "elasticsearch"]},
    }
    return {
        "SearchResults": {
            "type": "object",
            "properties": {
                "meta": {"type": "object", "properties": search_meta, "required": list(search_meta)},
                "items": {
                    "type": "array",
                    "items": {"type": "object", "properties": hit_properties, "required": list(hit_properties)},
                },
                "facets": {"type": "object", "properties": {"kind": facet, "topic": facet, "year": facet}},
                "suggestions": {"type": "array", "items": {"type": "string"}},
                "did_you_mean": {
                    "type": ["string", "null"],
                    "description": "The query with its English typos corrected from the site's own words (on the "
                    "database backend; the search engines forgive up to two edits themselves), or null.",
                },
            },
            "required": ["meta", "items", "facets", "suggestions", "did_you_mean"],
        },
        "Suggestions": {
            "type": "object",
            "properties": {"suggestions": {"type": "array", "items": {"type": "string"}}},
            "required": ["suggestions"],
        },
    }


def components():
    schemas = {**page_frame_schemas(), **media_schemas(), **content_schemas(), **search_schemas()}
    for model in page_models():
        schemas[type_name(model)] = page_schema(model)
    schemas["PageDetail"] = {"oneOf": [ref(type_name(model)) for model in page_models()]}
    return schemas
