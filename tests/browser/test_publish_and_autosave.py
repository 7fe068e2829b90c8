"""Publish and autosave agree (issue 29, finding 5): Publish pressed while the first autosave of a new page is on
its way publishes that page, instead of trying to create a second one with the same slug."""

import os

import pytest
from playwright.sync_api import expect

from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import make_staff

from .test_translation_review import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Autosave week in Lanzhou"
SCREENSHOTS = os.environ.get("BROWSER_SCREENSHOTS")


def wait_until_saved_in_form(page, text):
    """Draftail writes what was typed into the form a quarter of a second later (a person takes longer to reach
    Publish; a Publish pressed sooner would not carry it, autosave or not)."""
    script = "text => [...document.querySelectorAll('input[type=hidden]')].some(input => input.value.includes(text))"
    page.wait_for_function(script, arg=text)


def test_publish_pressed_during_the_first_autosave_publishes_one_page(live_server, new_page):
    make_staff("editor", "ed")
    newsroom = NewsIndexPage.objects.get(locale__language_code="en")
    editor = new_page()
    log_in(editor, live_server.url, "ed")
    held = []  # the first autosave reaches the server (the page is created); its answer is held back

    def hold_autosave_answers(route, request):
        if request.method == "POST" and "application/json" in request.headers.get("accept", "") and not held:
            held.append((route, route.fetch()))
        else:
            route.continue_()

    editor.route("**/admin/pages/add/**", hold_autosave_answers)
    editor.goto(f"{live_server.url}/admin/pages/add/news/newsarticlepage/{newsroom.pk}/")
    editor.wait_for_timeout(2500)  # Wagtail takes the form as it is after 2 s as unedited; edits after that autosave
    editor.fill("input[name=title]", TITLE)
    editor.fill("input[name=date]", "2026-12-01")
    for _attempt in range(100):
        if held:
            break
        editor.wait_for_timeout(100)
    assert held, "no autosave was sent"
    assert NewsArticlePage.objects.filter(title=TITLE).count() == 1  # the autosave's draft

    body = editor.locator("[data-contentpath=body]")
    body.get_by_role("button", name="Insert a block").first.click()
    editor.get_by_text("Paragraph", exact=True).last.click()
    body.locator(".public-DraftEditor-content").last.click()
    editor.keyboard.type("Residents mended taps while the draft saved itself.")
    wait_until_saved_in_form(editor, "while the draft saved itself")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish").click()  # it waits for the autosave's answer, held here
    route, response = held[0]
    route.fulfill(response=response)
    expect(editor.get_by_text(f"Page '{TITLE}' has been published.")).to_be_visible(timeout=15000)
    if SCREENSHOTS:
        editor.screenshot(path=os.path.join(SCREENSHOTS, "autosave-publish.png"), full_page=True)
    pages = NewsArticlePage.objects.filter(title=TITLE)
    assert pages.count() == 1 and pages.get().live
    assert "while the draft saved itself" in str(pages.get().body)  # typed while the autosave was answering
