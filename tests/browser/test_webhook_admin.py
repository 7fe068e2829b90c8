"""End to end: an Administrator registers a webhook endpoint in the admin, an editor's publish reaches its receiver
through the task worker, and the delivery log shows the attempt and redelivers it; an editor has no webhooks."""

from django.test import override_settings

import pytest
from playwright.sync_api import expect

from tests.browser.test_translation_review import log_in
from tests.factories import make_staff, publish_article
from tests.helpers import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_registers_an_endpoint_and_redelivers_from_its_log(live_server, new_page, receivers):
    receiver = receivers()
    make_staff("admin", "ada")
    make_staff("editor", "ed")
    admin = new_page()
    log_in(admin, live_server.url, "ada")
    admin.goto(f"{live_server.url}/admin/webhooks/new/")
    admin.fill("input[name=url]", "http://10.0.0.8/hook")
    with override_settings(WEBHOOKS_ALLOW_PRIVATE=False):
        admin.get_by_role("button", name="Create").click()
        expect(admin.get_by_text("10.0.0.8, which is not a public address")).to_be_visible()
    admin.fill("input[name=url]", receiver.url)
    admin.fill("input[name=description]", "Mobile app")
    admin.get_by_role("button", name="Create").click()
    expect(admin.get_by_role("link", name="Delivery log")).to_be_visible()

    publish_article("Water week in Qinhuangdao")
    run_worker()
    admin.get_by_role("link", name="Delivery log").click()
    expect(admin.locator(".attempt")).to_have_count(1)
    expect(admin.locator(".attempt")).to_contain_text("HTTP 204")
    admin.get_by_role("button", name="Redeliver").click()
    expect(admin.get_by_text("will be sent again")).to_be_visible()
    run_worker()
    admin.reload()
    expect(admin.locator(".attempt")).to_have_count(2)
    first, again = receiver.accepted()
    assert first.event_id == again.event_id and first.event["data"]["type"] == "news.NewsArticlePage"

    editor = new_page()
    log_in(editor, live_server.url, "ed")
    editor.goto(f"{live_server.url}/admin/webhooks/")
    expect(editor.get_by_text("Mobile app")).to_have_count(0)
