"""The sync endpoint's part of the OpenAPI description."""

from django.conf import settings

from api.sync import MAX_LIMIT, MEDIA_TYPES

from .helpers import ERRORS, NON_EMPTY_TEXT, query, ref

DATE_TIME = {"type": "string", "format": "date-time"}
URI = {"type": "string", "format": "uri"}
KINDS = ["page", "image", "document"]


def sync_item(kind, summary, extra):
    return {
        "allOf": [
            ref(summary),
            {
                "type": "object",
                "properties": {"kind": {"const": kind}, "detail_url": URI, "changed_at": DATE_TIME, **extra},
                "required": ["kind", "detail_url", "changed_at", *extra],
            },
        ]
    }


def sync_schemas():
    token = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "null"}]}
    url = {"anyOf": [URI, {"type": "null"}]}
    return {
        "SyncItem": {
            "description": "A page, image or document to store (again), told apart by `kind`; `changed_at` is when "
            "it last changed.",
            "oneOf": [
                sync_item("page", "PageSummary", {"last_published_at": {"anyOf": [DATE_TIME, {"type": "null"}]}}),
                *(sync_item(kind, kind.title(), {"type": {"const": MEDIA_TYPES[kind]}}) for kind in MEDIA_TYPES),
            ],
        },
        "SyncRemoval": {
            "type": "object",
            "description": "An item to delete: unpublished, deleted, or no longer public (under a view restriction, "
            "in a private collection).",
            "properties": {"kind": {"enum": KINDS}, "id": {"type": "integer"}},
            "required": ["kind", "id"],
        },
        "SyncAnswer": {
            "type": "object",
            "description": "One page of a sync. While `next_page_token` is set, ask for it; the last page gives "
            "`next_sync_token` instead, to keep for the next delta.",
            "properties": {
                "items": {"type": "array", "items": ref("SyncItem")},
                "removed": {"type": "array", "items": ref("SyncRemoval")},
                "next_page_token": token,
                "next_page_url": url,
                "next_sync_token": token,
                "next_sync_url": url,
            },
            "required": ["items", "removed", "next_page_token", "next_page_url", "next_sync_token", "next_sync_url"],
        },
    }


def sync_paths():
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    error = {"content": {"application/json": {"schema": ref("Error")}}}
    return {
        "/api/v2/sync/": {
            "get": {
                "operationId": "sync",
                "summary": "Everything public, then only what changed: an app's way to stay in step offline",
                "description": "Without `token`: the initial sync, every public page (in `locale`, or all "
                "languages), image and document. With the `next_sync_token` of an earlier sync: only what changed "
                "since, and apart, what left the public site. Tokens are opaque and signed; they never expire. "
                "Answers carry an ETag (`Cache-Control: public, max-age=0`): when nothing changed, If-None-Match "
                "gets 304.",
                "parameters": [
                    query("locale", "Language of the pages to sync (all when left out).", {"enum": languages}),
                    query("token", "A `next_page_token` or `next_sync_token`; not with `locale`.", NON_EMPTY_TEXT),
                    query(
                        "limit",
                        f"Items a page, 1 to {MAX_LIMIT} (default 100).",
                        {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                    ),
                ],
                "responses": {
                    "200": {
                        "description": "One page of the sync",
                        "content": {"application/json": {"schema": ref("SyncAnswer")}},
                        "links": {
                            name: {"operationId": "sync", "parameters": {"token": f"$response.body#/{field}"}}
                            for name, field in (("NextPage", "next_page_token"), ("NextSync", "next_sync_token"))
                        },
                    },
                    **ERRORS,
                    "410": {
                        "description": "The token's place is gone (a locale removed, a restored backup): sync "
                        "again from the start",
                        **error,
                    },
                },
            }
        }
    }
