"""Delta sync for the mobile apps (/api/v2/sync/): the initial sync is the public site in each language, a delta
brings exactly what changed and what left, tokens are checked, and a delta costs the same few queries whatever
the site's size (random sequences of changes: test_sync_replay.py; concurrent writers: test_sync_concurrency.py)."""

import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, PageViewRestriction

import pytest

from api.sync import Position
from delivery.change_record import record_existing_content
from delivery.models import ChangeRecord
from news.models import NewsArticlePage, NewsIndexPage

from .factories import make_document, make_image, private_collection, publish_article
from .helpers import SyncedApp, chinese_translation, english_article, public_set, save_bookkeeping, synced_set

pytestmark = pytest.mark.django_db


def ids(entries, kind="page"):
    return {entry["id"] for entry in entries if entry["kind"] == kind}


@pytest.mark.parametrize("locale", ["en", "zh-hans", None])
def test_the_initial_sync_is_the_public_site_in_pages(client, locale):
    app = SyncedApp(client, locale, limit=7)
    app.sync()
    assert synced_set(app) == public_set(client, locale)
    assert {item["locale"] for item in app.items.values() if item["kind"] == "page"} <= {locale or "en", "zh-hans"}
    assert all(item["changed_at"] and item["detail_url"].startswith("http://") for item in app.items.values())


def test_a_delta_brings_what_was_published_changed_moved_or_translated(client):
    app, chinese_app = SyncedApp(client, "en"), SyncedApp(client, "zh-hans")
    app.sync(), chinese_app.sync()
    assert app.sync() == ([], [])

    new = publish_article("Rain barrels for every courtyard")
    changed = english_article()
    changed.title = "A new headline"
    changed.save_revision().publish()
    moved = NewsArticlePage.objects.filter(locale__language_code="en").exclude(pk__in=[new.pk, changed.pk]).first()
    moved.move(moved.get_parent().get_parent(), "last-child")
    items, removed = app.sync()
    assert ids(items) == {new.pk, changed.pk, moved.pk} and removed == []
    assert app.items[("page", changed.pk)]["title"] == "A new headline"
    assert app.items[("page", moved.pk)]["html_url"].endswith(f"/en/{moved.slug}/")

    translation = new.copy_for_translation(chinese_app_locale(), copy_parents=True)
    translation.save_revision().publish()
    items, removed = chinese_app.sync()
    assert ids(items) == {translation.pk} and removed == []
    assert synced_set(app) == public_set(client, "en") and synced_set(chinese_app) == public_set(client, "zh-hans")


def chinese_app_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="zh-hans")


def test_a_delta_lists_apart_what_left_the_public_site(client):
    app = SyncedApp(client)
    app.sync()
    unpublished, deleted = NewsArticlePage.objects.filter(locale__language_code="en")[:2]
    unpublished.unpublish()
    deleted.delete()
    newsroom = NewsIndexPage.objects.get(locale__language_code="zh-hans")
    PageViewRestriction.objects.create(page=newsroom, restriction_type="login")
    image = make_image("Volunteers")
    document = make_document("Annual deck")
    items, removed = app.sync()
    restricted = set(newsroom.get_descendants(inclusive=True).values_list("pk", flat=True))
    assert ids(items, "image") == {image.pk} and ids(items, "document") == {document.pk} and not ids(items)
    assert ids(removed) == {unpublished.pk, deleted.pk} | restricted

    image.collection = private_collection()
    image.save()
    document_id = document.pk
    document.delete()
    assert app.sync() == ([], [{"kind": "image", "id": image.pk}, {"kind": "document", "id": document_id}])
    assert synced_set(app) == public_set(client)

    PageViewRestriction.objects.filter(page=newsroom).delete()
    assert ids(app.sync()[0]) == restricted


def test_a_renamed_section_brings_the_new_urls_of_the_pages_under_it(client):
    app = SyncedApp(client, "en")
    app.sync()
    newsroom = NewsIndexPage.objects.get(locale__language_code="en")
    newsroom.slug = "newsroom"
    newsroom.save_revision().publish()
    items, _removed = app.sync()
    assert ids(items) == set(newsroom.get_descendants(inclusive=True).live().values_list("pk", flat=True))
    assert synced_set(app) == public_set(client, "en")


def test_drafts_locks_and_file_sizes_change_nothing(client):
    app = SyncedApp(client)
    app.sync()
    article = english_article()
    save_bookkeeping(article)
    article.specific.save_revision(changed=False)
    make_document("Board minutes", private_collection()).delete()  # never public: no record, not even a removal
    assert app.sync() == ([], [])


