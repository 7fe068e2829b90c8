"""The whole translation loop in the real admin, as an editor, a translator and a reviewer (issue 29): create and
publish; submit for translation; fill with the glossary, then translate; submit, try to edit after submitting,
approve; change the English page and translate the change; round-trip a PO file. At each step: what a reader gets
at /zh-hans/ and what the status report says."""

import os
import re

import polib
import pytest
from playwright.sync_api import expect

from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import make_staff

from .test_publish_and_autosave import wait_until_saved_in_form
from .test_translation_review import anonymous_get, log_in, translate_segment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Rain gardens in Kunming"
STORY = "KUNMING - Residents planted rain gardens along the lake."
CHANGED = "KUNMING - Residents planted forty rain gardens along the lake."
CHINESE_TITLE = "昆明的雨水花园"
CHINESE_STORY = "昆明讯 - 居民们在湖边种植了雨水花园。"
CHINESE_CHANGED = "昆明讯 - 居民们在湖边种植了四十座雨水花园。"
SCREENSHOTS = os.environ.get("BROWSER_SCREENSHOTS")
PUBLISHED = re.compile(rf"Page '{TITLE}' (has been|created and) published")


def snap(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"loop-{name}.png"), full_page=True)


def status_row(page, base_url, title):
    """The status report's row for the page's Chinese translation, as its user sees it."""
    page.goto(f"{base_url}/admin/reports/translation-status/")
    return page.locator("tr[data-state]").filter(has_text=title).first


def publish_in_editor(page, paragraph=None):
    if paragraph is not None:
        body = page.locator("[data-contentpath=body]")
        body.get_by_role("button", name="Insert a block").first.click()
        page.get_by_text("Paragraph", exact=True).last.click()
        text = body.locator(".public-DraftEditor-content").last
        text.click()
        page.keyboard.type(paragraph)
        wait_until_saved_in_form(page, paragraph)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()


