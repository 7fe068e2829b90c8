"""End to end: after a day of reader searches in both languages, an editor reads Reports → Searches in English and
a translator in Chinese (the admin's own languages), and the editor fixes a failed query with one click."""

from django.test import Client

from wagtail.users.models import UserProfile

import pytest
from playwright.sync_api import expect

from tests.browser.test_translation_review import log_in
from tests.factories import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DAY = [("en", "water", 6), ("en", "recycling", 3), ("en", "xylophone", 2), ("zh-hans", "节水", 4)]
DAY += [("zh-hans", "太阳能", 2), ("en", "worksop", 1)]


def test_the_search_report_in_both_admin_languages(live_server, new_page, tmp_path, searches_counted):
    reader = Client()
    for language, query, times in DAY:
        for _ in range(times):
            reader.get(f"/{language}/search/", {"q": query})
    searches_counted()
    make_staff("editor", "ed")
    translator = make_staff("translator", "tr")
    UserProfile.get_for_user(translator).__class__.objects.filter(user=translator).update(preferred_language="zh-hans")

    editor = new_page()
    log_in(editor, live_server.url, "ed")
    editor.goto(f"{live_server.url}/admin/reports/searches/")
    expect(editor.locator("#top-heading ~ table tr[data-query]").first).to_have_attribute("data-query", "water")
    empty = editor.locator("#empty-heading ~ table tr[data-query='xylophone']")
    expect(empty).to_be_visible()
    editor.screenshot(path=str(tmp_path / "searches-en.png"), full_page=True)
    empty.get_by_role("link", name="Promote a page").click()
    expect(editor.locator("input[name=query]")).to_have_value("xylophone")
    editor.screenshot(path=str(tmp_path / "promote.png"), full_page=True)

    chinese = new_page()
    log_in(chinese, live_server.url, "tr")
    chinese.goto(f"{live_server.url}/admin/reports/searches/?language=zh-hans")
    expect(chinese.get_by_role("heading", name="热门搜索词")).to_be_visible()
    expect(chinese.locator("#top-heading ~ table tr[data-query]").first).to_have_attribute("data-query", "节水")
    chinese.screenshot(path=str(tmp_path / "searches-zh.png"), full_page=True)
