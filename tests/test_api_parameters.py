"""The API's parameters and errors: what each takes, what a bad value gets (a JSON message with its status, never
a 500), and filters, fields and searches that combine across page types."""

import pytest

from .helpers import NEWS, api, items

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("params", "status", "code", "message"),
    [
        ({"limit": "abc"}, 400, "invalid_parameter", "limit must be a whole number from 0 to 100"),
        ({"limit": "100000"}, 400, "invalid_parameter", "limit must be a whole number from 0 to 100"),
        ({"limit": " 5"}, 400, "invalid_parameter", "limit must be a whole number"),
        ({"offset": "-3"}, 400, "invalid_parameter", "offset must be a whole number from 0 to 1000000"),
        ({"offset": "100000000000000000000"}, 400, "invalid_parameter", "offset must be a whole number"),
        ({"type": "nope.Nothing"}, 400, "invalid_parameter", "type must be page types"),
        ({"locale": "fr"}, 400, "invalid_parameter", "Unknown locale 'fr'"),
        ({"topic": "no-such-topic"}, 400, "invalid_parameter", "Unknown topic"),
        ({"type": NEWS, "date_from": "yesterday"}, 400, "invalid_parameter", "date_from must be a date"),
        ({"colour": "green"}, 400, "unknown_parameter", "Unknown parameter(s): colour"),
        ({"slug": "harmony"}, 400, "unknown_parameter", "Unknown parameter(s): slug"),
        ({"order": "no_such_field"}, 400, "invalid_parameter", "order must be field names"),
        ({"order": "random"}, 400, "invalid_parameter", "known fields: "),
        ({"fields": "no_such_field"}, 400, "invalid_parameter", "fields must be"),
        ({"fields": "lead_image(title)"}, 400, "invalid_parameter", "fields must be"),
        ({"fields": ""}, 400, "invalid_parameter", "fields must be"),
        ({"search": "water", "search_operator": "xor"}, 400, "invalid_parameter", "search_operator must be and or"),
        ({"child_of": "abc"}, 400, "invalid_parameter", "child_of must be a whole number from 1"),
        ({"child_of": "99999999"}, 404, "not_found", "There is no page 99999999"),
        ({"translation_of": "0"}, 400, "invalid_parameter", "translation_of must be a whole number from 1"),
        ({"search": "water\x00"}, 400, "invalid_parameter", "control character"),
        ({"fields": "title\x0b"}, 400, "invalid_parameter", "control character"),
    ],
)
def test_bad_parameters_get_a_json_error_naming_the_parameter(client, params, status, code, message):
    response = api(client, "/api/v2/pages/", **params)
    assert response.status_code == status
    assert response.json()["code"] == code
    assert message in response.json()["message"]
    assert response.json()["parameter"] == list(params)[-1]  # each case names the parameter at fault last


def test_error_messages_are_in_the_requests_language(client):
    """The locale parameter says the language; without it, Accept-Language does."""
    chinese = api(client, "/api/v2/pages/", locale="zh-hans", limit="x").json()
    assert chinese["code"] == "invalid_parameter" and "limit" in chinese["message"]
    assert "0 到 100" in chinese["message"]
    negotiated = client.get("/api/v2/pages/", {"limit": "x"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert negotiated.json()["message"] == chinese["message"]
    assert "Accept-Language" in negotiated["Vary"]
    english = api(client, "/api/v2/pages/", locale="en", limit="x").json()
    assert english["message"] == "limit must be a whole number from 0 to 100."


def test_one_request_works_across_page_types(client):
    """Fields and orderings of one page type are left out for pages of others, instead of failing the request."""
    listed = items(client, fields="date,start_year", order="-date", locale="en", limit=100)
    assert listed and all("date" not in item for item in listed)  # without type, items are served as plain pages
    news = items(client, type=NEWS, fields="date,start_year", order="-date", locale="en")
    assert [item["date"] for item in news] == sorted((item["date"] for item in news), reverse=True)
    assert all("start_year" not in item for item in news)


def test_a_date_range_lists_dated_pages_only_and_may_be_empty(client):
    dated = items(client, date_from="2007-01-01", date_to="2030-12-31", limit=100)
    assert dated and "resources.TipSheetPage" not in {item["meta"]["type"] for item in dated}  # tip sheets: no date
    assert items(client, date_from="2030-01-01", date_to="2007-01-01") == []


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
@pytest.mark.parametrize("search", ['"', 'water "leak', "\u3000", "   "])
def test_a_search_of_quotes_or_blanks_answers(client, path, search):
    response = api(client, path, search=search)
    assert response.status_code == 200


def test_a_search_comes_by_relevance_whatever_the_order(client):
    by_relevance = [item["id"] for item in items(client, search="water", locale="en")]
    assert [item["id"] for item in items(client, search="water", locale="en", order="-title")] == by_relevance


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/999999/",
        "/api/v2/images/999999/",
        "/api/v2/documents/999999/",
        "/api/v2/images/null,null/",
        "/api/v2/pages/abc/",
        "/api/v2/no-such-endpoint/",
    ],
)
def test_unknown_ids_and_paths_get_a_json_404(client, path):
    response = api(client, path)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert set(response.json()) == {"code", "message", "parameter"}


def test_other_methods_get_a_json_405_in_the_same_shape(client):
    response = client.post("/api/v2/pages/", {})
    assert response.status_code == 405
    assert response.json() == {
        "code": "method_not_allowed",
        "message": "Only GET and HEAD are allowed here.",
        "parameter": None,
    }
    assert "GET" in response["Allow"]


def test_control_characters_in_the_reader_search_get_a_400(client):
    response = client.get("/en/search/", {"q": "water\x00"})
    assert response.status_code == 400
    assert "control character" in response.content.decode()
