"""A small app on the Python client that openapi-python-client generates (clients/generate.sh python).

It reads every endpoint of the content API in both languages: every page listed to the end and fetched as its own
type, each type's listing with every field, find, images, documents, an initial sync and its delta, search,
suggestions and the errors. It prints what it got as JSON; an answer the client cannot parse into the declared type,
or with another status than expected, is a failure (exit status 1).

    PYTHONPATH=<generated> python clients/python/app.py http://127.0.0.1:8000
"""

import json
import sys
from collections import Counter
from urllib.parse import urlsplit

from harmony_api import Client
from harmony_api.api.documents import get_document, list_documents
from harmony_api.api.images import get_image, list_images
from harmony_api.api.pages import find_page, get_page, list_pages, preview_page
from harmony_api.api.search import search, suggest
from harmony_api.api.sync import sync
from harmony_api.models import (
    DocumentItem,
    DocumentListing,
    Error,
    ImageItem,
    ImageListing,
    LocaleCode,
    PageListing,
    PageReference,
    PageType,
    SearchResults,
    Suggestions,
    SyncAnswer,
)
from harmony_api.types import Unset


class App:
    def __init__(self, base_url):
        self.client = Client(base_url=base_url, raise_on_unexpected_status=False)
        self.calls = 0
        self.failures = []
        self.report = {"pages": {}, "typed": {}, "blocks": Counter(), "sync": {}, "errors": {}}

    def call(self, label, endpoint, expected, status=200, **params):
        """The parsed answer, or None after noting a failure."""
        self.calls += 1
        try:
            response = endpoint.sync_detailed(client=self.client, **params)
        except Exception as error:  # the generated code raises when an answer does not fit its type
            self.failures.append(f"{label}: {error!r}")
            return None
        if response.status_code != status or not isinstance(response.parsed, expected):
            self.failures.append(f"{label}: {response.status_code} {type(response.parsed).__name__}")
            return None
        self.last_headers = response.headers
        return response.parsed

    def every(self, label, endpoint, listing, **params):
        """Every item of a listing, page by page to the end."""
        found, offset = [], 0
        while True:
            answer = self.call(f"{label} offset={offset}", endpoint, listing, limit=20, offset=offset, **params)
            if answer is None:
                return found
            found += answer.items
            offset += 20
            if offset >= answer.meta.total_count:
                return found

    def pages(self, locale):
        listed = self.every(f"pages {locale.value}", list_pages, PageListing, locale=locale)
        kinds = Counter()
        for item in listed:
            page = self.call(f"page {item.id}", get_page, type(item), id=item.id)
            if page is not None and page.type_ == item.type_:
                kinds[type(page).__name__] += 1
                path = urlsplit(page.meta.html_url).path
                found = self.call(f"find {path}", find_page, PageReference, status=302, html_path=path)
                if found is not None and found.id != page.id:
                    self.failures.append(f"find {path}: page {found.id}, not {page.id}")
        self.report["pages"][locale.value] = dict(sorted(kinds.items()))

    def typed_listings(self, locale):
        for page_type in PageType:
            answer = self.call(
                f"type {page_type.value}",
                list_pages,
                PageListing,
                type_=page_type,
                fields="*",
                locale=locale,
                limit=100,
            )
            for page in answer.items if answer else []:
                self.report["typed"][type(page).__name__] = self.report["typed"].get(type(page).__name__, 0) + 1
                for field in ("body", "figures", "outcomes", "downloads", "tips"):
                    for block in getattr(page, field, None) or []:
                        self.report["blocks"][type(block).__name__] += 1

    def media(self):
        for label, listing_endpoint, listing, detail_endpoint, item in (
            ("images", list_images, ImageListing, get_image, ImageItem),
            ("documents", list_documents, DocumentListing, get_document, DocumentItem),
        ):
            listed = self.every(label, listing_endpoint, listing)
            for found in listed:
                self.call(f"{label} {found.id}", detail_endpoint, item, id=found.id)
            self.report[label] = len(listed)
        self.sized_images()

    def sized_images(self):
        """A 200-point-wide JPEG, any height, on a 2x screen: each image fits within 400 pixels' width."""
        listed = self.call("sized images", list_images, ImageListing, limit=100, image_width=200, image_density=2)
        for image in listed.items if listed else []:
            rendition = image.rendition
            if not rendition or not 0 < rendition.width <= 400 or rendition.format_ != "jpeg":
                self.failures.append(f"sized image {image.id}: {rendition}")
            elif self.client.get_httpx_client().get(rendition.url).headers.get("content-type") != "image/jpeg":
                self.failures.append(f"sized image {image.id}: {rendition.url} is not a JPEG")

    def sync(self, locale):
        answer = self.call(f"sync {locale.value}", sync, SyncAnswer, locale=locale, limit=50)
        items = []
        while answer is not None:
            items += answer.items
            if isinstance(answer.next_page_token, Unset) or answer.next_page_token is None:
                break
            answer = self.call("sync next page", sync, SyncAnswer, token=answer.next_page_token, limit=50)
        if answer is None:
            return
        delta = self.call("sync delta", sync, SyncAnswer, token=answer.next_sync_token)
        etag = self.last_headers.get("ETag")
        self.call("sync delta again", sync, type(None), status=304, token=answer.next_sync_token, if_none_match=etag)
        kinds = Counter(type(item).__name__ for item in items)
        self.report["sync"][locale.value] = {**kinds, "delta": len(delta.items) if delta else None}

    def search(self):
        for locale, query in ((LocaleCode.EN, "water"), (LocaleCode.ZH_HANS, "节水")):
            results = self.call(f"search {query}", search, SearchResults, q=query, locale=locale)
            suggested = self.call(f"suggest {query}", suggest, Suggestions, q=query[:2], locale=locale)
            if results is not None and suggested is not None:
                years = [facet.value for facet in results.facets.year] if results.facets.year else []
                self.report[f"search {locale.value}"] = {
                    "hits": len(results.items),
                    "total": results.meta.total_count,
                    "suggestions": len(suggested.suggestions),
                    "years are numbers": all(isinstance(year, int) for year in years),
                }

    def errors(self):
        for label, endpoint, status, params in (
            ("limit", list_pages, 400, {"limit": 1000, "locale": LocaleCode.ZH_HANS}),
            ("no page", get_page, 404, {"id": 999999}),
            ("sync token", sync, 400, {"token": "garbage"}),
            ("preview token", preview_page, 403, {"token": "garbage"}),
        ):
            error = self.call(f"error {label}", endpoint, Error, status=status, **params)
            if error is not None:
                self.report["errors"][label] = {"code": error.code.value, "parameter": error.parameter}

    def run(self):
        for locale in LocaleCode:
            self.pages(locale)
            self.typed_listings(locale)
            self.sync(locale)
        self.media()
        self.search()
        self.errors()
        self.report.update(calls=self.calls, failures=self.failures)
        print(json.dumps(self.report, ensure_ascii=False, sort_keys=True))
        return 1 if self.failures else 0


if __name__ == "__main__":
    sys.exit(App(sys.argv[1]).run())
