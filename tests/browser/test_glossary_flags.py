"""A translator who leaves out a glossary term sees the flag next to the string in the real side-by-side editor, and
the reviewer sees it in the review footer; the flag never stops the translation going to review."""

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

import pytest

from tests.factories import make_staff, publish_article

from .test_translation_review import log_in, translate_segment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOURCE = "Tips for water conservation at home."


def test_translator_and_reviewer_see_the_glossary_flag(live_server, new_page, tmp_path):
    article = publish_article("Water week in Qinhuangdao", text=SOURCE, slug="water-week")
    chinese_locale = Locale.objects.get(language_code="zh-hans")
    translate_object(article, [chinese_locale])
    chinese = article.get_translation(chinese_locale)
    make_staff("translator", "tina")
    make_staff("reviewer", "rui")

    translator = new_page()
    log_in(translator, live_server.url, "tina")
    translator.goto(f"{live_server.url}/admin/pages/{chinese.pk}/edit/")
    translate_segment(translator, "Water week in Qinhuangdao", "秦皇岛节水周")
    translate_segment(translator, SOURCE, "在家节省用水的小贴士。")
    segment = translator.locator("li.complete").filter(has_text=SOURCE)
    flag = segment.locator("[data-glossary-inline]")
    flag.wait_for()
    assert "节约用水" in flag.inner_text() and "“water conservation”" in flag.inner_text().lower()
    assert "1" in translator.locator("[data-glossary-flags] summary").inner_text()
    translator.screenshot(path=str(tmp_path / "glossary-flag.png"), full_page=True)

    translator.click("[data-review-action=submit]")  # a flag warns; it does not block
    translator.get_by_text("was submitted for review").wait_for()

    reviewer = new_page()
    log_in(reviewer, live_server.url, "rui")
    reviewer.goto(f"{live_server.url}/admin/pages/{chinese.pk}/edit/")
    panel = reviewer.locator("[data-glossary-flags]")
    panel.locator("[data-glossary-flag]").filter(has_text="节约用水").wait_for()
    assert reviewer.locator("[data-review-action=approve]").is_visible()
