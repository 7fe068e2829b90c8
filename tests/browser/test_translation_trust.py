"""In the real admin: a glossary fill is a suggestion the translator must check, and the translation the reviewer
approves is the one readers get (issue 29, findings 1 and 2)."""

import os

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

import pytest
from playwright.sync_api import expect

from tests.factories import make_staff, publish_article

from .test_translation_review import anonymous_get, log_in, translate_segment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Water week in Guiyang"
DATELINE = "GUIYANG - Residents fixed 300 leaking taps."
SCREENSHOTS = os.environ.get("BROWSER_SCREENSHOTS")  # a directory: the steps are saved there to look at


def snap(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_a_glossary_fill_needs_a_translator_and_review_locks_what_is_approved(live_server, new_page):
    article = publish_article(TITLE, text=DATELINE, slug="water-week-guiyang")
    translate_object(article, [Locale.objects.get(language_code="zh-hans")])
    chinese = article.get_translation(Locale.objects.get(language_code="zh-hans"))
    make_staff("translator", "tina")
    make_staff("reviewer", "rui")
    reader_url = f"{live_server.url}/zh-hans/news/water-week-guiyang/"
    editor_url = f"{live_server.url}/admin/pages/{chinese.pk}/edit/"

    translator = new_page()
    log_in(translator, live_server.url, "tina")
    translator.goto(editor_url)
    translator.get_by_role("button", name="Translate with Glossary only (development)").click()
    footer = translator.locator("[data-translation-footer]")
    expect(footer.locator("[data-open-status]")).to_have_text("2 strings still need a translator.")
    snap(translator, "1-glossary-filled")
    suggested = translator.locator("li.errored").filter(has_text=DATELINE)
    expect(suggested).to_contain_text("Suggested by Glossary only")

    translator.click("[data-review-action=submit]")
    expect(translator.get_by_text("2 strings still need a translator: “Water week in Guiyang”")).to_be_visible()
    assert anonymous_get(reader_url)[0] == 404

    translate_segment(translator, DATELINE, "贵阳讯 - 居民们修好了三百个漏水的水龙头。", state="errored")
    expect(footer.locator("[data-open-status]")).to_have_text("1 string still needs a translator.")  # no reload
    footer.locator("[data-open-string]").filter(has_text=TITLE).get_by_role("button", name="Keep as it is").click()
    expect(footer.locator("[data-open-status]")).to_have_text("Every string is translated.")
    translator.click("[data-review-action=submit]")
    translator.get_by_text("was submitted for review").wait_for()
    expect(translator.locator(".js-translation-editor").get_by_role("button", name="Edit")).to_have_count(0)
    expect(footer).to_contain_text("it cannot be changed until the reviewer approves it or requests changes")
    snap(translator, "2-in-review-locked")

    reviewer = new_page()
    log_in(reviewer, live_server.url, "rui")
    reviewer.goto(editor_url)
    reviewer.click("[data-review-action=approve]")
    expect(reviewer.get_by_text(f"Approved and published “{TITLE}”")).to_be_visible()
    snap(reviewer, "3-approved")
    status, html = anonymous_get(reader_url)
    assert status == 200 and "贵阳讯 - 居民们修好了三百个漏水的水龙头。" in html and "GUIYANG" not in html


def test_the_editor_speaks_chinese_to_chinese_staff(live_server, new_page):
    from wagtail.users.models import UserProfile

    from tests.helpers import chinese_translation, english_article

    profile = UserProfile.get_for_user(make_staff("translator", "tina"))
    profile.preferred_language = "zh-hans"
    profile.save()
    translator = new_page()
    log_in(translator, live_server.url, "tina")
    translator.goto(f"{live_server.url}/admin/pages/{chinese_translation(english_article()).pk}/edit/")
    editor = translator.locator(".js-translation-editor")
    expect(editor.get_by_text("English译为简体中文").first).to_be_visible()  # wagtail-localize writes it in English
    expect(editor.get_by_text("电头", exact=True).first).to_be_visible()
    expect(editor.get_by_text("段落", exact=True).first).to_be_visible()
    snap(translator, "4-editor-in-chinese")
