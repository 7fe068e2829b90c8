"""Webhooks in the admin: Administrators register endpoints (refused for addresses inside the network), read each
endpoint's delivery log and redeliver an event; other staff cannot. Snippet events, and pruning the log."""

import datetime

from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

import pytest

from resources.snippets import Topic
from webhooks.models import Attempt, Endpoint, Event, EventType
from webhooks.sending import prune

from .helpers import messages_of, run_worker

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def receiver(receivers):
    return receivers()


def register(client, url, **fields):
    data = {"url": url, "description": "Mobile app", "events": list(EventType.values), "enabled": "on", **fields}
    data.setdefault("secret", "whsec_" + "A" * 44)
    return client.post(reverse("webhooks:add"), data)


@override_settings(WEBHOOKS_ALLOW_PRIVATE=False)
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:9/hook", "127.0.0.1, which is not a public address"),
        ("http://localhost/hook", "which is not a public address"),
        ("http://10.1.2.3/hook", "10.1.2.3, which is not a public address"),
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254, which is not a public address"),
        ("http://[::1]/hook", "::1, which is not a public address"),
        ("http://[::ffff:192.168.0.1]/hook", "which is not a public address"),
        ("https://no-such-host.invalid/hook", "cannot be resolved"),
        ("ftp://example.org/hook", "Enter an http:// or https:// URL."),
    ],
)
def test_an_endpoint_inside_the_network_is_refused_with_its_reason(staff_client, url, message):
    response = register(staff_client("admin"), url)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Endpoint.objects.exists()


def test_an_administrator_registers_an_endpoint_and_other_staff_cannot(staff_client, receiver):
    response = register(staff_client("admin"), receiver.url)
    assert response.status_code == 302
    endpoint = Endpoint.objects.get()
    assert endpoint.url == receiver.url and endpoint.enabled and endpoint.events == list(EventType.values)
    assert endpoint.secret.startswith("whsec_")
    assert Endpoint().secret != Endpoint().secret  # a new random secret is offered for each

    for role in ("editor", "moderator", "reviewer"):
        client = staff_client(role)
        for url in (reverse("webhooks:index"), reverse("webhooks:deliveries", args=[endpoint.pk])):
            assert client.get(url).status_code in (302, 403), (role, url)
        assert register(client, receiver.url).status_code in (302, 403)
    assert Endpoint.objects.count() == 1


def test_the_delivery_log_shows_each_attempt_and_redeliver_sends_the_same_event_again(staff_client, receiver):
    admin = staff_client("admin")
    register(admin, receiver.url)
    endpoint = Endpoint.objects.get()
    topic = Topic.objects.filter(live=True, locale=Locale.get_default()).first()
    topic.save_revision().publish()
    run_worker()
    log = admin.get(reverse("webhooks:deliveries", args=[endpoint.pk])).content.decode()
    [event] = Event.objects.all()
    assert event.event_id in log and 'data-status="204"' in log and "snippet.published" in log

    [delivery] = endpoint.deliveries.all()
    response = admin.post(reverse("webhooks:redeliver", args=[endpoint.pk, delivery.pk]))
    assert response.status_code == 302 and f"{event.event_id} will be sent again." in messages_of(response)
    run_worker()
    assert [item.event_id for item in receiver.accepted()] == [event.event_id, event.event_id]
    assert Attempt.objects.filter(delivery=delivery).count() == 2
    assert admin.get(reverse("webhooks:redeliver", args=[endpoint.pk, delivery.pk])).status_code == 405


def test_snippets_unpublished_and_deleted_send_their_events(receiver):
    Endpoint.objects.create(url=receiver.url, events=list(EventType.values))
    topic = Topic.objects.filter(live=True, locale=Locale.get_default()).first()
    pk = topic.pk
    topic.unpublish()
    topic.save_revision().publish()
    topic.delete()
    run_worker()
    got = [(item.event["type"], item.event["data"]["id"]) for item in receiver.accepted()]
    assert got == [("snippet.unpublished", pk), ("snippet.published", pk), ("snippet.deleted", pk)]


def test_the_log_keeps_attempts_and_finished_events_for_the_days_set(receiver):
    Endpoint.objects.create(url=receiver.url, events=[EventType.SNIPPET_PUBLISHED])
    Topic.objects.filter(live=True).first().save_revision().publish()
    run_worker()
    prune(timezone.now() + datetime.timedelta(days=settings.WEBHOOKS_KEEP_DAYS - 1))
    assert Attempt.objects.count() == Event.objects.count() == 1
    prune(timezone.now() + datetime.timedelta(days=settings.WEBHOOKS_KEEP_DAYS + 1))
    assert Attempt.objects.count() == Event.objects.count() == 0
