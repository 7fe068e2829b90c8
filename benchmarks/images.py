"""Images: the bytes a phone and a desktop download for the demo's home page and one news article, and the time to
serve a rendition an app asks for, the first time (made) and afterwards (sent as a file).
    .venv/bin/python benchmarks/images.py [--renditions 8]
Seeds the demo site in a database of its own, serves it with gunicorn (production settings) and opens each page in
Debian's Chromium (apt-get install -y chromium) as a phone (390x844 CSS pixels, 2 device pixels each) and as a
desktop (1280x900, 1 each), in fresh contexts, scrolled to the bottom so lazy images load too: the image bytes are
what a reader who reads the whole page downloads. Each page is opened once before, so renditions exist.
"""

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from common import ROOT, bench_env, fetch, gunicorn, run_django
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(ROOT))
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS  # the browser as the tests drive it

PORT = 8793
DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1},
}
FIND_ARTICLE = """
from news.models import NewsArticlePage
print(NewsArticlePage.objects.live().filter(locale__language_code="en").exclude(lead_image=None).first().url)
"""


def image_bytes(browser, url, device, static_root):
    """The images the page downloads on this device: how many, and their bytes. Static files come from the
    collected folder, as nginx would send them in front of gunicorn."""
    context = browser.new_context(**DEVICES[device])
    context.route("**/static/**", lambda route: route.fulfill(path=static_root / urlsplit(route.request.url).path[8:]))
    sizes = []
    page = context.new_page()
    page.on(
        "response",
        lambda response: sizes.append(len(response.body())) if response.request.resource_type == "image" else None,
    )
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    context.close()
    return len(sizes), sum(sizes)


def page_bytes(base, paths, static_root):
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for path in paths.values():
            image_bytes(browser, base + path, "desktop", static_root)  # renditions made, not measured
        for name, path in paths.items():
            for device in DEVICES:
                count, total = image_bytes(browser, base + path, device, static_root)
                rows.append([name, device, count, f"{total / 1024:.1f}"])
        browser.close()
    return rows


def rendition_times(base, count):
    """Median ms to serve a rendition the first time and the second, in each format, for `count` images."""
    width = random.randrange(300, 400)  # a size not asked before: the first request makes it
    rows = []
    for fmt in ("avif", "webp", "jpeg"):
        query = f"limit={count}&image_width={width}&image_height={width}&image_fit=fill&image_format={fmt}"
        _response, body = fetch(base, f"/api/v2/images/?{query}")
        urls = [urlsplit(item["rendition"]["url"]).path for item in json.loads(body)["items"]]
        timings = {"first": [], "after": []}
        for url in urls:
            for when in ("first", "after"):
                started = time.perf_counter()
                response, _data = fetch(base, url)
                timings[when].append((time.perf_counter() - started) * 1000)
                if response.status != 200:
                    raise SystemExit(f"{url} answered {response.status}")
        first, after = (statistics.median(timings[when]) for when in ("first", "after"))
        rows.append([fmt, len(urls), f"{first:.1f}", f"{after:.1f}", f"{first / after:.1f}x"])
    return rows


def show(headers, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)]
    for row in [headers, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--renditions", type=int, default=8, help="images to time renditions of, per format")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        static_root = Path(workdir) / "static"
        env = bench_env(workdir, RESPONSE_CACHE_URL="dummy://", STATIC_ROOT=str(static_root))
        run_django("from benchmarks.seed import seed_news\nseed_news(0)", env)
        run_django("from django.core.management import call_command\ncall_command('collectstatic', verbosity=0)", env)
        article = run_django(FIND_ARTICLE, env).strip().splitlines()[-1]
        with gunicorn(env, PORT, 2) as base:
            show(
                ["page", "device", "images", "KB"],
                page_bytes(base, {"home": "/en/", "news article": article}, static_root),
            )
            print()
            show(["format", "images", "first ms", "afterwards ms", "ratio"], rendition_times(base, args.renditions))


if __name__ == "__main__":
    main()
