"""The OpenAPI description: live responses match it with no property it does not declare, its unions are typed for
code generators, every operation is named, tagged and has an example, and its docs are served locally."""

import copy

from wagtail.models import Locale, Page

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.fields import page_models
from api.openapi import openapi_document
from endpoints.pages import type_name
from news.models import NewsArticlePage

from .helpers import api, detail, items

pytestmark = pytest.mark.django_db


def strict(schema):
    """The schema with every object closed to properties it does not declare."""
    if isinstance(schema, dict):
        closed = {key: strict(value) for key, value in schema.items()}
        if closed.get("type") == "object" and "properties" in closed:
            closed.setdefault("additionalProperties", False)
        return closed
    if isinstance(schema, list):
        return [strict(value) for value in schema]
    return schema


def schema_validator(name, document=None):
    document = strict(document or openapi_document())
    registry = Registry().with_resource("urn:api", Resource.from_contents(document, default_specification=DRAFT202012))
    return Draft202012Validator({"$ref": f"urn:api#/components/schemas/{name}"}, registry=registry)


def assert_matches(name, data):
    errors = sorted(schema_validator(name).iter_errors(data), key=str)
    assert not errors, [f"{list(error.path)}: {error.message}" for error in errors[:5]]


def test_live_responses_match_the_published_schema_and_declare_every_property(client):
    document = client.get("/api/schema/").json()
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver", "description": "This site"}]
    for parameter in ("type", "locale", "topic", "date_from", "date_to", "order", "fields", "limit", "offset"):
        assert parameter in {p["name"] for p in document["paths"]["/api/v2/pages"]["get"]["parameters"]}

    assert_matches("PageListing", api(client, "/api/v2/pages/", locale="zh-hans", limit=100).json())
    for page in Page.objects.live().exclude(depth__lte=1):
        assert_matches("Page", detail(client, page.pk))
    for model in page_models():
        assert_matches("PageListing", api(client, "/api/v2/pages/", type=type_name(model), fields="*").json())
    assert_matches("ImageListing", api(client, "/api/v2/images/", fields="*").json())
    image_id = api(client, "/api/v2/images/").json()["items"][0]["id"]
    assert_matches("ImageItem", api(client, f"/api/v2/images/{image_id}/").json())
    assert_matches("DocumentListing", api(client, "/api/v2/documents/", fields="*").json())
    document_id = api(client, "/api/v2/documents/").json()["items"][0]["id"]
    assert_matches("DocumentItem", api(client, f"/api/v2/documents/{document_id}/").json())
    assert_matches("SearchResults", api(client, "/api/v2/search/", q="water", all="1").json())
    assert_matches("SearchResults", api(client, "/api/v2/search/", q="").json())
    assert_matches("Suggestions", api(client, "/api/v2/search/suggest/", q="wat").json())
    found = client.get("/api/v2/pages/find/", {"html_path": "/zh-hans/news/"})
    assert found.status_code == 302
    assert_matches("PageReference", found.json())
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


def test_schema_rejects_a_response_that_breaks_it_or_adds_to_it():
    with pytest.raises(AssertionError):
        assert_matches("Topic", {"id": "one", "name": 3})
    with pytest.raises(AssertionError):
        assert_matches("Topic", {"id": 1, "name": "Low Carbon", "slug": "low-carbon", "colour": "green"})


def unions(document):
    schemas = document["components"]["schemas"]
    return {name: schema for name, schema in schemas.items() if "oneOf" in schema}


def test_every_union_is_told_apart_by_a_top_level_property(client):
    document = client.get("/api/schema/").json()
    schemas = document["components"]["schemas"]
    assert {"Page", "SyncItem", "BodyStreamItem", "FiguresItem", "DownloadsItem", "TipsItem"} <= set(unions(document))
    for name, union in unions(document).items():
        discriminator = union["discriminator"]["propertyName"]
        for value, target in union["discriminator"]["mapping"].items():
            variant = schemas[target.rsplit("/", 1)[1]]
            assert variant["properties"][discriminator] == {"type": "string", "const": value}, name
            assert discriminator in variant["required"], name
        assert len(union["oneOf"]) == len(union["discriminator"]["mapping"]), name
    listed = api(client, "/api/v2/pages/", limit=100).json()["items"]
    assert {item["type"] for item in listed} == set(union_values(document, "Page"))
    assert all(item["type"] == item["meta"]["type"] for item in listed)


def union_values(document, name):
    return document["components"]["schemas"][name]["discriminator"]["mapping"]


def test_every_operation_is_named_tagged_summarised_and_has_an_example(client):
    document = client.get("/api/schema/").json()
    tags = {tag["name"] for tag in document["tags"]}
    names = []
    for path, item in document["paths"].items():
        assert not path.endswith("/"), path
        operation = item["get"]
        names.append(operation["operationId"])
        assert operation["summary"] and set(operation["tags"]) <= tags, path
        answered = next(operation["responses"][status] for status in ("200", "302") if status in operation["responses"])
        (content,) = answered["content"].values()
        schema_name = content["schema"]["$ref"].rsplit("/", 1)[1]
        errors = list(schema_validator(schema_name, document).iter_errors(content["example"]))
        assert not errors, (path, [error.message for error in errors[:3]])
        assert {"400", "404", "405"} <= set(operation["responses"]), path
    assert len(names) == len(set(names)) == 11


def test_every_endpoint_answers_the_same_with_and_without_the_final_slash(client):
    for path in ("/api/v2/pages", "/api/v2/pages/3", "/api/v2/images", "/api/v2/sync", "/api/v2/search/suggest"):
        assert api(client, path).status_code == 200, path
    assert api(client, "/api/v2/pages", limit=2).json() == api(client, "/api/v2/pages/", limit=2).json()
    assert api(client, "/api/v2/pages/3").json() == api(client, "/api/v2/pages/3/").json()
    assert api(client, "/api/v2/nothing-here").json()["code"] == "not_found"


def test_times_are_in_utc_everywhere(client):
    page = items(client, type="news.NewsArticlePage", fields="first_published_at", limit=1)[0]
    assert page["meta"]["first_published_at"].endswith("Z")
    synced = api(client, "/api/v2/sync/", limit=5).json()["items"]
    assert all(item["changed_at"].endswith("Z") for item in synced)


def test_fields_can_name_whatever_every_field_shows(client):
    for endpoint in ("images", "documents"):
        everything = api(client, f"/api/v2/{endpoint}/", fields="*", limit=1).json()["items"][0]
        for name in set(everything) - {"id", "meta"}:
            chosen = api(client, f"/api/v2/{endpoint}/", fields=f"_,{name}", limit=1).json()["items"][0]
            assert chosen[name] == everything[name], (endpoint, name)


def test_the_description_names_what_apps_branch_on(client):
    document = copy.deepcopy(client.get("/api/schema/").json())
    schemas = document["components"]["schemas"]
    assert schemas["LocaleCode"]["enum"] == ["en", "zh-hans"]
    assert "invalid_parameter" in schemas["ErrorCode"]["enum"]
    assert set(schemas["Renditions"]["properties"]) == {"thumbnail", "medium", "large"}
    locale_refs = [
        p["schema"] for op in document["paths"].values() for p in op["get"]["parameters"] if p["name"] == "locale"
    ]
    assert locale_refs and all(schema == {"$ref": "#/components/schemas/LocaleCode"} for schema in locale_refs)


def test_browsable_docs_use_local_assets_only(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "https://" not in html and "http://" not in html
    assert Locale.objects.count() == 2
