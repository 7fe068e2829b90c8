"""Small helpers the test areas share: fetch a page and read its HTML, call the JSON API, list the repository."""

import signal
import subprocess
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from bs4 import BeautifulSoup
from django_tasks_db.management.commands import db_worker
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from hypothesis.stateful import run_state_machine_as_test

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage
from translation.open_strings import open_strings

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


def save_bookkeeping(article):
    """What editors and the API save without changing what readers see: a draft, an edit lock, a file size."""
    article.title = "A draft headline"
    article.save_revision()
    NewsArticlePage.objects.get(pk=article.pk).save(update_fields=["locked"])
    documents = get_document_model().objects
    documents.filter(pk=documents.first().pk).update(file_size=None)
    assert documents.first().get_file_size()  # saved again, as the API does on first use


def translation_of(page, language="zh-hans"):
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale__language_code=language)


def translate_all(translation, text="已翻译"):
    """A translator's text for every string still open (missing, or only a suggestion)."""
    for item in open_strings(translation):
        segment = StringSegment.objects.get(pk=item.segment_id)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{text} {segment.order}", "translation_type": "manual", "tool_name": ""},
        )


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


class SyncedApp:
    """A mobile app's copy of the site, kept with the sync endpoint alone: items by (kind, id)."""

    def __init__(self, client, locale=None, limit=100):
        self.client, self.locale, self.limit = client, locale, limit
        self.items, self.token = {}, None

    def sync(self):
        """One sync, following every page of the answer; returns the items and the removals it brought."""
        params = {"token": self.token} if self.token else ({"locale": self.locale} if self.locale else {})
        changed, removed = [], []
        while True:
            response = self.client.get("/api/v2/sync/", {**params, "limit": self.limit})
            assert response.status_code == 200, response.content
            answer = response.json()
            changed += answer["items"]
            removed += answer["removed"]
            for item in answer["items"]:
                self.items[(item["kind"], item["id"])] = item
            for gone in answer["removed"]:
                self.items.pop((gone["kind"], gone["id"]), None)
            if answer["next_page_token"] is None:
                self.token = answer["next_sync_token"]
                return changed, removed
            params = {"token": answer["next_page_token"]}


def public_set(client, locale=None):
    """What the listing endpoints serve now, by (kind, id): pages (in `locale`, or all), images and documents."""
    served = {}
    for kind, endpoint in (("page", "pages"), ("image", "images"), ("document", "documents")):
        params = {"locale": locale} if locale and kind == "page" else {}
        offset = 0
        while True:
            answer = api(client, f"/api/v2/{endpoint}/", limit=100, offset=offset, **params).json()
            for item in answer["items"]:
                served[(kind, item["id"])] = {"title": item["title"], "detail_url": item["meta"]["detail_url"]}
                if kind == "page":
                    served[(kind, item["id"])]["html_url"] = item["meta"]["html_url"]
            offset += 100
            if offset >= answer["meta"]["total_count"]:
                break
    return served


def synced_set(app):
    """The app's copy in the shape of public_set."""
    shown = ("title", "detail_url", "html_url")
    return {key: {name: item[name] for name in shown if name in item} for key, item in app.items.items()}


def pick(items, index):
    """One of `items` (a query is taken in the order of its ids) chosen by a drawn number, or None when there are
    none: for state machines' rules."""
    items = list(items.order_by("pk") if hasattr(items, "order_by") else items)
    return items[index % len(items)] if items else None


def toggle_view_restriction(page, kind):
    """Puts a view restriction of this kind (password "secret", login or groups) on the page, or lifts its own."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    if restrictions.exists():
        restrictions.delete()
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=kind, password="secret")


def add_archive_sections(locales):
    """A published news section "Archive" in each language (the English one and its translation), for state
    machines to fill; returns the English one."""
    archive = NewsIndexPage(title="Archive", slug="archive")
    HomePage.objects.get(locale=locales["en"]).add_child(instance=archive)
    archive.save_revision().publish()
    archive.copy_for_translation(locales["zh-hans"]).save_revision().publish()
    return archive


def stored_entries(cache):
    """{key: stored bytes} of everything in a cache (LocMemCache keeps pickles in a dict; Redis is asked)."""
    if isinstance(cache, LocMemCache):
        return dict(cache._cache)
    client = cache._cache.get_client()
    return {key.decode(): client.get(key) or b"" for key in client.keys("*")}


def run_worker():
    """The real `db_worker` on every queue, until no task is ready, in this test's transaction. Between tasks the
    worker closes connections that are not in autocommit mode, which would close the test's own; it is kept open, as
    Django's test client does around requests. The signal handlers the worker installs are given back after."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        with mock.patch.object(db_worker, "close_old_connections", lambda: None):
            call_command(
                "db_worker", queue_name="*", batch=True, interval=0, startup_delay=False, reload=False, verbosity=0
            )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def replay(machine, *, examples, steps, randomize=False, shrink=True):
    """Plays a state machine's sequences as the replay tests do: no deadline or example database, a fixed seed
    unless `randomize`, and (unless not `shrink`) a failing sequence made as short as it goes."""
    run_state_machine_as_test(
        machine,
        settings=hypothesis_settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            derandomize=not randomize,
            database=None,
            phases=list(Phase) if shrink else [Phase.generate],
        ),
    )
