"""Reader pages offer each image as AVIF, WebP and JPEG in several widths: a phone downloads a smaller rendition
than a desktop, Chromium picks AVIF, and nothing moves as images load (width and height are set)."""

import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1}
# Adds up the layout shifts the page makes (none caused by the reader), from the first paint on.
COUNT_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""


def slow_network(route):
    time.sleep(0.4)
    route.continue_()


def lead_image_seen(chromium, url, device):
    """The lead image's file as this device chose it, its drawn width, and the page's layout shift."""
    context = chromium.new_context(**device)
    context.add_init_script(COUNT_SHIFTS)
    context.route("**/media/images/**", slow_network)  # images arrive after the text is drawn, as on a phone
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    image = page.locator(".lead-image img")
    chosen = image.evaluate("img => ({src: img.currentSrc, natural: img.naturalWidth, drawn: img.clientWidth})")
    shift = page.evaluate("window.layoutShift")
    context.close()
    return chosen, shift


def test_a_phone_downloads_a_smaller_rendition_in_avif_and_nothing_shifts(live_server, chromium):
    from news.models import NewsArticlePage

    article = NewsArticlePage.objects.live().filter(locale__language_code="zh-hans").exclude(lead_image=None).first()
    url = f"{live_server.url}{article.url}"
    phone, phone_shift = lead_image_seen(chromium, url, PHONE)
    desktop, desktop_shift = lead_image_seen(chromium, url, DESKTOP)
    assert phone["src"].endswith(".avif") and desktop["src"].endswith(".avif")
    assert phone["natural"] < desktop["natural"], (phone, desktop)
    assert phone["natural"] <= 2 * phone["drawn"] + 100  # about the pixels the phone's screen shows, not the largest
    assert (phone_shift, desktop_shift) == (0, 0)
