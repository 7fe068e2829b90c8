"""Small helpers the test areas share: fetch a page and read its HTML, call the JSON API, list the repository."""

import subprocess
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages

from wagtail_localize.models import Translation, TranslationSource

from bs4 import BeautifulSoup

from news.models import NewsArticlePage

NEWS = "news.NewsArticlePage"


def get_html(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def chinese_translation(page):
    """The live zh-hans translation of an English page."""
    return page.get_translations().filter(locale__language_code="zh-hans").live().get().specific


def api(client, path, **params):
    response = client.get(path, params)
    assert response["Content-Type"].startswith("application/json"), (path, response.status_code)
    return response


def items(client, **params):
    response = api(client, "/api/v2/pages/", **params)
    assert response.status_code == 200, response.json()
    return response.json()["items"]


def detail(client, page_id, **params):
    response = api(client, f"/api/v2/pages/{page_id}/", **params)
    assert response.status_code == 200, response.json()
    return response.json()


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def english_article():
    return NewsArticlePage.objects.get(locale__language_code="en", slug__startswith="successful-community")


def translation_of(page, language="zh-hans"):
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale__language_code=language)


def change_first_paragraph(article, html):
    body = article.body.raw_data
    paragraph = next(block for block in body if block["type"] == "paragraph")
    paragraph["value"] = html
    article.body = body
    article.save_revision().publish()
    return article


def repository_files(*patterns):
    """The files git would hand a new clone (tracked, plus new ones not ignored, so uncommitted work counts)."""
    root = Path(settings.BASE_DIR)
    listing = subprocess.run(  # noqa: S603 - git with fixed arguments and the caller's path patterns
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", *patterns],  # noqa: S607
        cwd=root,
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return [name for name in listing.split("\0") if name and (root / name).is_file()]