class Loop:
    """The three people, each in their own browser, and what the steps share."""

    def __init__(self, base, new_page):
        self.base = base
        self.people = {}
        for role, name in (("editor", "ed"), ("translator", "tina"), ("reviewer", "rui")):
            make_staff(role, name)
            self.people[role] = new_page()
            log_in(self.people[role], base, name)
        self.editor, self.translator, self.reviewer = (self.people[r] for r in ("editor", "translator", "reviewer"))

    def reader(self):
        return anonymous_get(f"{self.base}/zh-hans/news/{self.article.slug}/")

    def status(self, page):
        return status_row(page, self.base, TITLE)

    def editor_publishes_and_submits(self):
        editor, base = self.editor, self.base
        newsroom = NewsIndexPage.objects.get(locale__language_code="en")
        editor.goto(f"{base}/admin/pages/add/news/newsarticlepage/{newsroom.pk}/")
        editor.fill("input[name=title]", TITLE)
        editor.fill("input[name=date]", "2026-11-20")
        publish_in_editor(editor, STORY)
        expect(editor.get_by_text(PUBLISHED)).to_be_visible(timeout=15000)
        self.article = NewsArticlePage.objects.get(title=TITLE, locale__language_code="en")
        editor.goto(f"{base}/admin/localize/submit/page/{self.article.pk}/")
        expect(editor.get_by_label("Simplified Chinese")).to_be_checked()  # the only language left
        editor.get_by_role("button", name="Submit").click()
        expect(editor.get_by_text("was successfully submitted for translation")).to_be_visible()
        assert editor.url.endswith(f"/admin/pages/{self.article.pk}/edit/")  # the English page, theirs to edit
        assert self.reader()[0] == 404
        expect(self.status(editor)).to_contain_text("2 strings need a translator")
        self.chinese = self.article.get_translations().get(locale__language_code="zh-hans")

    def translator_fills_with_the_glossary_then_translates(self):
        translator = self.translator
        translator.goto(f"{self.base}/admin/")  # the dashboard lists the page
        work = translator.locator("[data-translation-work-item]").filter(has_text=TITLE)
        work.get_by_role("link", name="Translate").click()
        translator.get_by_role("button", name=re.compile("Translate with Glossary only")).click()
        footer = translator.locator("[data-translation-footer]")
        expect(footer.locator("[data-open-status]")).to_have_text("2 strings still need a translator.")
        translator.click("[data-review-action=submit]")
        expect(translator.get_by_text(f"2 strings still need a translator: “{TITLE}”")).to_be_visible()
        snap(translator, "1-glossary-suggestions")
        translate_segment(translator, TITLE, CHINESE_TITLE, state="errored")
        translate_segment(translator, STORY, CHINESE_STORY, state="errored")
        expect(footer.locator("[data-open-status]")).to_have_text("Every string is translated.")
        translator.click("[data-review-action=submit]")
        expect(translator.get_by_text("was submitted for review")).to_be_visible()

    def nothing_can_be_edited_in_review(self):
        self.translator.reload()
        expect(self.translator.locator(".js-translation-editor").get_by_role("button", name="Edit")).to_have_count(0)
        assert self.reader()[0] == 404
        expect(self.status(self.translator)).to_contain_text("Waiting for review")

    def reviewer_approves(self, title):
        self.reviewer.goto(f"{self.base}/admin/pages/{self.chinese.pk}/edit/")
        self.reviewer.click("[data-review-action=approve]")
        expect(self.reviewer.get_by_text(f"Approved and published “{title}”.")).to_be_visible()

    def editor_changes_the_english(self):
        editor = self.editor
        editor.goto(f"{self.base}/admin/pages/{self.article.pk}/edit/")
        editor.locator("[data-contentpath=body] [contenteditable=true]").first.click()
        editor.keyboard.press("Control+A")
        editor.keyboard.type(CHANGED)
        wait_until_saved_in_form(editor, CHANGED)
        publish_in_editor(editor)
        expect(editor.get_by_text(PUBLISHED)).to_be_visible(timeout=15000)

    def translator_translates_the_change(self):
        translator = self.translator
        translator.goto(f"{self.base}/admin/")
        work = translator.locator("[data-translation-work-item]").filter(has_text=TITLE)
        expect(work).to_contain_text("1 string needs a translator (1 changed in English)")
        work.get_by_role("link", name="Translate").click()
        changed = translator.locator("li.errored").filter(has_text=CHANGED)
        expect(changed).to_contain_text(CHINESE_STORY)  # the earlier translation, offered
        expect(changed).to_contain_text("The English changed")
        snap(translator, "2-changed-in-english")
        translate_segment(translator, CHANGED, CHINESE_CHANGED, state="errored")
        translator.click("[data-review-action=submit]")
        expect(translator.get_by_text("was submitted for review")).to_be_visible()

    def translator_round_trips_a_po_file(self):
        translator = self.translator
        translator.goto(f"{self.base}/admin/pages/{self.chinese.pk}/edit/")
        with translator.expect_download() as download:
            translator.get_by_role("link", name="Download PO file").click()
        po = polib.pofile(download.value.path().read_text(encoding="utf-8"))
        next(entry for entry in po if entry.msgid == CHANGED).msgstr = "昆明讯 - 居民们在滇池边种植了四十座雨水花园。"
        with translator.expect_file_chooser() as chooser:
            translator.get_by_role("button", name="Upload PO file").click()
        chooser.value.set_files({"name": "kunming.po", "mimeType": "text/plain", "buffer": str(po).encode()})
        expect(translator.get_by_text("Imported the PO file: 1 string changed.")).to_be_visible()


@pytest.mark.slow
def test_editor_translator_and_reviewer_take_a_page_through_the_loop(live_server, new_page):
    loop = Loop(live_server.url, new_page)
    loop.editor_publishes_and_submits()
    loop.translator_fills_with_the_glossary_then_translates()
    loop.nothing_can_be_edited_in_review()

    loop.reviewer_approves(CHINESE_TITLE)  # what was submitted is what readers get
    status, html = loop.reader()
    assert status == 200 and CHINESE_STORY in html and "KUNMING" not in html
    expect(loop.status(loop.reviewer)).to_contain_text("Translated and published")

    loop.editor_changes_the_english()
    loop.translator_translates_the_change()
    assert CHINESE_STORY in loop.reader()[1]  # the reviewed Chinese stays live meanwhile
    loop.reviewer_approves(CHINESE_TITLE)
    assert CHINESE_CHANGED in loop.reader()[1]

    loop.translator_round_trips_a_po_file()
    expect(loop.status(loop.translator)).to_contain_text("Translated, not yet published")
    assert "滇池" not in loop.reader()[1]
