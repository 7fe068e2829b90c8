"""Reports → Searches after a scripted day of searches in both languages: the tables, the CSV, who may read it, and
a page promoted from a query that found nothing, first at once on every backend, in the page and both APIs."""

from django.urls import reverse

from wagtail.contrib.search_promotions.models import SearchPromotion

import pytest

from glossary.models import GlossaryTerm

from .helpers import api, english_article, get_html, items

pytestmark = pytest.mark.django_db

DAY = [("en", "water", 5), ("en", "recycling", 2), ("en", "xyzzy", 3), ("zh-hans", "节水", 4), ("en", "=cmd()", 1)]


@pytest.fixture
def searched_day(client, searches_counted):
    for language, query, times in DAY:
        for _ in range(times):
            client.get(f"/{language}/search/", {"q": query})
    article = english_article()
    client.get(f"/en/search/open/{article.pk}/", {"q": "water"})
    searches_counted()


def report(client, **params):
    response = client.get(reverse("search_report"), params)
    assert response.status_code == 200
    return response


def rows(html, table):
    return {row["data-query"]: row for row in html.select(f"#{table}-heading ~ table tbody tr[data-query]")}


def test_the_report_shows_top_empty_and_unopened_queries_and_weeks(searched_day, staff_client):
    html = get_html(staff_client("editor"), reverse("search_report"))
    assert list(rows(html, "top"))[:2] == ["water", "节水"]
    assert set(rows(html, "empty")) == {"xyzzy", "=cmd()"}
    assert "water" not in rows(html, "unopened") and "recycling" in rows(html, "unopened")
    assert [cell.text for cell in html.select(".weeks tbody tr")[0].select("td")][1:] == ["15", "4", "1"]
    chinese_only = get_html(staff_client("editor"), reverse("search_report") + "?language=zh-hans")
    assert list(rows(chinese_only, "top")) == ["节水"]


def test_the_report_downloads_as_csv_with_no_formula_cells(searched_day, staff_client):
    response = report(staff_client("editor"), export="csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("query,language,searches")
    assert "water,en,5,0,1," in lines[1]
    assert "'=cmd(),en,1,1,0,0" in lines


def test_a_bad_range_is_a_form_message(staff_client):
    client = staff_client("editor")
    assert "comes after its end" in report(client, start="2026-12-04", end="2026-01-01").content.decode()
    assert "Enter a valid date" in report(client, start="yesterday").content.decode()


@pytest.mark.parametrize(("role", "allowed"), [("editor", True), ("translator", True), ("nogroup", False)])
def test_who_may_read_the_report(staff_client, role, allowed):
    status = staff_client(role).get(reverse("search_report")).status_code
    assert (status == 200) is allowed


def test_a_page_promoted_for_a_failed_query_comes_first_everywhere(searched_day, staff_client, client, backend):
    editor = staff_client("editor")
    article = english_article()
    response = editor.post(reverse("search_fix_promotion"), {"query": "xyzzy", "page": article.pk})
    assert response.status_code == 302
    assert SearchPromotion.objects.get(query__query_string="xyzzy").page_id == article.pk
    editor.logout()
    found = get_html(client, "/en/search/?q=xyzzy").select(".results-list a")
    assert f"/open/{article.pk}/" in found[0]["href"]
    assert api(client, "/api/v2/search/", q="Xyzzy").json()["items"][0]["id"] == article.pk
    assert items(client, search="xyzzy")[0]["id"] == article.pk


def test_only_a_page_readers_may_see_can_be_promoted_and_only_by_those_allowed(staff_client):
    article = english_article()
    article.unpublish()
    response = staff_client("editor").post(reverse("search_fix_promotion"), {"query": "xyzzy", "page": article.pk})
    assert response.status_code == 200 and "Readers cannot see this page" in response.content.decode()
    assert staff_client("translator").get(reverse("search_fix_promotion")).status_code in (302, 403)
    assert not SearchPromotion.objects.exists()


def test_an_english_synonym_added_from_the_report_finds_the_terms_pages_at_once(staff_client, client, backend):
    editor = staff_client("editor")
    term = GlossaryTerm.objects.get(locale__language_code="en", term="Water Conservation")
    assert not api(client, "/api/v2/search/", q="aquasaving").json()["items"]
    form = editor.get(reverse("search_fix_synonym"), {"query": "aquasaving", "language": "en"})
    assert 'value="aquasaving"' in form.content.decode()
    response = editor.post(reverse("search_fix_synonym") + "?language=en", {"query": "aquasaving", "term": term.pk})
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.live and "aquasaving" in term.forms
    editor.logout()
    assert api(client, "/api/v2/search/", q="aquasaving").json()["items"]
    assert get_html(client, "/en/search/?q=aquasaving").select(".results-list li")


def test_a_chinese_synonym_waits_for_a_reviewer_then_finds_the_terms_pages(staff_client, client):
    translator = staff_client("translator")
    term = GlossaryTerm.objects.get(locale__language_code="zh-hans", term="节约用水")
    url = reverse("search_fix_synonym") + "?language=zh-hans"
    assert translator.post(url, {"query": "甪翾", "term": term.pk}).status_code == 302
    term.refresh_from_db()
    assert "甪翾" not in term.forms  # not live: the translation awaits its reviewer
    assert not api(client, "/api/v2/search/", q="甪翾", locale="zh-hans").json()["items"]

    reviewer = staff_client("reviewer")
    edit = reverse(term.snippet_viewset.get_url_name("edit"), args=[term.pk])
    assert reviewer.post(edit, {"action": "publish"}).status_code == 302
    term.refresh_from_db()
    assert "甪翾" in term.forms
    assert api(client, "/api/v2/search/", q="甪翾", locale="zh-hans").json()["items"]


def test_a_term_with_no_source_synonyms_or_out_of_reach_is_refused_with_a_reason(staff_client):
    translator = staff_client("translator")
    beijing = GlossaryTerm.objects.get(locale__language_code="zh-hans", term="北京")
    url = reverse("search_fix_synonym") + "?language=zh-hans"
    response = translator.post(url, {"query": "帝都", "term": beijing.pk})
    assert response.status_code == 200 and "no synonyms in its source language" in response.content.decode()
    english = GlossaryTerm.objects.get(locale__language_code="en", term="Beijing")
    refused = translator.post(url, {"query": "Peking", "term": english.pk})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert staff_client("nogroup").get(reverse("search_fix_synonym")).status_code in (302, 403)
