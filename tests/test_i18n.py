"""Both languages: URL prefixes, language switching, hreflang, sitemap, 404, and the translation links."""

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest
from bs4 import BeautifulSoup

from news.models import NewsArticlePage
from resources.models import Organization, Topic

from .helpers import chinese_translation, get_html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("zh-CN,zh;q=0.9", "/zh-hans/"), ("en-GB,en;q=0.8", "/en/"), ("fr", "/en/")]
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_switcher_and_hreflang_link_the_same_page_in_the_other_language(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    chinese = chinese_translation(article)
    for page in (article, chinese):
        html = get_html(client, page.url)
        switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
        assert switcher == {"en": article.url, "zh-hans": chinese.url}
        current = html.select_one(".language-switcher a[aria-current]")["hreflang"]
        assert current == page.locale.language_code
        alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}
        assert alternates == {
            "en": f"http://testserver{article.url}",
            "zh-hans": f"http://testserver{chinese.url}",
            "x-default": f"http://testserver{article.url}",
        }


def test_switcher_falls_back_to_the_home_page_when_there_is_no_translation(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    chinese = chinese_translation(article)
    chinese.unpublish()
    html = get_html(client, article.url)
    switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert switcher["zh-hans"] == "/zh-hans/"
    assert not html.find("link", rel="alternate", hreflang="zh-hans")


def test_unknown_urls_get_the_translated_404(client):
    for prefix, heading in (("/en/", "Page not found"), ("/zh-hans/", "页面未找到")):
        response = client.get(prefix + "no-such-page/")
        assert response.status_code == 404
        html = BeautifulSoup(response.content, "html.parser")
        assert html.html["lang"] == prefix.strip("/")
        assert html.h1.get_text() == heading


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = BeautifulSoup(response.content, "xml")
    locations = {url.loc.get_text() for url in xml.find_all("url")}
    live_pages = Page.objects.live().public().filter(depth__gte=2)
    assert locations == {page.full_url for page in live_pages}
    assert len(locations) == 2 * live_pages.filter(locale__language_code="en").count()

    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    entry = next(url for url in xml.find_all("url") if url.loc.get_text() == article.full_url)
    alternates = {link["hreflang"]: link["href"] for link in entry.find_all("link")}
    assert alternates == {"en": article.full_url, "zh-hans": chinese_translation(article).full_url}


def test_every_chinese_page_is_a_wagtail_localize_translation_of_its_english_source():
    english_pages = Page.objects.filter(locale__language_code="en", depth__gte=2).specific()
    for page in english_pages:
        chinese = chinese_translation(page)
        assert chinese.translation_key == page.translation_key
        source = TranslationSource.objects.get_for_instance(page)
        assert Translation.objects.filter(source=source, target_locale=chinese.locale, enabled=True).exists()
        assert StringTranslation.objects.filter(context__object=source.object, locale=chinese.locale).exists()


def test_snippets_are_translated_and_keep_their_slugs(locales):
    for topic in Topic.objects.filter(locale=locales["en"]):
        chinese = topic.get_translation(locales["zh-hans"])
        assert chinese.slug == topic.slug
        assert chinese.name != topic.name
    assert Topic.objects.get(locale=locales["zh-hans"], slug="water-conservation").name == "节约用水"
    assert (
        Organization.objects.filter(locale=locales["zh-hans"]).count()
        == Organization.objects.filter(locale=locales["en"]).count()
    )


def test_chinese_pages_show_chinese_interface_text(client):
    article = chinese_translation(NewsArticlePage.objects.filter(locale__language_code="en").first())
    text = get_html(client, article.url).get_text()
    for phrase in ("通过电子邮件分享", "分享到微博", "分享到微信", "跳到正文", "电话"):
        assert phrase in text
    for phrase in ("Share via email", "Skip to content"):
        assert phrase not in text


@pytest.mark.parametrize("path", ["/admin/no-such-view/", "/documents/999999/missing.pdf", "/api/v2/nothing/"])
def test_unprefixed_urls_are_not_redirected_into_a_language(client, path):
    response = client.get(path)
    assert response.status_code in (302, 404)
    assert not response.get("Location", "").startswith(("/en/", "/zh-hans/"))
