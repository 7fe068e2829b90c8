"""The search box suggests titles as the reader types, in a real browser, with the site's own script."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_in_the_search_box_suggests_titles(live_server, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/zh-hans/search/")
    page.fill("#search-query", "节约")
    suggestion = page.locator("#search-suggestions li").filter(has_text="节约用水小贴士")
    suggestion.wait_for()
    suggestion.dispatch_event("mousedown")
    page.wait_for_url("**/zh-hans/search/?q=*")
    assert page.locator(".results-list li").first.inner_text().startswith("节约用水小贴士")
