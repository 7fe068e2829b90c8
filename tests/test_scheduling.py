"""Scheduled publishing runs by itself (scheduling/): the task worker carries out a go-live or an expiry at its
time, for pages and snippets in either language, and readers get the page on every surface from that moment and
not before, through the response cache too; a schedule changed, cancelled or missed while the worker was down is
honoured."""

import datetime
import time

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale

import pytest
from django_tasks_db.models import DBTaskResult

from news.models import NewsArticlePage
from resources.snippets import Organization

from .factories import publish_article
from .helpers import api, items, run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_tasks")]


def soon(seconds):
    return timezone.now() + datetime.timedelta(seconds=seconds)


def wait_until(moment):
    time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.05)


def schedule(item, go_live_at=None, expire_at=None):
    """Publishes the item's draft with this schedule, as the editor's Publish with "Set schedule" does."""
    item.go_live_at, item.expire_at = go_live_at, expire_at
    item.save_revision().publish()
    return item


def seen_by_readers(client, page):
    """What each surface gives readers of the page: its URL, its API detail, the API listing, search and sync."""
    language = page.locale.language_code
    listed = {item["id"] for item in items(client, locale=language, limit=100)}
    found = {item["id"] for item in api(client, "/api/v2/search/", q=page.title, locale=language).json()["items"]}
    synced = api(client, "/api/v2/sync/", locale=language).json()["items"]
    return {
        "html": client.get(page.url).status_code == 200,
        "detail": api(client, f"/api/v2/pages/{page.pk}/").status_code == 200,
        "listing": page.pk in listed,
        "search": page.pk in found,
        "sync": {"kind": "page", "id": page.pk} in [{"kind": item["kind"], "id": item["id"]} for item in synced],
    }


NOWHERE = dict.fromkeys(("html", "detail", "listing", "search", "sync"), False)
EVERYWHERE = dict.fromkeys(NOWHERE, True)


def test_a_page_scheduled_ahead_reaches_readers_at_its_time_and_not_before(client):
    """The worker, down when the time came, carries the schedule out as it starts."""
    article = publish_article("Solar kettles in Lhasa", "Boiled by the sun.", publish=False)
    go_live = soon(2)
    schedule(article, go_live_at=go_live)
    assert DBTaskResult.objects.filter(run_after=go_live).exists()
    items(client, locale="en", limit=100)  # the listing before, kept by the response cache
    run_worker()
    article.refresh_from_db()
    assert not article.live and seen_by_readers(client, article) == NOWHERE

    wait_until(go_live)
    run_worker()
    article.refresh_from_db()
    assert article.live and seen_by_readers(client, article) == EVERYWHERE


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_expired_page_is_gone_from_its_time_even_before_the_worker_unpublishes_it(client, language):
    article = NewsArticlePage.objects.filter(locale__language_code=language).live().first()
    expiry = soon(2)
    schedule(article, expire_at=expiry)
    assert seen_by_readers(client, article) == EVERYWHERE
    token = api(client, "/api/v2/sync/", locale=language).json()["next_sync_token"]
    api(client, "/api/v2/pages/", locale=language, limit=100)  # stored the second time a query string is asked
    listing = api(client, "/api/v2/pages/", locale=language, limit=100)
    assert listing["X-Cache"] == "hit"  # kept by the response cache, and by proxies until the expiry at most
    assert 0 <= int(listing["Cache-Control"].split("max-age=")[1]) <= 2

    wait_until(expiry)
    assert seen_by_readers(client, article) == NOWHERE  # the worker has not run yet
    run_worker()
    article.refresh_from_db()
    assert (article.live, article.expired) == (False, True)
    assert seen_by_readers(client, article) == NOWHERE
    delta = api(client, "/api/v2/sync/", token=token).json()
    assert {"kind": "page", "id": article.pk} in delta["removed"]  # an app that had the page is told


def test_a_changed_or_cancelled_schedule_is_honoured(admin_client):
    moved = publish_article("Bike lanes in Hefei", publish=False)
    cancelled = publish_article("Bike sheds in Wuhu", publish=False)
    first = soon(1)
    schedule(moved, go_live_at=first)
    schedule(moved, go_live_at=soon(3600))  # moved an hour later
    schedule(cancelled, go_live_at=first)
    revision = cancelled.revisions.get(approved_go_live_at__isnull=False)
    url = reverse("wagtailadmin_pages:revisions_unschedule", args=[cancelled.pk, revision.pk])
    assert admin_client.post(url).status_code == 302

    wait_until(first)
    run_worker()
    moved.refresh_from_db()
    cancelled.refresh_from_db()
    assert not moved.live and not cancelled.live
    assert moved.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at > soon(3000)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_snippets_go_live_and_expire_on_schedule_in_either_language(client, language):
    organization = Organization.objects.filter(locale=Locale.objects.get(language_code=language)).first()
    later = Organization.objects.create(name="Green Lantern Fund", locale=organization.locale, live=False)
    go_live, expiry = soon(1), soon(2)
    schedule(later, go_live_at=go_live)
    schedule(organization, expire_at=expiry)
    wait_until(expiry)
    run_worker()
    later.refresh_from_db()
    organization.refresh_from_db()
    assert later.live and not organization.live and organization.expired


def test_staff_see_each_languages_schedule_in_one_view(admin_client):
    english = NewsArticlePage.objects.filter(locale__language_code="en").live().first()
    chinese = english.get_translation(Locale.objects.get(language_code="zh-hans"))
    schedule(english, expire_at=soon(7200))
    schedule(chinese, go_live_at=soon(3600))
    organization = Organization.objects.filter(locale__language_code="en").first()
    schedule(organization, expire_at=soon(600))

    page = admin_client.get(reverse("scheduled_publishing")).content.decode()
    rows = page.split("<tbody>")[1].split("</tr>")
    assert str(organization) in rows[0]  # soonest first
    article = next(row for row in rows if escape(english.title) in row)
    assert chinese.title in article  # one row, a column per language
    zh_cell = article.split('data-language="zh-hans"')[1]
    assert "Goes live" in zh_cell and "Expires" not in zh_cell
    assert "Expires" in article.split('data-language="en"')[1].split("data-language")[0]
    assert reverse("wagtailadmin_pages:edit", args=[chinese.pk]) in zh_cell
