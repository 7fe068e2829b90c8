"""The schemas of the OpenAPI description: page types from their declared api_fields, media, snippets and search.

Every union has its discriminator at the top level of its items (a page's `type`, a stream item's `type`, a sync
item's `kind`), so that code generators make one typed class per page type and block."""

from django.conf import settings
from django.db import models

from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField

from api.fields import page_models
from api.media import RENDITION_FORMATS, RENDITION_SIZES
from endpoints.errors import ERROR_CODES
from endpoints.pages import type_name
from home.content import content_kinds
from resources.snippets import Topic

from .blocks import HTML, stream_name, stream_schemas
from .helpers import DATE, DATE_TIME, INTEGER, STRING, URI, constant, listing, nullable, obj, ref, union


def schema_name(model):
    """A page type's component: its class name (NewsArticlePage), which generators turn into a class of that name."""
    return model.__name__


def model_field_schema(field):
    if isinstance(field, StreamField):
        return {"type": "array", "items": ref(stream_name(field.stream_block))}
    if isinstance(field, RichTextField):
        schema = HTML
    elif isinstance(field, models.DateField):
        schema = DATE
    elif isinstance(field, models.IntegerField):
        schema = INTEGER
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    else:
        schema = STRING
    return nullable(schema) if field.null else schema


def api_field_schema(model, api_field: APIField):
    """The schema the field's serializer declares (home.api_fields), else that of the model field it shows."""
    if api_field.serializer is not None:
        return api_field.serializer.schema
    return model_field_schema(model._meta.get_field(api_field.name))


def page_schema(model):
    properties = {
        "id": INTEGER,
        "type": constant(type_name(model)),
        "meta": ref("PageMeta"),
        "title": STRING,
        **{api_field.name: api_field_schema(model, api_field) for api_field in model.api_fields},
    }
    return obj(
        properties,
        required=["id", "type", "meta"],
        description=f"A {model._meta.verbose_name} ({type_name(model)}). Every property is there unless `fields` "
        "leaves it out; `id`, `type` and `meta.type` always are. In a listing without `type`, only `id`, `type`, "
        "`title` and `meta` are.",
    )


def page_schemas():
    """Each page type's schema and the union of them all, after the stream fields' schemas they refer to."""
    schemas = {}
    for model in page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                schemas.update(stream_schemas(field.stream_block))
    schemas.update({schema_name(model): page_schema(model) for model in page_models()})
    schemas["Page"] = {
        "description": "A page of one of the types, told apart by `type`.",
        **union("type", {type_name(model): schema_name(model) for model in page_models()}),
    }
    return schemas


def shared_schemas():
    """The enumerations and shapes many schemas refer to."""
    return {
        "LocaleCode": {"type": "string", "enum": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]},
        "PageType": {"type": "string", "enum": [type_name(model) for model in page_models()]},
        "TopicSlug": {
            "type": "string",
            "description": "The topics' slugs when the description was asked for (editors may add topics)",
            "enum": sorted(set(Topic.objects.values_list("slug", flat=True))),
        },
        "SearchOperator": {"type": "string", "enum": ["and", "or"]},
        "ContentKind": {"type": "string", "enum": list(content_kinds())},
        "SearchSort": {"type": "string", "enum": ["relevance", "date"]},
        "ErrorCode": {
            "type": "string",
            "enum": list(ERROR_CODES),
            "description": "; ".join(f"`{code}`: {meaning}" for code, meaning in ERROR_CODES.items()),
        },
        "Error": obj(
            {
                "code": ref("ErrorCode"),
                "message": {**STRING, "description": "For people, in the request's language"},
                "parameter": {**nullable(STRING), "description": "The query parameter at fault, if one is"},
            }
        ),
    }


def page_frame_schemas():
    parent_meta = obj({"type": ref("PageType"), "detail_url": URI, "html_url": nullable(URI)}, required=["type"])
    return {
        "PageMeta": obj(
            {
                "type": ref("PageType"),
                "detail_url": URI,
                "html_url": nullable(URI),
                "slug": STRING,
                "show_in_menus": {"type": "boolean"},
                "seo_title": STRING,
                "search_description": STRING,
                "first_published_at": nullable(DATE_TIME),
                "alias_of": nullable(INTEGER),
                "parent": nullable(obj({"id": INTEGER, "meta": parent_meta, "title": STRING})),
                "locale": ref("LocaleCode"),
            },
            required=["type"],
        ),
        "PageSummary": obj(
            {
                "id": INTEGER,
                "type": ref("PageType"),
                "locale": ref("LocaleCode"),
                "title": STRING,
                "html_url": URI,
                "detail_url": URI,
            }
        ),
        "PageReference": obj(
            {"id": INTEGER, "type": ref("PageType"), "detail_url": URI}, description="The page `find` found"
        ),
        "PageListing": listing("Page"),
    }


FRACTION = {"type": "number", "minimum": 0, "maximum": 1}


