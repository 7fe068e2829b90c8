"""Each page's own date (news date, program start, story year) in the year facet, date sorting and newest-first
listings, in search, the HTML listings and the API; undated pages (tip sheets) never take the day they were
loaded."""

import datetime

import pytest

from resources.models import ProgramPage, SuccessStoryPage, TipSheetPage
from search import service
from search.backends.base import SearchRequest

from .helpers import api, get_html, items

pytestmark = pytest.mark.django_db

LOADED_THIS_YEAR = datetime.date.today().year


def test_every_kind_is_dated_by_its_own_fields():
    program = ProgramPage.objects.get(locale__language_code="en")
    story = SuccessStoryPage.objects.get(locale__language_code="en", slug__startswith="dong-yanwu")
    assert program.content_date() == datetime.date(program.start_year, 1, 1)
    assert story.content_date() == datetime.date(2007, 1, 1)
    assert TipSheetPage.objects.first().content_date() is None


def test_the_year_facet_counts_the_contents_own_years(backend):
    results = service.search(SearchRequest(query="community", language="en", all_languages=True))
    years = results.facets["year"]
    assert years and LOADED_THIS_YEAR not in years
    assert set(years) <= set(range(2006, 2012))
    assert 2007 in years


def test_the_year_filter_and_date_sort_use_the_own_dates(backend):
    in_2007 = service.search(SearchRequest(query="community", language="en", year=2007))
    assert in_2007.total and all(hit.page.content_date().year == 2007 for hit in in_2007.hits)
    newest = service.search(SearchRequest(query="community", language="en", sort="date", page_size=50))
    dates = [hit.page.content_date() for hit in newest.hits]
    dated = [date for date in dates if date]
    assert dated == sorted(dated, reverse=True)
    assert dates[: len(dated)] == dated  # the undated come last


def test_resource_listing_shows_each_kind_newest_first(client):
    html = get_html(client, "/en/resources/?kind=story")
    years = [int(meta.get_text()) for meta in html.select(".card .meta")]
    assert years == sorted(years, reverse=True) and years[-1] == 2007


def test_the_api_filters_by_the_pages_own_year(client):
    found = items(client, year=2007, locale="en")
    assert {item["meta"]["type"] for item in found} >= {"news.NewsArticlePage", "resources.SuccessStoryPage"}
    assert items(client, year=LOADED_THIS_YEAR) == []
    for bad in ("abc", "20O7", "1800"):
        response = api(client, "/api/v2/pages/", year=bad)
        assert response.status_code == 400 and "year" in response.json()["message"]
