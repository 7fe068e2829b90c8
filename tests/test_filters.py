"""One filter vocabulary (resources/filters.py): a filter leaves the same pages, and a value that is not valid is
told the same way, on the HTML listings, the pages API, sync and search; topics are one relation for every kind."""

import importlib

from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from news.models import NewsIndexPage
from resources.models import ProgramOrganization, ResourceIndexPage
from search.facts import page_facts, searchable_pages

from .helpers import api, get_html, items

pytestmark = pytest.mark.django_db


def listed_titles(client, index, query):
    return {card.get_text(strip=True) for card in get_html(client, f"{index.url}?{query}").select(".card-title")}


def api_titles(client, **filters):
    return {item["title"] for item in items(client, limit=100, **filters)}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("topic", ["water-conservation", "waste-management", "low-carbon"])
def test_a_topic_leaves_the_same_pages_on_the_site_in_the_api_and_in_search(client, language, topic):
    with translation.override(language):
        news = NewsIndexPage.objects.get(locale__language_code=language)
        library = ResourceIndexPage.objects.get(locale__language_code=language)
        on_site = listed_titles(client, news, f"topic={topic}") | listed_titles(client, library, f"topic={topic}")
    in_search_facts = {
        page.title for page in searchable_pages([language]).specific() if topic in page_facts(page)["topics"]
    }
    assert on_site and on_site == api_titles(client, topic=topic, locale=language) == in_search_facts


def test_a_year_and_a_date_range_read_each_pages_own_date(client):
    year = {item["id"] for item in items(client, year="2007", limit=100)}
    assert {item["meta"]["type"] for item in items(client, year="2007", limit=100)} > {"news.NewsArticlePage"}
    assert {item["id"] for item in items(client, date_from="2007-01-01", date_to="2007-12-31", limit=100)} == year
    # a year alone counts as its 1 January: a range starting later in that year leaves such pages out
    later = items(client, date_from="2007-06-01", date_to="2007-12-31", limit=100)
    assert {item["meta"]["type"] for item in later} == {"news.NewsArticlePage"}
    news = NewsIndexPage.objects.get(locale__language_code="en")
    assert listed_titles(client, news, "year=2007") == api_titles(client, kind="news", year="2007", locale="en")


def test_an_organisation_in_either_language_lists_its_programs_in_both(client):
    link = ProgramOrganization.objects.select_related("organization").first()
    chinese = link.organization.get_translation(link.program.get_translations().get().locale)
    programs = {item["id"] for item in items(client, organization=str(chinese.pk))}
    assert programs == {link.program.pk, *link.program.get_translations().values_list("pk", flat=True)}
    assert programs == {item["id"] for item in items(client, organization=str(link.organization.pk))}
    unknown = api(client, "/api/v2/pages/", organization="41654")
    assert unknown.status_code == 404
    assert unknown.json() | {"message": ""} == {"code": "not_found", "message": "", "parameter": "organization"}
    assert unknown.json()["message"] == "Unknown organization 41654."


BAD_VALUES = [
    ("topic", "no-such-topic", "Unknown topic 'no-such-topic'."),
    ("year", "２００７", "year must be a whole number from 1900 to 2100."),
    ("kind", "blog", "Unknown kind 'blog'; use one of:"),
    ("locale", "fr", "Unknown locale 'fr'; use one of: en, zh-hans."),
]


@pytest.mark.parametrize(("parameter", "value", "message"), BAD_VALUES)
def test_a_bad_filter_value_is_told_the_same_way_everywhere(client, parameter, value, message):
    answers = {
        "pages API": api(client, "/api/v2/pages/", **{parameter: value}),
        "search API": api(client, "/api/v2/search/", q="water", **{parameter: value}),
    }
    if parameter == "locale":
        answers["sync"] = api(client, "/api/v2/sync/", locale=value)
    for surface, response in answers.items():
        assert response.status_code == 400, surface
        assert response.json()["parameter"] == parameter, surface
        assert response.json()["message"].startswith(message), surface
    pages = [client.get("/en/search/", {"q": "water", parameter: value})]
    if parameter != "locale":
        index = ResourceIndexPage if parameter == "kind" else NewsIndexPage
        pages.append(client.get(index.objects.get(locale__language_code="en").url, {parameter: value}))
    for response in pages:
        assert response.status_code == 400, response.request["PATH_INFO"]
        alert = BeautifulSoup(response.content, "html.parser").select_one('[role="alert"]')
        assert alert.get_text().startswith(message), response.request["PATH_INFO"]


def test_empty_filters_are_refused_by_the_api_and_left_aside_by_forms(client):
    response = api(client, "/api/v2/pages/", topic="")
    assert (response.status_code, response.json()["code"]) == (400, "empty_parameter")
    news = NewsIndexPage.objects.get(locale__language_code="en")
    assert len(get_html(client, f"{news.url}?topic=&year=").select(".card")) == 5


def test_a_story_or_tip_sheet_has_its_one_topic_as_every_page_has_topics(client):
    for page_type in ("resources.SuccessStoryPage", "resources.TipSheetPage"):
        for item in items(client, type=page_type, fields="topic,topics", locale="zh-hans"):
            assert item["topics"] and item["topic"] == item["topics"][0]


def test_the_migration_moves_each_old_shape_of_topics_into_the_one_relation():
    """Drafts and translation sources keep their topics when the relation changes (resources 0006)."""
    migration = importlib.import_module("resources.migrations.0006_page_topics")
    article = {"pk": 5, "article_topics": [{"pk": 2, "article": 5, "topic": 9, "sort_order": 1}, {"topic": 8}]}
    story = {"pk": 7, "topic": 3}
    untopical = {"pk": 8, "topic": None}
    assert migration.as_topic_links(article, ("news", "newsarticlepage"))["topic_links"] == [
        {"pk": None, "page": 5, "topic": 8, "sort_order": 0},
        {"pk": None, "page": 5, "topic": 9, "sort_order": 1},
    ]
    assert migration.as_topic_links(story, ("resources", "successstorypage")) == {
        "pk": 7,
        "topic_links": [{"pk": None, "page": 7, "topic": 3, "sort_order": 0}],
    }
    assert migration.as_topic_links(untopical, ("resources", "tipsheetpage"))["topic_links"] == []
