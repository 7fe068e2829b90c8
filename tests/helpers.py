"""Small helpers the test areas share: fetch a page and read its HTML."""

from bs4 import BeautifulSoup


def get_html(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def chinese_translation(page):
    """The live zh-hans translation of an English page."""
    return page.get_translations().filter(locale__language_code="zh-hans").live().get().specific
