"""Every page type renders with its content in both languages; listings filter and paginate."""

import datetime

from django.utils import translation

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage
from resources.models import ProgramPage, ResourceIndexPage, SuccessStoryPage, TipSheetPage

from .helpers import chinese_translation, get_html

pytestmark = pytest.mark.django_db

PAGE_TYPES = [HomePage, NewsIndexPage, NewsArticlePage, ResourceIndexPage, ProgramPage, SuccessStoryPage, TipSheetPage]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_renders_in_both_languages(client, model):
    english = model.objects.filter(locale__language_code="en").live().first()
    chinese = chinese_translation(english)
    assert chinese.title != english.title

    for page, language in ((english, "en"), (chinese, "zh-hans")):
        html = get_html(client, page.url)
        assert html.html["lang"] == language
        assert html.h1.get_text(strip=True) == page.title
        assert html.find("meta", property="og:title")["content"] == page.title


@pytest.mark.parametrize(
    ("model", "count"),
    [(NewsArticlePage, 5), (ProgramPage, 1), (SuccessStoryPage, 3), (TipSheetPage, 6)],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_demo_content_is_live_in_both_languages(model, count):
    for language in ("en", "zh-hans"):
        live = model.objects.live().filter(locale__language_code=language).count()
        assert live >= count if model is SuccessStoryPage else live == count


def test_news_article_shows_dateline_quotes_and_attribution(client):
    article = NewsArticlePage.objects.get(locale__language_code="en", slug__startswith="chinas-leading")
    html = get_html(client, article.url)
    assert html.select_one(".dateline").get_text() == "BEIJING"
    assert html.find("time")["datetime"] == "2007-10-20"
    quote = html.select_one("figure.quote")
    assert "I congratulate the Harmony Foundation of Canada" in quote.blockquote.get_text()
    assert "Wang Zhongping" in quote.figcaption.get_text()
    assert "Director, National Training Center for Mayors of China" in quote.figcaption.get_text()
    assert html.select_one(".lead-image figcaption").get_text().startswith("Groundbreaking Dialogue")

    chinese = get_html(client, chinese_translation(article).url)
    assert chinese.select_one(".dateline").get_text() == "北京"
    assert "王仲平" in chinese.select_one("figure.quote figcaption").get_text()


def test_program_page_shows_figures_partners_donors_and_its_language_downloads(client):
    program = ProgramPage.objects.get(locale__language_code="en")
    html = get_html(client, program.url)
    figures = [figure.get_text(" ", strip=True) for figure in html.select(".figure")]
    assert figures == [
        "150 mayors and vice-mayors trained",
        "40 Environmental Protection Bureau managers trained",
        "900+ community leaders trained",
        "20+ communities helped to carry out action plans",
    ]
    text = html.get_text()
    assert "Shining Stone Community Action" in text
    assert "Canadian International Development Agency (CIDA)" in text
    english_links = {a["href"] for a in html.select(".downloads a")}

    chinese = chinese_translation(program)
    chinese_html = get_html(client, chinese.url)
    assert "加拿大国际开发署（CIDA）" in chinese_html.get_text()
    chinese_links = {a["href"] for a in chinese_html.select(".downloads a")}
    assert any(link.endswith("-ch.pdf") for link in chinese_links)
    assert not any(link.endswith("-en.pdf") for link in chinese_links)
    assert any(link.endswith("-en.pdf") for link in english_links)


def test_tip_sheet_lists_tips_and_offers_a_pdf_in_its_language(client):
    for sheet in TipSheetPage.objects.filter(locale__language_code="en"):
        chinese = chinese_translation(sheet)
        for page in (sheet, chinese):
            html = get_html(client, page.url)
            assert len(html.select("ol.tips li.tip")) >= 5
            pdf_link = html.select_one(".download a")["href"]
            response = client.get(pdf_link)
            assert response.status_code == 200
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert chinese.pdf_id != sheet.pdf_id
        assert chinese.pdf.title.endswith("-CH")


def test_success_story_shows_its_place_year_and_topic(client):
    story = SuccessStoryPage.objects.get(locale__language_code="en", community="Dong Yanwu community")
    html = get_html(client, story.url)
    assert "Dong Yanwu community, Qinhuangdao, Hebei · 2007 · Waste Management" in html.select_one(".meta").get_text()
    chinese = get_html(client, chinese_translation(story).url)
    assert "东烟屋社区, 秦皇岛, 河北 · 2007 · 垃圾管理" in chinese.select_one(".meta").get_text()


def test_news_index_lists_newest_first_and_filters_by_topic_and_year(client):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    html = get_html(client, index.url)
    dates = [time["datetime"] for time in html.select(".card time")]
    assert len(dates) == 5
    assert dates == sorted(dates, reverse=True)

    waste = get_html(client, index.url + "?topic=waste-management")
    assert [h.get_text() for h in waste.select(".card-title")] == [
        "Successful Community Training Gains Practical Results"
    ]
    assert len(get_html(client, index.url + "?year=2007").select(".card")) == 5
    assert "No news matches" in get_html(client, index.url + "?year=2008").get_text()


@pytest.mark.parametrize(
    ("index_type", "query", "message"),
    [
        (NewsIndexPage, "topic=no-such-topic", "Unknown topic 'no-such-topic'."),
        (NewsIndexPage, "year=07", "year must be a whole number from 1900 to 2100."),
        (ResourceIndexPage, "topic=no-such-topic", "Unknown topic 'no-such-topic'."),
        (ResourceIndexPage, "kind=blog", "Unknown kind 'blog'; use one of: "),
    ],
)
def test_index_pages_explain_a_filter_they_cannot_apply(client, index_type, query, message):
    """A stale or hand-edited link gets a 400 that says what is wrong, beside the filter form, not an empty list."""
    index = index_type.objects.get(locale__language_code="en")
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert message in html.select_one('[role="alert"]').get_text()
    assert html.select_one("form.filters select[name=topic]") is not None


def test_news_index_paginates(client):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    for number in range(8):
        index.add_child(
            instance=NewsArticlePage(
                title=f"Extra story {number}",
                slug=f"extra-{number}",
                date=datetime.date(2008, 1, number + 1),
                body=article.body.raw_data,
            )
        )
    first = get_html(client, index.url)
    assert len(first.select(".card")) == 10
    second = get_html(client, index.url + "?page=2")
    assert len(second.select(".card")) == 3
    assert get_html(client, index.url + "?page=abc").select(".card")  # a bad page number shows page 1


def test_resource_index_filters_by_kind_and_topic(client):
    index = ResourceIndexPage.objects.get(locale__language_code="en")
    assert len(get_html(client, index.url).select(".card")) >= 10
    tips = get_html(client, index.url + "?kind=tips")
    assert len(tips.select(".card")) == 6
    water = get_html(client, index.url + "?topic=water-conservation")
    titles = {h.get_text() for h in water.select(".card-title")}
    assert titles == {"Harmony in China", "Saving energy and water, one building at a time", "Water Conservation tips"}
    chinese = get_html(client, chinese_translation(index).url + "?kind=tips&topic=water-conservation")
    assert [h.get_text() for h in chinese.select(".card-title")] == ["节约用水小贴士"]


def test_home_page_shows_featured_and_latest_news_in_its_language(client):
    home = HomePage.objects.get(locale__language_code="en")
    html = get_html(client, home.url)
    assert len(html.select("#latest-heading ~ .cards .card")) == 3
    featured = [h.get_text() for h in html.select("#featured-heading ~ .cards .card-title")]
    assert "Harmony in China" in featured

    chinese = get_html(client, chinese_translation(home).url)
    assert "和谐在中国" in [h.get_text() for h in chinese.select("#featured-heading ~ .cards .card-title")]
    assert chinese.select_one("#latest-heading").get_text() == "最新新闻"


def test_footer_shows_contact_details_and_pages_offer_sharing(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    html = get_html(client, article.url)
    footer = html.select_one("footer.site-footer").get_text()
    for detail in ("harmony@islandnet.com", "(250) 380-3001", "(250) 280-0887", "www.harmonyfdn.ca"):
        assert detail in footer
    share = {a.get_text(): a["href"] for a in html.select(".share a")}
    assert share["Share via email"].startswith("mailto:?subject=")
    assert share["Share on Twitter"].startswith("https://twitter.com/intent/tweet?")
    assert not html.select(".share-wechat")


def test_chinese_pages_offer_weibo_and_a_wechat_qr_code_beside_email(client):
    chinese = chinese_translation(NewsArticlePage.objects.filter(locale__language_code="en").first())
    html = get_html(client, chinese.url)
    share = {a.get_text(): a["href"] for a in html.select(".share a")}
    assert set(share) == {"通过电子邮件分享", "分享到微博"}
    assert share["分享到微博"].startswith("https://service.weibo.com/share/share.php?url=http%3A//testserver/zh-hans/")
    assert html.select_one(".share-wechat summary").get_text() == "分享到微信"
    assert html.select_one(".share-wechat svg")  # drawn on the server; tests/browser decodes it


def test_pages_have_open_graph_tags_with_an_absolute_image(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en", lead_image__isnull=False).first()
    chinese = chinese_translation(article)
    html = get_html(client, chinese.url)
    assert html.find("meta", property="og:locale")["content"] == "zh_CN"
    assert html.find("meta", property="og:type")["content"] == "article"
    assert html.find("meta", property="og:image")["content"].startswith("http://testserver/")
    assert html.find("meta", property="og:url")["content"] == f"http://testserver{chinese.url}"


def test_drafts_and_unpublished_pages_are_not_served_or_listed(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    article.title = "Secret draft headline"
    article.save_revision()
    html = get_html(client, article.url)
    assert "Secret draft headline" not in html.get_text()

    article.unpublish()
    assert client.get(article.url).status_code == 404
    index_html = get_html(client, article.get_parent().url)
    assert article.title not in index_html.get_text()
    assert article.full_url not in client.get("/sitemap.xml").content.decode()


def test_rss_feed_per_language(client):
    for language, expected_title in (("en", "News"), ("zh-hans", "新闻")):
        with translation.override(language):
            index = NewsIndexPage.objects.get(locale__language_code=language)
            response = client.get(index.url + "feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        feed = BeautifulSoup(response.content, "xml")
        assert feed.channel.title.get_text() == expected_title
        assert feed.channel.language.get_text() == language
        titles = {item.title.get_text() for item in feed.find_all("item")}
        assert titles == set(
            NewsArticlePage.objects.filter(locale__language_code=language).values_list("title", flat=True)
        )


def test_menu_marks_the_current_section(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    html = get_html(client, article.url)
    current = html.select_one(".menu a[aria-current]")
    assert current.get_text() == "News"
    assert Page.objects.get(pk=article.get_parent().pk).url == current["href"]


def test_images_have_alt_text_in_the_page_language(client):
    article = NewsArticlePage.objects.filter(locale__language_code="en", lead_image__isnull=False).first()
    for page in (article, chinese_translation(article)):
        html = get_html(client, page.url)
        assert all(img.has_attr("alt") for img in html.find_all("img"))
        assert html.select_one(".lead-image img")["alt"] == page.lead_image_caption
    assert "王仲平" in chinese_translation(article).lead_image_caption
