"""Small builders of OpenAPI fragments shared by the components and the paths."""

from api.media import DENSITIES, FITS, LARGEST_SIDE, RENDITION_FORMATS
from api.parameters import MAX_OFFSET
from home.api_fields import component as ref
from home.api_fields import nullable
from resources.filters import LARGEST_ID

__all__ = ["nullable", "ref"]

URI = {"type": "string", "format": "uri"}
DATE = {"type": "string", "format": "date"}
ID = {"type": "integer", "minimum": 1, "maximum": LARGEST_ID}  # a database integer key
DATE_TIME = {"type": "string", "format": "date-time", "description": "UTC, e.g. 2026-05-01T08:30:00Z"}
INTEGER = {"type": "integer"}
STRING = {"type": "string"}


def constant(value):
    """A string that is always `value`: what tells the schemas of a union apart."""
    return {"type": "string", "const": value}


def union(discriminator, mapping):
    """One of the schemas of `mapping` ({discriminator value: component name}), told apart by that property."""
    return {
        "oneOf": [ref(name) for name in mapping.values()],
        "discriminator": {
            "propertyName": discriminator,
            "mapping": {value: ref(name)["$ref"] for value, name in mapping.items()},
        },
    }


def obj(properties, required=None, description=None):
    """An object schema; every property is required unless `required` says which are."""
    schema = {"type": "object"}
    if description:
        schema["description"] = description
    schema["properties"] = properties
    schema["required"] = list(properties) if required is None else required
    return schema


def listing(item):
    return obj({"meta": obj({"total_count": INTEGER}), "items": {"type": "array", "items": ref(item)}})


# Control characters (a NUL byte, say) are refused in every parameter with a 400.
TEXT = {"type": "string", "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"}
NON_EMPTY_TEXT = {**TEXT, "minLength": 1}


def query(name, description, schema=None, required=False):
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema or TEXT,
    }


def page_id_query(name, description):
    description = f"{description} A page that is not live and public gives 404."
    return query(name, description, ID)


PAGINATION = [
    query(
        "limit",
        "Items per page, 0 to 100 (default 20; 0 gives only the count).",
        {"type": "integer", "minimum": 0, "maximum": 100},
    ),
    query("offset", "Items to skip, up to a million.", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}),
]
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "The ETag of an answer you have: while the answer is the same, you get 304 Not Modified.",
    "schema": STRING,
}


def error(description):
    return {"description": description, "content": {"application/json": {"schema": ref("Error")}}}


ERRORS = {
    "400": error("A parameter is unknown, empty or not valid (`code` and `parameter` say which)"),
    "404": error("Not found, or not public"),
    "405": error("Any method but GET, HEAD or OPTIONS"),
    "406": error("An Accept header or format that is not JSON"),
}
CACHE_HEADERS = {
    "ETag": {"description": "A digest of the answer, for If-None-Match", "schema": STRING},
    "Cache-Control": {"description": "`public, max-age=60` (sync: `max-age=0`)", "schema": STRING},
}
NOT_MODIFIED = {
    "304": {
        "description": "Not Modified: the answer is still the one whose ETag you sent",
        "headers": {"ETag": CACHE_HEADERS["ETag"]},
    }
}


def ok(schema_name, example, description="OK"):
    """A cacheable JSON answer with its example, 304 for a matching If-None-Match, and the errors."""
    content = {"application/json": {"schema": ref(schema_name), "example": example}}
    return {"200": {"description": description, "headers": CACHE_HEADERS, "content": content}, **NOT_MODIFIED, **ERRORS}


def operation(operation_id, tag, summary, description, parameters, responses):
    """A GET operation; cacheable ones (with a 304 among their responses) take If-None-Match."""
    if "304" in responses:
        parameters = [*parameters, IF_NONE_MATCH]
    found = {"operationId": operation_id, "tags": [tag], "summary": summary, "description": description}
    return {"get": {**found, "parameters": parameters, "responses": responses}}


def id_path(description):
    schema = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    return [{"name": "id", "in": "path", "required": True, "schema": schema, "description": description}]


def image_size_queries():
    """The size an app asks of every image an answer shows (SizeAsked in api/media.py)."""
    side = {"type": "integer", "minimum": 1, "maximum": LARGEST_SIDE}
    return [
        query(
            "image_width",
            f"Width, in points, of the rendition each image gets in `rendition` (a signed URL, made on first "
            f"request), times `image_density` in pixels; a side over {LARGEST_SIDE} pixels is scaled down to it. "
            "With only one of width and height the image is scaled to it; with neither, any `image_` parameter "
            "gives the original's size in `image_format`.",
            side,
        ),
        query("image_height", "Height, in points, of that rendition.", side),
        query(
            "image_fit",
            "fill: exactly that size, cropped around the image's focal point; max (default): within it; min: "
            "covering it. None enlarges the original.",
            {"type": "string", "enum": list(FITS)},
        ),
        query(
            "image_format", "Format of that rendition (default jpeg).", {"type": "string", "enum": RENDITION_FORMATS}
        ),
        query(
            "image_density",
            "Pixels a point: 1 (default), 2 or 3.",
            {"type": "integer", "minimum": min(DENSITIES), "maximum": max(DENSITIES)},
        ),
    ]
