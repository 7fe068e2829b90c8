"""End to end: a translator translates a news article side by side and submits it; a reviewer approves, now or
with the English page's next version; only then do readers see the Chinese page."""

import datetime
import urllib.error
import urllib.request

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

import pytest
from playwright.sync_api import expect

from tests.factories import make_staff, publish_article
from tests.helpers import translate_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
CHINESE_TITLE = "秦皇岛节水周"
CHINESE_PARAGRAPH = "居民们修好了漏水的水龙头。"


def anonymous_get(url):
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - the local live server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def translate_segment(page, source_text, translation, state="incomplete"):
    """Types a translation of the string in the editor: a new one, or in place of an "errored" suggestion."""
    segment = page.locator(f"li.{state}").filter(has_text=source_text)
    segment.get_by_role("button", name="Translate" if state == "incomplete" else "Edit").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    # The editor marks the string complete before the server has it; "Saving..." goes once the server answers.
    saved = page.locator("li.complete").filter(has_text=translation)
    expect(saved).not_to_contain_text("Saving...")


def test_translator_submits_reviewer_approves_readers_see_it(live_server, new_page):
    chinese_locale = Locale.objects.get(language_code="zh-hans")
    article = publish_article("Water week in Qinhuangdao", slug="water-week")
    translate_object(article, [chinese_locale])
    chinese = article.get_translation(chinese_locale)
    make_staff("translator", "tina")
    make_staff("reviewer", "rui")
    reader_url = f"{live_server.url}/zh-hans/news/water-week/"
    assert anonymous_get(reader_url)[0] == 404

    translator = new_page()
    log_in(translator, live_server.url, "tina")
    translator.goto(f"{live_server.url}/admin/pages/{chinese.pk}/edit/")
    translate_segment(translator, "Water week in Qinhuangdao", CHINESE_TITLE)
    translate_segment(translator, "Residents fixed leaking taps.", CHINESE_PARAGRAPH)
    translator.click("[data-review-action=submit]")
    translator.get_by_text("was submitted for review").wait_for()

    status, html = anonymous_get(reader_url)
    assert status == 404
    assert CHINESE_TITLE not in html

    reviewer = new_page()
    log_in(reviewer, live_server.url, "rui")
    reviewer.goto(f"{live_server.url}/admin/pages/{chinese.pk}/edit/")
    reviewer.click("[data-review-action=approve]")
    reviewer.get_by_text("Approved").first.wait_for()

    status, html = anonymous_get(reader_url)
    assert status == 200
    assert f"<h1>{CHINESE_TITLE}</h1>" in html
    assert CHINESE_PARAGRAPH in html
    assert 'lang="zh-hans"' in html


def test_reviewer_schedules_the_translation_with_its_english_page(live_server, new_page, tmp_path):
    """The approval offers the English page's go-live; chosen, readers get the Chinese page only from then."""
    chinese_locale = Locale.objects.get(language_code="zh-hans")
    article = publish_article("Water week in Qinhuangdao", slug="water-week")
    translate_object(article, [chinese_locale])
    chinese = article.get_translation(chinese_locale)
    translation = Translation.objects.get(target_locale=chinese_locale, source__object_id=article.translation_key)
    translate_all(translation, CHINESE_TITLE)
    make_staff("translator", "tina")
    make_staff("reviewer", "rui")
    translator = Client()
    translator.force_login(User.objects.get(username="tina"))
    translator.post(reverse("translation_submit_for_review", args=[translation.pk]))
    article.go_live_at = timezone.now() + datetime.timedelta(days=1)
    article.save_revision().publish()  # the English page's next version is scheduled for tomorrow

    reviewer = new_page()
    log_in(reviewer, live_server.url, "rui")
    reviewer.goto(f"{live_server.url}/admin/pages/{chinese.pk}/edit/")
    reviewer.get_by_label("With the English page", exact=False).check()
    reviewer.screenshot(path=str(tmp_path / "approve-with-source.png"))
    reviewer.click("[data-review-action=approve]")
    reviewer.get_by_text("goes live on").first.wait_for()
    assert anonymous_get(f"{live_server.url}/zh-hans/news/water-week/")[0] == 404
    pending = chinese.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at
    assert pending == article.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at
