"""The sync endpoint's part of the OpenAPI description."""

from api.sync import MAX_LIMIT, MEDIA_TYPES

from . import examples
from .components import media_schemas
from .helpers import (
    DATE_TIME,
    INTEGER,
    NON_EMPTY_TEXT,
    URI,
    constant,
    error,
    image_size_queries,
    nullable,
    obj,
    ok,
    operation,
    query,
    ref,
    union,
)

KINDS = ["page", "image", "document"]
SCHEMAS = {"page": "SyncPage", "image": "SyncImage", "document": "SyncDocument"}


def sync_item(kind, properties, extra):
    return obj(
        {"kind": constant(kind), **properties, "detail_url": URI, "changed_at": DATE_TIME, **extra},
        description=f"A {kind} to store (again); `changed_at` is when it last changed.",
    )


def sync_schemas():
    media = media_schemas()
    page = {"id": INTEGER, "type": ref("PageType"), "locale": ref("LocaleCode"), "title": {"type": "string"}}
    page_extra = {"html_url": URI, "last_published_at": nullable(DATE_TIME)}
    token = nullable({"type": "string", "minLength": 1})
    return {
        "SyncPage": sync_item("page", page, page_extra),
        **{
            SCHEMAS[kind]: sync_item(kind, media[kind.title()]["properties"], {"type": constant(MEDIA_TYPES[kind])})
            for kind in MEDIA_TYPES
        },
        "SyncItem": {
            "description": "A page, image or document to store (again), told apart by `kind`.",
            **union("kind", SCHEMAS),
        },
        "SyncRemoval": obj(
            {"kind": {"type": "string", "enum": KINDS}, "id": INTEGER},
            description="An item to delete: unpublished, deleted, or no longer public (under a view restriction, "
            "in a private collection).",
        ),
        "SyncAnswer": obj(
            {
                "items": {"type": "array", "items": ref("SyncItem")},
                "removed": {"type": "array", "items": ref("SyncRemoval")},
                "next_page_token": token,
                "next_page_url": nullable(URI),
                "next_sync_token": token,
                "next_sync_url": nullable(URI),
            },
            description="One page of a sync. While `next_page_token` is set, ask for it; the last page gives "
            "`next_sync_token` instead, to keep for the next delta.",
        ),
    }


def sync_paths():
    responses = ok("SyncAnswer", examples.sync_answer(), "One page of the sync")
    responses["200"]["links"] = {
        name: {"operationId": "sync", "parameters": {"token": f"$response.body#/{field}"}}
        for name, field in (("NextPage", "next_page_token"), ("NextSync", "next_sync_token"))
    }
    responses["410"] = error("The token's place is gone (a locale removed, a restored backup): sync again")
    parameters = [
        query("locale", "Language of the pages to sync (all when left out).", ref("LocaleCode")),
        query("token", "A `next_page_token` or `next_sync_token`; not with `locale`.", NON_EMPTY_TEXT),
        query(
            "limit",
            f"Items a page, 1 to {MAX_LIMIT} (default 100).",
            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
        ),
        *image_size_queries(),
    ]
    description = (
        "Without `token`: the initial sync, every public page (in `locale`, or all languages), image and document. "
        "With the `next_sync_token` of an earlier sync: only what changed since, and apart, what left the public "
        "site. Tokens are opaque and signed; they never expire. Answers are revalidated every time "
        "(`Cache-Control: public, max-age=0`): when nothing changed, If-None-Match gets 304."
    )
    summary = "Everything public, then only what changed: an app's way to stay in step offline"
    return {"/api/v2/sync": operation("sync", "Sync", summary, description, parameters, responses)}
