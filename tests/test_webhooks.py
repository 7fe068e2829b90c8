"""Signed webhooks (webhooks/): one event per change readers can see, sent by the task worker to real HTTP receivers
started here, verified with the standardwebhooks package, retried in order until taken, and never for what readers
cannot see."""

import datetime
import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from delivery.changes import current
from resources.snippets import Topic
from webhooks.models import Attempt, Delivery, Endpoint, Event, EventType
from webhooks.sending import wake_sender

from .factories import publish_article
from .helpers import chinese_translation, english_article, run_worker

pytestmark = pytest.mark.django_db


def endpoint_for(receiver, events=tuple(EventType.values), **filters):
    endpoint = Endpoint.objects.create(url=receiver.url, events=list(events))
    for name, values in filters.items():
        getattr(endpoint, name).set(values)
    return endpoint


def due_now(endpoint):
    """As if its back-off had run out: the next run retries it."""
    Endpoint.objects.filter(pk=endpoint.pk).update(retry_at=timezone.now())
    wake_sender()


def test_a_publish_sends_one_signed_event_that_says_what_changed(receivers):
    receiver = receivers()
    endpoint = endpoint_for(receiver)
    article = publish_article("Water week in Qinhuangdao")
    published_at_version = current()[0]  # the engine's index update, run by the worker, moves it on again
    assert receiver.received == []  # not in the editor's request: the worker sends it
    run_worker()

    [event] = receiver.verified(endpoint.secret)
    assert event["type"] == "page.published" and event["scheduled"] is False
    assert event["id"] == receiver.accepted()[0].event_id
    assert event["content_version"] == published_at_version
    assert event["data"] == {
        "kind": "page",
        "id": article.pk,
        "type": "news.NewsArticlePage",
        "locale": "en",
        "url": article.get_full_url(),
        "api_url": f"{article.get_site().root_url}/api/v2/pages/{article.pk}/",
        "translation_of": None,
    }
    tampered = dict(receiver.accepted()[0].headers, **{"webhook-id": "msg_other"})
    with pytest.raises(WebhookVerificationError, match="signature"):
        Webhook(endpoint.secret).verify(receiver.accepted()[0].body, tampered)


def test_a_translation_names_its_source_and_endpoints_get_only_the_languages_and_types_they_chose(receivers):
    everything, chinese_news, topics = receivers(), receivers(), receivers()
    endpoint_for(everything)
    zh = Locale.objects.get(language_code="zh-hans")
    endpoint_for(chinese_news, locales=[zh], content_types=[english_article().content_type])
    endpoint_for(topics, content_types=[ContentType.objects.get_for_model(Topic)])
    english = english_article()
    chinese = chinese_translation(english)
    chinese.save_revision().publish()
    english.save_revision().publish()
    topic = Topic.objects.filter(locale=zh, live=True).first()
    topic.save_revision().publish()
    run_worker()

    subjects = [(item.event["data"]["kind"], item.event["data"]["id"]) for item in everything.accepted()]
    assert subjects == [("page", chinese.pk), ("page", english.pk), ("snippet", topic.pk)]
    [news] = [item.event["data"] for item in chinese_news.accepted()]
    assert news["id"] == chinese.pk and news["locale"] == "zh-hans" and news["translation_of"] == english.pk
    [snippet] = [item.event for item in topics.accepted()]
    assert snippet["type"] == "snippet.published"
    assert snippet["data"]["type"] == "resources.Topic" and snippet["data"]["url"] is None


def test_drafts_previews_scheduled_revisions_and_restricted_pages_send_nothing(receivers, client):
    receiver = receivers()
    endpoint_for(receiver)
    article = english_article()
    article.title = "A draft headline"
    article.save_revision()  # a draft
    hidden = publish_article("Members only", publish=False)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    hidden.save_revision().publish()  # published, but readers cannot see it
    later = publish_article("Next week", publish=False)
    later.go_live_at = timezone.now() + datetime.timedelta(days=7)
    later.save_revision().publish()  # scheduled
    run_worker()
    assert receiver.received == []


def test_unpublish_move_restriction_and_delete_each_send_their_event(receivers):
    receiver = receivers()
    endpoint = endpoint_for(receiver)
    first, second = publish_article("Tree planting"), publish_article("River clean-up")
    third = publish_article("Bike repair day")
    run_worker()
    receiver.received.clear()

    first.unpublish()
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    newsroom = third.get_parent()
    third.move(newsroom.get_parent(), pos="last-child")
    third.refresh_from_db()
    Delivery.objects.all().delete()  # only what follows the deletion
    third.delete()
    run_worker()

    got = [(item["type"], item["data"]["id"]) for item in receiver.verified(endpoint.secret)]
    assert got == [("page.deleted", third.pk)]
    events = [(event.type, event.subject) for event in Event.objects.all()]
    assert ("page.unpublished", f"page:news.NewsArticlePage:{first.pk}") in events
    assert ("page.unpublished", f"page:news.NewsArticlePage:{second.pk}") in events
    assert ("page.moved", f"page:news.NewsArticlePage:{third.pk}") in events


def test_a_page_copied_live_is_announced_as_published(receivers):
    receiver = receivers()
    endpoint_for(receiver)
    original = english_article()
    copy = original.copy(update_attrs={"slug": "copied-article", "title": "Copied article"}, keep_live=True)
    run_worker()
    [event] = [item.event for item in receiver.accepted()]
    assert (event["type"], event["data"]["id"], event["data"]["url"]) == ("page.published", copy.pk, copy.full_url)


