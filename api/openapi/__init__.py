"""The OpenAPI 3.1 description of the API, built from the page models' api_fields so that it cannot drift
from what the endpoints serve, and the browsable docs (Swagger UI, served from local static files).

drf-spectacular cannot introspect Wagtail's v2 viewsets (they build serializers per request), so the
description is assembled here from the same declarations the viewsets use.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from endpoints.urls import absolute

from .components import components
from .paths import paths
from .sync import sync_paths, sync_schemas

TAGS = {
    "Pages": "News articles, program summaries, success stories, tip sheets and the pages that list them",
    "Search": "Full-text search and title suggestions, in either language",
    "Images": "Images outside private collections, with ready-made renditions",
    "Documents": "Documents outside private collections",
    "Sync": "Everything public, then only what changed, for apps that work offline",
}


def openapi_document(request=None):
    """The description; its `servers` entry is the site the request reached (none outside a request)."""
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "Harmony Foundation content API",
            "version": "2",
            "description": "Published news, program summaries, success stories and tip sheets in English and "
            "Simplified Chinese. Every page lists its live `translations`. The API is public and read-only: no "
            "credentials, GET (and HEAD) only. Errors have a stable `code` and a `message` in the request's "
            "language (its `locale`, else Accept-Language). Times are in UTC.",
            "license": {"name": "Content: all rights reserved, Harmony Foundation", "identifier": "LicenseRef-Harmony"},
            "contact": {"name": "Harmony Foundation", **({"url": absolute(request, "/en/")} if request else {})},
        },
        "servers": [{"url": absolute(request, "/").rstrip("/"), "description": "This site"}] if request else [],
        "security": [],
        "tags": [{"name": name, "description": description} for name, description in TAGS.items()],
        "paths": {**paths(), **sync_paths()},
        "components": {"schemas": {**components(), **sync_schemas()}},
    }
    if not document["servers"]:
        del document["servers"]
    return document


@require_GET
def schema_view(request):
    return JsonResponse(openapi_document(request), json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_GET
def docs_view(request):
    return render(request, "api/docs.html")
