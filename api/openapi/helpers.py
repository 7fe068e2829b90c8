"""Small builders of OpenAPI fragments shared by the components and the paths."""

from api.parameters import MAX_OFFSET
from home.api_fields import component as ref
from home.api_fields import nullable

__all__ = ["nullable", "ref"]


def page_summary_properties():
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


# Control characters (a NUL byte, say) are refused in every parameter with a 400.
TEXT = {"type": "string", "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"}
NON_EMPTY_TEXT = {**TEXT, "minLength": 1}


DATE = {"type": "string", "format": "date"}


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
    return query(name, description, {"type": "integer", "minimum": 1})


PAGINATION = [
    query(
        "limit",
        "Items per page, 0 to 100 (default 20; 0 gives only the count).",
        {"type": "integer", "minimum": 0, "maximum": 100},
    ),
    query("offset", "Items to skip, up to a million.", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}),
]
ERRORS = {
    "400": {"description": "Bad parameter", "content": {"application/json": {"schema": ref("Error")}}},
    "404": {"description": "Not found", "content": {"application/json": {"schema": ref("Error")}}},
}
CACHE_NOTE = (
    "Responses carry an ETag (a digest of the body) and `Cache-Control: public, max-age=60`; send "
    "If-None-Match to get 304 Not Modified while the body is the same."
)


def ok(schema_name, description="OK"):
    return {
        "200": {"description": description, "content": {"application/json": {"schema": ref(schema_name)}}},
        **ERRORS,
    }


def id_path(description):
    schema = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    return [{"name": "id", "in": "path", "required": True, "schema": schema, "description": description}]
