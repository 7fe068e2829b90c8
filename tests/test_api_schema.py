"""The OpenAPI description: live responses match it, it rejects what breaks it, and its docs are served locally."""

from wagtail.models import Locale

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.openapi import openapi_document
from news.models import NewsArticlePage
from resources.models import ProgramPage, SuccessStoryPage, TipSheetPage

from .helpers import api, detail

pytestmark = pytest.mark.django_db


def schema_validator(name):
    document = openapi_document()
    registry = Registry().with_resource("urn:api", Resource.from_contents(document, default_specification=DRAFT202012))
    return Draft202012Validator({"$ref": f"urn:api#/components/schemas/{name}"}, registry=registry)


def assert_matches(name, data):
    errors = sorted(schema_validator(name).iter_errors(data), key=str)
    assert not errors, [f"{list(error.path)}: {error.message}" for error in errors[:5]]


def test_live_responses_match_the_published_schema(client):
    document = client.get("/api/schema/").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) >= {"/api/v2/pages/", "/api/v2/pages/{id}/", "/api/v2/images/", "/api/v2/documents/"}
    for parameter in ("type", "locale", "topic", "date_from", "date_to", "order", "fields", "limit", "offset"):
        assert parameter in {p["name"] for p in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}

    assert_matches("PageListing", api(client, "/api/v2/pages/", locale="zh-hans").json())
    for model in (NewsArticlePage, ProgramPage, SuccessStoryPage, TipSheetPage):
        for language in ("en", "zh-hans"):
            page = model.objects.live().filter(locale__language_code=language).first()
            data = detail(client, page.pk)
            assert_matches(f"{model._meta.app_label}.{model.__name__}", data)
    assert_matches("ImageListing", api(client, "/api/v2/images/").json())
    image_id = api(client, "/api/v2/images/").json()["items"][0]["id"]
    assert_matches("ImageItem", api(client, f"/api/v2/images/{image_id}/").json())
    document_id = api(client, "/api/v2/documents/").json()["items"][0]["id"]
    assert_matches("Document", api(client, f"/api/v2/documents/{document_id}/").json())
    assert_matches("Error", api(client, "/api/v2/pages/", limit="x").json())


def test_sync_answers_match_the_published_schema(client):
    first = api(client, "/api/v2/sync/", locale="zh-hans", limit=5).json()
    assert_matches("SyncAnswer", first)
    article = NewsArticlePage.objects.live().filter(locale__language_code="zh-hans").first()
    last = api(client, "/api/v2/sync/", locale="zh-hans", limit=500).json()
    assert_matches("SyncAnswer", last)
    assert {item["kind"] for item in last["items"]} == {"page", "image", "document"}
    article.unpublish()
    delta = api(client, "/api/v2/sync/", token=last["next_sync_token"]).json()
    assert_matches("SyncAnswer", delta)
    assert delta["removed"] == [{"kind": "page", "id": article.pk}]
    assert_matches("Error", api(client, "/api/v2/sync/", token="x").json())


def test_schema_rejects_a_response_that_breaks_it():
    with pytest.raises(AssertionError):
        assert_matches("Topic", {"id": "one", "name": 3})


def test_browsable_docs_use_local_assets_only(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "https://" not in html and "http://" not in html
    assert Locale.objects.count() == 2