def media_schemas():
    sizes = list(RENDITION_SIZES)
    image = obj(
        {
            "id": INTEGER,
            "title": STRING,
            "alt": STRING,
            "width": INTEGER,
            "height": INTEGER,
            "focal_point": nullable(ref("FocalPoint")),
            "renditions": ref("Renditions"),
            "rendition": nullable(ref("RequestedRendition")),
        }
    )
    document = obj(
        {
            "id": INTEGER,
            "title": STRING,
            "download_url": URI,
            "file_size": nullable(INTEGER),
            "content_type": STRING,
            "file_extension": STRING,
        }
    )
    return {
        "Rendition": obj({"url": URI, "width": INTEGER, "height": INTEGER}),
        "RequestedRendition": obj(
            {"url": URI, "width": INTEGER, "height": INTEGER, "format": {"type": "string", "enum": RENDITION_FORMATS}},
            description="The rendition of the size the request asked for (`image_width`, ...); its URL is signed and "
            "changes with the image's file and focal point. Width and height are its pixels.",
        ),
        "FocalPoint": obj(
            dict.fromkeys(("x", "y", "width", "height"), FRACTION),
            description="The subject an editor marked, as fractions of the original's width and height; x and y "
            "are its centre.",
        ),
        "RenditionFormats": obj(dict.fromkeys(RENDITION_FORMATS, ref("Rendition"))),
        "Renditions": obj(dict.fromkeys(sizes, ref("RenditionFormats"))),
        "Image": image,
        "ImageItem": media_item_schema(image, "wagtailimages.Image"),
        "ImageListing": listing("ImageItem"),
        "Document": document,
        "DocumentItem": media_item_schema(document, "wagtaildocs.Document"),
        "DocumentListing": listing("DocumentItem"),
    }


def media_item_schema(nested_schema, type_value):
    """An image or a document as its endpoint serves it: the nested form's properties, and its meta."""
    meta = obj(
        {
            "type": constant(type_value),
            "detail_url": URI,
            "tags": {"type": "array", "items": STRING},
            "download_url": URI,
        },
        required=["type"],
    )
    return obj(
        {**nested_schema["properties"], "meta": meta},
        required=["id", "meta"],
        description="Every property is there unless `fields` leaves it out; `id` and `meta.type` always are.",
    )


def content_schemas():
    return {
        "Topic": obj({"id": INTEGER, "name": STRING, "slug": STRING}),
        "Organization": obj(
            {
                "id": INTEGER,
                "name": STRING,
                "role": {"type": "string", "enum": ["partner", "donor", "sponsor"]},
                "website": STRING,
                "logo": nullable(ref("Image")),
            }
        ),
    }


OPTIONAL_META = ("message", "corrected_from")


def search_meta_fields():
    """What the search API says of its answer as a whole."""
    return {
        "total_count": INTEGER,
        "total_is_lower_bound": {
            "type": "boolean",
            "description": "True when the search stopped counting at its bound (1,000 matches unless the site "
            "sets another): `total_count` or more pages match, the facets count the best `total_count`, and those "
            "can be paged through.",
        },
        "page": INTEGER,
        "pages": INTEGER,
        "query": STRING,
        "locale": ref("LocaleCode"),
        "backend": {"type": "string", "enum": ["database", "elasticsearch"]},
        "message": {**STRING, "description": "What to do, when the query is empty"},
        "corrected_from": {
            **STRING,
            "description": "The query as typed, when it found nothing and these are the results of its confident "
            "correction (in `query`); search it as typed with `as_typed=true`.",
        },
    }


def search_schemas():
    def facet_value(value):
        return obj({"value": value, "label": STRING, "count": INTEGER, "selected": {"type": "boolean"}})

    search_meta = search_meta_fields()
    hit = {
        "id": INTEGER,
        "type": ref("PageType"),
        "locale": ref("LocaleCode"),
        "title": STRING,
        "title_highlighted": {**STRING, "description": "HTML: the title, matched words in <mark>"},
        "snippet": {**STRING, "description": "HTML: a passage, matched words in <mark>"},
        "html_url": URI,
        "detail_url": URI,
    }
    did_you_mean = {
        **nullable(STRING),
        "description": "The query with its English typos corrected from the site's own words, or null (on the "
        "database backend, whose results include the corrected query's; the search engines forgive up to two edits "
        "themselves).",
    }
    return {
        "FacetValue": facet_value(STRING),
        "YearFacetValue": facet_value(INTEGER),
        "SearchHit": obj(hit),
        "SearchResults": obj(
            {
                "meta": obj(search_meta, required=[name for name in search_meta if name not in OPTIONAL_META]),
                "items": {"type": "array", "items": ref("SearchHit")},
                "facets": obj(
                    {
                        "kind": {"type": "array", "items": ref("FacetValue")},
                        "topic": {"type": "array", "items": ref("FacetValue")},
                        "year": {"type": "array", "items": ref("YearFacetValue")},
                    },
                    required=[],
                ),
                "suggestions": {"type": "array", "items": STRING},
                "did_you_mean": did_you_mean,
            }
        ),
        "Suggestions": obj({"suggestions": {"type": "array", "items": STRING}}),
    }


def components():
    return {
        **shared_schemas(),
        **page_frame_schemas(),
        **page_schemas(),
        **media_schemas(),
        **content_schemas(),
        **search_schemas(),
    }
