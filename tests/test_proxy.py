"""Through nginx, configured as the deployment's tools/nginx/site.conf: a cache in front serves each language its
own answers, never a private file, and sees a public change within the max-age the site publishes."""

import gzip
import shutil
import time
from pathlib import Path

import pytest

from delivery.renditions import rendition_url
from endpoints.views import CacheableMixin
from news.models import NewsArticlePage

from .factories import make_image, private_collection
from .proxy import caching_proxy  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def test_the_proxy_caches_public_reads_and_keeps_languages_apart(caching_proxy):  # noqa: F811
    url = "/api/v2/search/suggest/?q=%E8%8A%82%E7%BA%A6"  # 节约
    chinese, english = {"Accept-Language": "zh-hans"}, {"Accept-Language": "en"}
    for round_number in range(3):
        status, headers, body = caching_proxy.get(url, chinese)
        assert status == 200 and "节约用水小贴士".encode() in body
        if round_number == 2:
            assert headers["X-Proxy-Cache"] == "HIT"
        status, headers, body = caching_proxy.get(url, english)
        assert status == 200 and body == b'{"suggestions":[]}'


def test_the_proxy_never_serves_a_private_file_and_sends_public_ones(caching_proxy):  # noqa: F811
    secret, public = make_image("Secret plan", private_collection()), make_image("Open plan")
    for image in (secret, public):
        image.get_rendition("max-165x165")
    status, headers, body = caching_proxy.get(public.get_rendition("max-165x165").url)
    assert status == 200 and body[:2] == b"\xff\xd8" and headers["Content-Type"] == "image/jpeg"
    for url in (secret.file.url, secret.get_rendition("max-165x165").url, "/internal-media/" + public.file.name):
        assert caching_proxy.get(url)[0] == 404, url
    asked, refused = (rendition_url(image, "fill-120x120", "avif") for image in (public, secret))
    status, headers, body = caching_proxy.get(asked)  # made, then sent by nginx
    assert status == 200 and body[4:12] == b"ftypavif" and headers["Content-Type"] == "image/avif"
    assert caching_proxy.get(refused)[0] == 404


def test_a_public_change_is_seen_through_the_proxy_within_its_max_age(caching_proxy, monkeypatch):  # noqa: F811
    monkeypatch.setattr(CacheableMixin, "cache_seconds", 1)
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    url = f"/api/v2/pages/{article.pk}/"
    caching_proxy.get(url)
    assert caching_proxy.get(url)[1]["X-Proxy-Cache"] == "HIT"
    article.title = "Published through the proxy"
    article.save_revision().publish()
    time.sleep(2.2)  # nginx counts in whole seconds
    status, headers, body = caching_proxy.get(url)
    assert status == 200 and b"Published through the proxy" in body
    assert headers["X-Proxy-Cache"] in ("EXPIRED", "REVALIDATED", "MISS")


def test_nginx_keeps_a_hashed_static_file_a_year_and_sends_it_compressed(caching_proxy, settings):  # noqa: F811
    folder = Path(settings.STATIC_ROOT) / "proxy-test"
    folder.mkdir(parents=True, exist_ok=True)
    stylesheet = b"body { color: green; }\n" * 50
    (folder / "page.0123456789ab.css").write_bytes(stylesheet)
    (folder / "page.0123456789ab.css.gz").write_bytes(gzip.compress(stylesheet))
    try:
        status, headers, body = caching_proxy.get(
            "/static/proxy-test/page.0123456789ab.css", {"Accept-Encoding": "gzip"}
        )
        assert status == 200 and headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == stylesheet
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        status, headers, body = caching_proxy.get("/static/proxy-test/page.0123456789ab.css")
        assert status == 200 and body == stylesheet and "Content-Encoding" not in headers
    finally:
        shutil.rmtree(folder)