def test_a_collection_moved_under_a_private_one_takes_its_files_with_it(client, django_capture_on_commit_callbacks):
    public = Collection.get_first_root_node().add_child(name="Field photos")
    image = make_image("Field photo", public)
    app = SyncedApp(client)
    app.sync()
    board_papers = private_collection()
    public = Collection.objects.get(pk=public.pk)
    with django_capture_on_commit_callbacks(execute=True):  # as the admin does: saved, then moved
        public.save()
        public.move(board_papers, "sorted-child")
    assert app.sync() == ([], [{"kind": "image", "id": image.pk}])


def test_an_unchanged_site_answers_a_delta_with_304(client):
    app = SyncedApp(client, "zh-hans")
    app.sync()
    first = client.get("/api/v2/sync/", {"token": app.token})
    assert first["Cache-Control"] == "public, max-age=0"
    assert client.get("/api/v2/sync/", {"token": app.token}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    article = chinese_translation(english_article())
    article.save_revision().publish()
    again = client.get("/api/v2/sync/", {"token": app.token}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and ids(again.json()["items"]) == {article.pk}


@pytest.mark.parametrize(
    ("params", "status", "code", "message"),
    [
        ({"token": "garbage"}, 400, "invalid_sync_token", "not a sync token"),
        ({"token": Position("en", 3).sign()[:-3] + "abc"}, 400, "invalid_sync_token", "not a sync token"),
        ({"token": Position("en", 3).sign(), "locale": "en"}, 400, "invalid_parameter", "not both"),
        ({"locale": "fr"}, 400, "invalid_parameter", "Unknown locale 'fr'; use one of: en, zh-hans."),
        ({"locale": ""}, 400, "empty_parameter", "Empty parameter"),
        ({"limit": "0"}, 400, "invalid_parameter", "limit must be"),
        ({"limit": "501"}, 400, "invalid_parameter", "limit must be"),
        ({"since": "1"}, 400, "unknown_parameter", "Unknown parameter"),
        ({"token": Position("en", 10**12).sign()}, 410, "sync_restart", "sync again"),
        ({"token": Position("fr", 1).sign()}, 410, "sync_restart", "sync again"),
    ],
)
def test_bad_requests_are_explained(client, params, status, code, message):
    response = client.get("/api/v2/sync/", params)
    assert response.status_code == status
    assert response.json()["code"] == code
    assert message in response.json()["message"]


def test_a_delta_costs_the_same_queries_whatever_it_brings(client):
    def queries_for_a_delta(articles):
        app = SyncedApp(client, "en", limit=500)
        app.sync()
        for number in range(articles):
            publish_article(f"Delta article {articles} {number}", slug=f"delta-{articles}-{number}")
        make_image(f"Delta image {articles}").delete()
        with CaptureQueriesContext(connection) as queries:
            items, _removed = app.sync()
        assert len(ids(items)) == articles
        return len(queries)

    assert queries_for_a_delta(2) == queries_for_a_delta(40)


def test_the_record_says_when_each_item_changed_in_commit_order(client):
    first = publish_article("First of two")
    second = publish_article("Second of two")
    records = ChangeRecord.objects.filter(kind="page", object_id__in=[first.pk, second.pk]).order_by("sequence")
    assert [record.object_id for record in records] == [first.pk, second.pk]


def test_a_site_with_content_from_before_the_record_gets_one(client):
    ChangeRecord.objects.all().delete()
    record_existing_content()
    app = SyncedApp(client, limit=500)
    app.sync()
    assert synced_set(app) == public_set(client)


def test_a_change_made_around_the_models_reaches_apps_after_record_public_content(client):
    app = SyncedApp(client, limit=500)
    app.sync()
    NewsArticlePage.objects.filter(pk=english_article().pk).update(title="Changed by a script")
    assert app.sync() == ([], [])
    call_command("record_public_content", stdout=io.StringIO())
    items, removed = app.sync()
    assert len(items) == len(public_set(client)) and removed == []
    assert app.items[("page", english_article().pk)]["title"] == "Changed by a script"


def test_pages_showing_a_changed_topic_or_image_come_again(client):
    article = NewsArticlePage.objects.live().filter(lead_image__isnull=False, topic_links__isnull=False).first()
    app = SyncedApp(client, limit=500)
    app.sync()
    image = article.lead_image
    image.title = "A new caption"
    image.save()
    items, removed = app.sync()
    assert ("image", image.pk) in {(item["kind"], item["id"]) for item in items} and removed == []
    assert article.pk in ids(items)

    topic = article.topic_links.first().topic
    topic.name = "Renamed topic"
    topic.save()
    items, _removed = app.sync()
    assert article.pk in ids(items)
