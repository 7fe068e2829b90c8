"""The schemas of the OpenAPI description: page types from their api_fields, media, snippets and search."""

from django.conf import settings
from django.db import models

from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField

from api.fields import page_models, type_name
from api.media import RENDITION_FORMATS, RENDITION_SIZES

from .helpers import listing, nullable, page_summary_properties, ref

TITLE = {"type": "string"}


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
        return api_field.serializer.schema
    return model_field_schema(model._meta.get_field(api_field.name))


def typed_meta_type(type_value):
    """`meta.type` fixed to one value: what tells one item schema from another."""
    return {"properties": {"type": {"const": type_value}}, "required": ["type"]}


def typed_meta(meta_schema, type_value):
    return {"allOf": [ref(meta_schema), typed_meta_type(type_value)]}


def page_schema(model):
    properties = {"id": {"type": "integer"}, "meta": typed_meta("PageMeta", type_name(model)), "title": TITLE}
    for api_field in model.api_fields:
        properties[api_field.name] = api_field_schema(model, api_field)
    return {
        "type": "object",
        "description": f"A {model._meta.verbose_name} ({type_name(model)}). Every property is there unless "
        "`fields` leaves it out; `id` and `meta.type` always are. In a listing without `type`, only `id`, `title` "
        "and `meta` are.",
        "properties": properties,
        "required": ["id", "meta"],
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
    uri = {"type": "string", "format": "uri"}
    parent = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "meta": {"type": "object", "properties": {"type": {"type": "string"}, "detail_url": uri}},
            "title": TITLE,
        },
        "required": ["id", "meta", "title"],
    }
    return {
        "Error": {"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]},
        "PageMeta": {
            "type": "object",
            "properties": {
                "type": {"type": "string", "examples": ["news.NewsArticlePage"]},
                "detail_url": uri,
                "html_url": nullable(uri),
                "slug": {"type": "string"},
                "show_in_menus": {"type": "boolean"},
                "seo_title": {"type": "string"},
                "search_description": {"type": "string"},
                "first_published_at": nullable({"type": "string", "format": "date-time"}),
                "alias_of": nullable({"type": "integer"}),
                "parent": nullable(parent),
                "locale": {"type": "string", "enum": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]},
            },
        },
        "PageSummary": {
            "type": "object",
            "properties": page_summary_properties(),
            "required": ["id", "type", "locale", "title", "html_url", "detail_url"],
        },
        "PageListing": listing("Page"),
    }


def media_item_schema(nested_schema, type_value):
    """An image or a document as its endpoint serves it: the nested form's properties, and its meta."""
    meta = {
        "type": "object",
        "properties": {
            "detail_url": {"type": "string", "format": "uri"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "download_url": {"type": "string", "format": "uri"},
        },
    }
    return {
        "type": "object",
        "description": "Every property is there unless `fields` leaves it out; `id` and `meta.type` always are.",
        "properties": {**nested_schema["properties"], "meta": {"allOf": [meta, typed_meta_type(type_value)]}},
        "required": ["id", "meta"],
    }


def document_schema():
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": TITLE,
            "download_url": {"type": "string", "format": "uri"},
            "file_size": nullable({"type": "integer"}),
            "content_type": {"type": "string"},
        },
        "required": ["id", "title", "download_url", "file_size", "content_type"],
    }


def media_schemas():
    image, document = image_schema(), document_schema()
    return {
        "Image": image,
        "ImageItem": media_item_schema(image, "wagtailimages.Image"),
        "ImageListing": listing("ImageItem"),
        "Document": document,
        "DocumentItem": media_item_schema(document, "wagtaildocs.Document"),
        "DocumentListing": listing("DocumentItem"),
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
    schemas["Page"] = {
        "description": "A page of one of the types, told apart by `meta.type`.",
        "oneOf": [ref(type_name(model)) for model in page_models()],
    }
    return schemas