def test_a_receiver_down_then_failing_then_back_gets_every_event_once_in_order(receivers):
    receiver = receivers(status=500)
    endpoint = endpoint_for(receiver)
    receiver.stop()  # down: nothing listens on its port
    articles = [publish_article(f"Water saving tip {n}") for n in range(3)]
    articles[0].save_revision().publish()  # a second event about the first page
    run_worker()
    endpoint.refresh_from_db()
    assert endpoint.failures == 1 and endpoint.retry_at > timezone.now()
    [refused] = Attempt.objects.all()
    assert refused.status_code is None and "Connection" in refused.error

    back = receivers(status=500)  # up again on a new port, answering 500
    Endpoint.objects.filter(pk=endpoint.pk).update(url=back.url)
    due_now(endpoint)
    run_worker()
    assert [item.answered for item in back.received] == [500]  # one probe, no storm
    endpoint.refresh_from_db()
    assert endpoint.failures == 2 and endpoint.retry_at - timezone.now() > datetime.timedelta(minutes=4)

    back.status = 204
    due_now(endpoint)
    run_worker()
    ids = [item.event_id for item in back.accepted()]
    assert len(ids) == len(set(ids)) == 4
    assert back.received[0].event_id == back.received[1].event_id  # the retry kept its id
    subjects = [item.event["data"]["id"] for item in back.accepted()]
    assert subjects == [articles[0].pk, articles[1].pk, articles[2].pk, articles[0].pk]
    assert not Delivery.objects.exclude(state=Delivery.State.DELIVERED).exists()
    endpoint.refresh_from_db()
    assert endpoint.failures == 0 and endpoint.failing_since is None


def test_a_hung_receiver_delays_neither_the_editor_nor_other_receivers(receivers):
    hung, healthy = receivers(hang=3), receivers()
    endpoint_for(hung), endpoint_for(healthy)
    publish_article("Low carbon commute")
    assert hung.received == [] and healthy.received == []  # the publish did not wait for anyone
    run_worker()
    assert len(healthy.accepted()) == 1 and len(hung.received) == 1
    assert Attempt.objects.filter(delivery__endpoint__url=healthy.url, status_code=204).exists()
    assert not Attempt.objects.filter(delivery__endpoint__url=hung.url).exists()  # still waiting for it

    second = publish_article("Low carbon commute, part two")
    run_worker()  # while the first receiver still hangs
    assert [item.event["data"]["id"] for item in healthy.accepted()][-1] == second.pk
    time.sleep(settings.WEBHOOKS_TIMEOUT + 0.5)
    run_worker()
    [timed_out] = Attempt.objects.filter(delivery__endpoint__url=hung.url)
    assert timed_out.status_code is None and "timed out" in timed_out.error


def test_a_scheduled_publish_and_expiry_send_their_events_at_their_times(receivers):
    receiver = receivers()
    endpoint_for(receiver)
    article = publish_article("Green consumption fair", publish=False)
    start = timezone.now()
    article.go_live_at = start + datetime.timedelta(seconds=1)
    article.expire_at = start + datetime.timedelta(seconds=2)
    article.save_revision().publish()
    run_worker()
    assert receiver.received == []
    for moment, expected in ((article.go_live_at, "page.published"), (article.expire_at, "page.unpublished")):
        time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.1)
        run_worker()
        event = receiver.accepted()[-1].event
        assert (event["type"], event["scheduled"], event["data"]["id"]) == (expected, True, article.pk)
    assert len(receiver.accepted()) == 2


@override_settings(WEBHOOKS_ALLOW_PRIVATE=False)
def test_private_addresses_and_redirects_are_refused(receivers):
    receiver = receivers(status=204)
    endpoint = endpoint_for(receiver)  # saved while allowed, then the setting was turned off
    publish_article("Reduce waste market")
    run_worker()
    assert receiver.received == []
    assert "127.0.0.1, which is not a public address" in Attempt.objects.get().error

    with override_settings(WEBHOOKS_ALLOW_PRIVATE=True):
        receiver.status, receiver.location = 302, "/elsewhere"
        due_now(endpoint)
        run_worker()
    assert [item.path for item in receiver.received] == ["/hooks/cms"]  # the redirect was not followed
    assert Attempt.objects.filter(status_code=302).exists()


def test_an_old_failing_event_is_given_up_and_an_endpoint_failing_for_days_is_switched_off(receivers, staff_client):
    receiver = receivers(status=500)
    endpoint = endpoint_for(receiver)
    publish_article("Water conservation week")
    Endpoint.objects.filter(pk=endpoint.pk).update(failing_since=timezone.now() - datetime.timedelta(days=6))
    delivery = Delivery.objects.get()
    Event.objects.update(created_at=timezone.now() - datetime.timedelta(hours=29))
    run_worker()
    delivery.refresh_from_db()
    endpoint.refresh_from_db()
    assert delivery.state == Delivery.State.FAILED
    assert not endpoint.enabled and endpoint.switched_off_at is not None

    dashboard = staff_client("admin").get("/admin/").content.decode()
    assert "Webhook endpoints switched off" in dashboard and receiver.url in dashboard
    assert "Webhook endpoints switched off" not in staff_client("editor").get("/admin/").content.decode()
