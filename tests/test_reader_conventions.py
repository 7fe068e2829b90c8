"""The web's small conventions on reader pages: robots.txt and a favicon, a description on every page and noindex
on search, the organisation's name and labels punctuated in the reader's language, and a 404 whose language
switcher leads home."""

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from .helpers import chinese_translation, english_article, get_html

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_the_sitemap_and_the_favicon_is_answered(client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200 and robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    assert "Disallow: /admin/" in robots.content.decode()
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon["Content-Type"] == "image/x-icon"
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_every_reader_page_has_a_description_and_search_is_not_indexed(client):
    missing = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        html = get_html(client, page.url)
        description = html.find("meta", attrs={"name": "description"})
        if not description or len(description["content"]) < 10 or html.find("meta", attrs={"name": "robots"}):
            missing.append(page.url)
    assert not missing
    for language in ("en", "zh-hans"):
        html = get_html(client, f"/{language}/search/?q=water")
        assert html.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
        assert html.find("meta", attrs={"name": "description"})["content"]


def test_chinese_pages_name_the_organisation_and_punctuate_labels_in_chinese(client):
    chinese = get_html(client, chinese_translation(english_article()).url)
    footer = chinese.select_one(".site-footer").get_text()
    assert "加拿大和谐基金会" in footer and "Harmony Foundation" not in footer
    assert "电子邮件：harmony@" in footer
    topics = chinese.select_one(".topics").get_text()
    assert topics.startswith("主题：") and ", " not in topics
    english = get_html(client, english_article().url)
    assert "Harmony Foundation of Canada" in english.select_one(".site-footer").get_text()
    assert english.select_one(".topics").get_text().startswith("Topics: ")


def test_the_language_switcher_of_a_missing_page_leads_to_each_home_page(client):
    response = client.get("/zh-hans/no-such-page/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    links = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert links == {"en": "/en/", "zh-hans": "/zh-hans/"}
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_the_first_card_is_fetched_at_once_and_the_others_when_scrolled_to(client):
    html = get_html(client, "/zh-hans/resources/")
    loading = [img.get("loading") for img in html.select(".card img")]
    assert loading[0] == "eager" and set(loading[1:]) == {"lazy"}
    assert get_html(client, "/zh-hans/").select_one(".hero img")["fetchpriority"] == "high"
