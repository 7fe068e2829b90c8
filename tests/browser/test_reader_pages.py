"""Every kind of reader page, in both languages, on a phone (390×844) and a desktop (1280×800), in Chromium: nothing
wider than the screen, no accessibility violation axe-core finds, lines of a readable length, Chinese labels
without Latin letters glued on; and on a phone, a one-row header and search results on the first screen."""

import re

import pytest

from news.models import NewsArticlePage
from resources.models import ProgramPage, SuccessStoryPage, TipSheetPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
LANGUAGES = ("en", "zh-hans")
# A Chinese character with a lower-case Latin letter right after it: an English ending added to a translated word
# ("新闻文章s").
GLUED_LATIN = re.compile(r"[\u4e00-\u9fff][a-z]")
# The most characters on one line of the first long paragraph of `main`.
LONGEST_LINE = """() => {
  const paragraph = [...document.querySelectorAll("main p")].find(p => p.textContent.length > 200);
  if (!paragraph) return 0;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const lines = new Map();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect) lines.set(Math.round(rect.top), (lines.get(Math.round(rect.top)) || 0) + 1);
    }
  }
  return Math.max(...lines.values());
}"""


def reader_paths(language):
    prefix = f"/{language}"
    live = {"locale__language_code": language}
    pages = [
        NewsArticlePage.objects.live().filter(**live).first(),
        ProgramPage.objects.live().filter(**live).first(),
        SuccessStoryPage.objects.live().filter(**live).first(),
        TipSheetPage.objects.live().filter(**live).first(),
    ]
    word = "water" if language == "en" else "节水"
    return [
        f"{prefix}/",
        pages[0].get_parent().url,
        pages[1].get_parent().url,
        *(page.url for page in pages),
        f"{prefix}/search/?q={word}",
        f"{prefix}/no-such-page/",
    ]


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [(violation["id"], len(violation["nodes"])) for violation in results.response["violations"]]


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_type_fits_reads_well_and_passes_axe(live_server, chromium, device):
    context = chromium.new_context(**device)
    page = context.new_page()
    problems = []
    for language in LANGUAGES:
        for path in reader_paths(language):
            page.goto(live_server.url + path)
            width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                problems.append((path, "wider than the screen", width))
            violations = axe_violations(page)
            if violations:
                problems.append((path, "axe", violations))
            longest = page.evaluate(LONGEST_LINE)
            if longest > (75 if language == "en" else 42):
                problems.append((path, "characters on a line", longest))
            glued = GLUED_LATIN.findall(page.locator("body").inner_text()) if language != "en" else []
            if glued:
                problems.append((path, "Latin glued onto Chinese", glued))
    context.close()
    assert not problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_header_is_one_row_and_the_first_result_is_on_the_first_screen(live_server, chromium, language):
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    word = "water" if language == "en" else "节水"
    page.goto(f"{live_server.url}/{language}/search/?q={word}")
    assert page.locator(".site-header").bounding_box()["height"] <= 56
    first_result = page.locator(".results-list li").first.bounding_box()
    assert first_result["y"] + 40 < PHONE["viewport"]["height"]
    filters = page.locator(".refine")
    assert filters.get_attribute("open") is None  # folded away, one tap to open
    filters.locator("summary").tap()
    assert page.locator(".facets a").first.is_visible()

    menu_button = page.locator(".menu-toggle")
    assert menu_button.get_attribute("aria-expanded") == "false" and not page.locator("#site-search").is_visible()
    menu_button.tap()
    assert menu_button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "site-search"
    assert page.locator("#site-search").evaluate("input => getComputedStyle(input).fontSize") == "16px"
    small = page.evaluate(
        """() => [...document.querySelectorAll('.site-header a, .site-header button, .site-header input')]
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44).map(e => e.outerHTML)"""
    )
    assert not small

    page.goto(f"{live_server.url}/{language}/")
    hero = page.locator(".hero img").bounding_box()
    assert hero["height"] / hero["width"] >= 0.6  # a taller crop around the subject, not a thin strip
    context.close()


def test_the_title_suggestions_are_a_combobox_operable_by_keyboard(live_server, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/zh-hans/search/")
    field = page.locator("#search-query")
    assert field.get_attribute("role") == "combobox" and field.get_attribute("aria-expanded") == "false"
    field.press_sequentially("节约")
    page.locator("#search-suggestions [role=option]").first.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    field.press("ArrowDown")
    options = page.locator("#search-suggestions [role=option]")
    assert field.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "search-query"  # focus stays in the field
    selected_style = options.first.evaluate("o => [getComputedStyle(o).backgroundColor, getComputedStyle(o).color]")
    assert selected_style == ["rgb(47, 107, 58)", "rgb(255, 255, 255)"]  # white on green, not a near-white tint
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false" and field.get_attribute("aria-activedescendant") is None
    field.press("ArrowDown")
    title = options.first.inner_text()
    field.press("Enter")
    page.wait_for_url("**/zh-hans/search/?q=*")
    assert page.locator(".results-list li").first.inner_text().startswith(title)
    assert "15%" in page.goto(f"{live_server.url}/zh-hans/search/?q=用水量减少").text()


def test_a_printed_article_leaves_out_the_header_search_and_sharing(live_server, new_page):
    page = new_page()
    article = NewsArticlePage.objects.live().filter(locale__language_code="en").first()
    page.goto(live_server.url + article.url)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".share").is_visible()
    assert page.locator("h1").is_visible()
