"""Every reader surface, asked as a stranger: the HTML pages and listings, the home pages, feeds, the sitemap,
search (HTML and API, each language and all), the API's pages, images, documents and find, sync (initial and
delta), and the files (/media/ and /documents/). One function serves the test client and the proxy alike."""

import json
import re
from urllib.parse import quote

FILE_PREFIXES = ("/media/", "/documents/")
LISTINGS = [
    "/en/",
    "/zh-hans/",
    "/en/news/",
    "/zh-hans/news/",
    "/en/archive/",
    "/zh-hans/archive/",
    "/en/resources/",
    "/en/news/feed/",
    "/zh-hans/news/feed/",
    "/en/archive/feed/",
    "/zh-hans/archive/feed/",
    "/sitemap.xml",
    "/en/search/?q=harbour",
    "/zh-hans/search/?q=%E6%B8%AF%E5%8F%A3",
    "/en/search/?q=harbour&all=1",
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?type=news.NewsArticlePage&fields=*&limit=100",
    "/api/v2/images/?limit=100",
    "/api/v2/documents/?limit=100",
    "/api/v2/search/?q=harbour&locale=en&limit=50",
    "/api/v2/search/?q=%E6%B8%AF%E5%8F%A3&locale=zh-hans&limit=50",
    "/api/v2/search/?q=harbour&all=1&limit=50",
    "/api/v2/search/suggest/?q=harb&locale=en",
    "/api/v2/search/suggest/?q=%E6%B8%AF&locale=zh-hans",
]
BY_READERS_LANGUAGE = "/api/v2/search/?q=harbour&limit=50"  # the language from Accept-Language


CONDITIONS = {"If-None-Match": "*", "If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}


def client_getter(client):
    """(status, headers, body) of a GET through Django's test client."""

    def get(url, headers=None):
        meta = {"HTTP_" + name.upper().replace("-", "_"): value for name, value in (headers or {}).items()}
        response = client.get(url, **meta)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, response.headers, body

    return get


def served_file(status, headers):
    """A file itself, not the page that asks for a password or a login (Wagtail's document view answers 200 with
    its password form)."""
    given = {name.lower() for name in headers}
    return status == 200 and bool(
        given & {"content-disposition", "x-accel-redirect"} or "image/" in headers.get("Content-Type", "")
    )


def as_text(url, status, headers, body):
    """What a reader got, as text to look for markers in, less the echoes of the URL the reader asked (a 404 page's
    language links, a password form's return address); for a file, its URL if it was served (a served private image
    is a leak whatever its bytes say)."""
    if url.startswith(FILE_PREFIXES):
        return f"served {url}\n{body.decode('latin-1')}" if served_file(status, headers) else ""
    text = body.decode("utf-8", errors="replace")
    path = url.split("?")[0]
    tail = re.sub(r"^/(en|zh-hans)/", "/", path)
    for echo in (path, quote(path, safe=""), tail, quote(tail, safe="")):
        if len(echo) > 1:
            text = text.replace(echo, " ")
    return text


def file_urls(pages, images, documents):
    urls = []
    for image in images:
        urls += [image.file.url, image.get_rendition("max-165x165").url]
    for document in documents:
        urls += [document.url, document.file.url]
    return urls


def sync_answers(get, token):
    """An initial sync of every language, and a delta from `token` when there is one; returns the new token."""
    answers = {}
    for start in filter(None, ["/api/v2/sync/?limit=500", token and f"/api/v2/sync/?token={token}"]):
        url = start
        while url:
            status, _headers, body = get(url)
            assert status == 200, (url, body)
            answers[url] = body.decode()
            answer = json.loads(body)
            url = answer["next_page_token"] and f"/api/v2/sync/?token={answer['next_page_token']}"
            next_token = answer.get("next_sync_token") or token
    return answers, next_token


def surfaces(get, pages, images, documents, token=None):
    """{url: text} of every surface for the machine's pages and files, and the next sync token."""
    answers = {}
    page_urls = [page.url for page in pages]
    api_urls = [f"/api/v2/pages/{page.pk}/" for page in pages]
    api_urls += [f"/api/v2/pages/find/?html_path={page.url}" for page in pages]
    for url in [*LISTINGS, *page_urls, *api_urls, *file_urls(pages, images, documents)]:
        status, headers, body = get(url)
        assert status < 500, (url, status)
        if status != 200:  # a refusal stays one, whatever the request's conditions
            assert get(url, CONDITIONS)[0] == status, url
        answers[url] = as_text(url, status, headers, body)
    for language in ("en", "zh-hans"):
        status, _headers, body = get(BY_READERS_LANGUAGE, {"Accept-Language": language})
        assert status == 200 and json.loads(body)["meta"]["locale"] == language, "another language's answer"
        answers[f"{BY_READERS_LANGUAGE} in {language}"] = body.decode()
    synced, token = sync_answers(get, token)
    return {**answers, **synced}, token
