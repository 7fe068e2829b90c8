"""The OpenAPI 3.1 description of the API, built from the page models' api_fields so that it cannot drift
from what the endpoints serve, and the browsable docs (Swagger UI, served from local static files).

drf-spectacular cannot introspect Wagtail's v2 viewsets (they build serializers per request), so the
description is assembled here from the same declarations the viewsets use.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .components import components
from .paths import paths
from .sync import sync_paths, sync_schemas


def openapi_document():
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Harmony Foundation content API",
            "version": "2",
            "description": "Published news, program summaries, success stories and tip sheets in English and "
            "Simplified Chinese. Every page lists its live `translations`.",
        },
        "paths": {**paths(), **sync_paths()},
        "components": {"schemas": {**components(), **sync_schemas()}},
    }


@require_GET
def schema_view(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_GET
def docs_view(request):
    return render(request, "api/docs.html")
