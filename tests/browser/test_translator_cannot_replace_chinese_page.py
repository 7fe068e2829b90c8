"""The walk from the bug report, as a Chinese translator in Chromium: the editor's main button is Submit for review,
the destructive wagtail-localize actions are neither offered nor reachable by URL, and the live Chinese page and the
translator's work stay as they were."""

from wagtail_localize.models import StringTranslation

import pytest

from resources.models import TipSheetPage
from tests.factories import make_staff

from .test_translation_review import anonymous_get, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHINESE_TITLE = "能源效率小贴士"


def test_a_translator_cannot_turn_the_chinese_page_into_english(live_server, new_page):
    chinese = TipSheetPage.objects.get(locale__language_code="zh-hans", slug="energy-efficiency")
    make_staff("translator", "tina")
    reader_url = f"{live_server.url}/zh-hans/resources/energy-efficiency/"
    assert CHINESE_TITLE in anonymous_get(reader_url)[1]

    page = new_page()
    log_in(page, live_server.url, "tina")
    editor_url = f"{live_server.url}/admin/pages/{chinese.pk}/edit/"
    page.goto(editor_url)
    footer = page.locator("[data-translation-footer]")
    footer.wait_for()
    assert footer.locator("button.button:not(.button-secondary)").first.inner_text().strip() == "Submit for review"
    assert page.get_by_text("Convert to alias page").is_hidden()
    assert page.get_by_text("Stop Synced translation").is_hidden()

    segment = page.locator("li.complete").filter(has_text="Turn off standby power").first
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill("随手关灯（译者修改）")
    segment.get_by_role("button", name="Save").click()
    page.locator("li.complete").filter(has_text="随手关灯（译者修改）").wait_for()

    # The same actions, reached by URL: the confirmation page and its POST, then the editor's own POST.
    response = page.goto(f"{live_server.url}/admin/localize/page/{chinese.pk}/convert_to_alias/")
    assert response.status == 403
    page.goto(editor_url)
    editor_path = f"/admin/pages/{chinese.pk}/edit/"
    for posted in ({"localize-convert-to-alias": "1"}, {"localize-restart-translation": "1"}):
        status = page.evaluate(
            """async (fields) => {
                const body = new FormData();
                body.append("csrfmiddlewaretoken", document.querySelector("[name=csrfmiddlewaretoken]").value);
                for (const [name, value] of Object.entries(fields)) body.append(name, value);
                const response = await fetch(window.location.href, {method: "POST", body});
                return [response.status, new URL(response.url).pathname];
            }""",
            posted,
        )
        assert status in ([403, editor_path], [200, "/admin/"])  # Wagtail's admin sends refusals to the dashboard
    status = page.evaluate(
        """async (url) => {
            const body = new FormData();
            body.append("csrfmiddlewaretoken", document.querySelector("[name=csrfmiddlewaretoken]").value);
            return (await fetch(url, {method: "POST", body})).status;
        }""",
        f"/admin/localize/page/{chinese.pk}/convert_to_alias/",
    )
    assert status == 403

    chinese.refresh_from_db()
    assert chinese.alias_of_id is None and chinese.live
    status, html = anonymous_get(reader_url)
    assert status == 200 and CHINESE_TITLE in html and "Energy Efficiency tips" not in html
    listing = anonymous_get(f"{live_server.url}/zh-hans/resources/")[1]
    assert CHINESE_TITLE in listing and "Energy Efficiency tips" not in listing
    assert StringTranslation.objects.filter(data="随手关灯（译者修改）").exists()
    page.goto(editor_url)
    page.locator("li.complete").filter(has_text="随手关灯（译者修改）").wait_for()
