"""The WeChat QR code a Chinese page shows decodes, from a screenshot of the real browser, to the page's address."""

import io

import pytest
import zxingcpp
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_wechat_qr_code_on_a_chinese_page_scans_to_its_address(live_server, new_page):
    from news.models import NewsArticlePage

    article = NewsArticlePage.objects.filter(locale__language_code="zh-hans").live().first()
    page = new_page()
    page.goto(f"{live_server.url}{article.url}")
    page.get_by_text("分享到微信").click()
    code = page.locator(".wechat-qr svg")
    code.wait_for()
    screenshot = Image.open(io.BytesIO(code.screenshot()))
    assert [result.text for result in zxingcpp.read_barcodes(screenshot)] == [f"{live_server.url}{article.url}"]
