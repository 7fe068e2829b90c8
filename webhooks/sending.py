"""Sends events on the task worker's `webhooks` queue, never in an editor's request, so that a slow or hung receiver
holds up neither editors nor the other endpoints nor the schedules (run on the default queue).

Each endpoint gets its events one at a time, in the order they happened (so in order per object too), signed as the
Standard Webhooks specification says, with the same webhook-id on every attempt. A failed attempt stops the
endpoint's queue and backs it off (RETRY_DELAYS); the next attempt is made with the oldest event, and once one
succeeds the rest follow. An event still failing when it is WEBHOOKS_RETRY_HOURS old is given up (with every other
one as old), and an endpoint failing for WEBHOOKS_SWITCH_OFF_DAYS is switched off, which staff see in the admin.
Attempts and finished events older than WEBHOOKS_KEEP_DAYS are deleted each time the sender runs."""

import datetime
import http.client
import logging
import time
from concurrent import futures

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from django_tasks import task
from standardwebhooks import Webhook

from .address import RefusedAddress, post
from .models import Attempt, Delivery, Endpoint, Event

logger = logging.getLogger(__name__)

RETRY_DELAYS = tuple(
    datetime.timedelta(seconds=seconds) for seconds in (5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600)
)  # then every 10 hours
BATCH = 50  # events sent to one endpoint in one run
GRACE = 0.25  # seconds a run waits for the endpoints' answers before leaving the slow ones to a later run
_senders = futures.ThreadPoolExecutor(max_workers=32, thread_name_prefix="webhooks")  # endpoints sent to at once
_in_flight = []  # ((endpoint, deliveries), future) of this process, until recorded
STATE_FIELDS = ["failing_since", "retry_at", "failures", "enabled", "switched_off_at"]


def wake_sender(moment=None):
    """Queues the sender (at once, or at `moment`), in the caller's transaction."""
    if not send_due.get_backend().supports_defer:
        logger.warning("Webhooks are not sent: the task backend has no worker (BACKGROUND_TASKS).")
        return
    send_due.using(run_after=moment).enqueue()


def retry_delay(failures):
    return RETRY_DELAYS[min(failures, len(RETRY_DELAYS)) - 1]


@task(queue_name="webhooks")
def send_due():
    """Sends each ready endpoint its waiting events, each endpoint in a thread of its own, and records what came back
    within GRACE; a slower endpoint's outcome is recorded by a later run (queued for when it must have finished), so
    that a receiver that hangs holds up the next events of the others by GRACE at most, once per back-off step.
    Queues itself again for the next retry. Returns what it recorded."""
    now = timezone.now()
    prune(now)
    for batch in filter(None, map(claim, waiting().filter(due(now)))):
        _in_flight.append((batch, _senders.submit(send_batch, batch)))  # HTTP only: recorded in this thread
    futures.wait([future for _batch, future in _in_flight], timeout=GRACE)
    recorded = record_finished()
    if _in_flight:
        wake_sender(timezone.now() + datetime.timedelta(seconds=settings.WEBHOOKS_TIMEOUT + GRACE))
    plan_next()
    return recorded


def record_finished():
    """Records the batches whose sending has finished; returns the counts of attempts that succeeded and failed."""
    counts = {"delivered": 0, "failed": 0}
    for item in [item for item in _in_flight if item[1].done()]:
        _in_flight.remove(item)
        (endpoint, deliveries), attempts = item[0], item[1].result()
        counts["delivered"] += sum(attempt.succeeded for attempt in attempts)
        counts["failed"] += sum(not attempt.succeeded for attempt in attempts)
        record(endpoint, deliveries, attempts)
    return counts


def claim(endpoint):
    """(endpoint, its oldest waiting deliveries) if this worker took the endpoint (for as long as sending them may
    take), else None: two workers never send to one endpoint at once, which would break the order."""
    deliveries = list(
        endpoint.deliveries.filter(state=Delivery.State.PENDING).select_related("event").order_by("event_id")[:BATCH]
    )
    now = timezone.now()
    lease = now + datetime.timedelta(seconds=len(deliveries) * settings.WEBHOOKS_TIMEOUT + 60)
    if not deliveries or not Endpoint.objects.filter(unclaimed(now), pk=endpoint.pk).update(claimed_until=lease):
        return None
    return endpoint, deliveries


def send_batch(batch):
    """Attempts (unsaved) for the deliveries in order, stopping at the first that fails."""
    endpoint, deliveries = batch
    attempts = []
    for delivery in deliveries:
        attempt = send(endpoint, delivery)
        attempts.append(attempt)
        if not attempt.succeeded:
            break
    return attempts


def send(endpoint, delivery):
    event, at = delivery.event, timezone.now()
    body = event.body.encode()
    headers = {
        "content-type": "application/json",
        "user-agent": "cms-webhooks/1",
        "webhook-id": event.event_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(endpoint.secret).sign(event.event_id, at, body),
    }
    started = time.monotonic()
    status, error = None, ""
    try:
        status = post(endpoint.url, body, headers, settings.WEBHOOKS_TIMEOUT)
        if not 200 <= status < 300:
            error = f"HTTP {status}"
    except RefusedAddress as refused:
        error = str(refused)
    except (OSError, http.client.HTTPException) as problem:
        error = f"{type(problem).__name__}: {problem}" if str(problem) else type(problem).__name__
    duration = round((time.monotonic() - started) * 1000)
    return Attempt(delivery=delivery, at=at, status_code=status, error=error[:300], duration_ms=duration)


def record(endpoint, deliveries, attempts):
    """Saves the attempts and what follows: deliveries done, the endpoint's back-off, given-up events, switch-off."""
    now = timezone.now()
    stored = Delivery.objects.filter(pk__in=[delivery.pk for delivery in deliveries])
    existing = set(stored.values_list("pk", "event__event_id"))
    attempts = [attempt for attempt in attempts if (attempt.delivery.pk, attempt.delivery.event.event_id) in existing]
    if not attempts:
        return  # the endpoint, or its events, deleted while they were being sent
    with transaction.atomic():
        Attempt.objects.bulk_create(attempts)
        done = [attempt.delivery.pk for attempt in attempts if attempt.succeeded]
        Delivery.objects.filter(pk__in=done).update(state=Delivery.State.DELIVERED)
        endpoint.refresh_from_db()
        endpoint.claimed_until = None
        if not attempts[-1].succeeded:
            fail(endpoint, attempts[-1], now)
        else:
            endpoint.failing_since = endpoint.retry_at = None
            endpoint.failures = 0
        endpoint.save(update_fields=[*STATE_FIELDS, "claimed_until"])


def fail(endpoint, attempt, now):
    endpoint.failures += 1
    endpoint.failing_since = endpoint.failing_since or attempt.at
    endpoint.retry_at = now + retry_delay(endpoint.failures)
    too_old = now - datetime.timedelta(hours=settings.WEBHOOKS_RETRY_HOURS)
    if attempt.delivery.event.created_at <= too_old:
        endpoint.deliveries.filter(state=Delivery.State.PENDING, event__created_at__lte=too_old).update(
            state=Delivery.State.FAILED
        )
    if endpoint.failing_since <= now - datetime.timedelta(days=settings.WEBHOOKS_SWITCH_OFF_DAYS):
        endpoint.enabled, endpoint.switched_off_at = False, now
        logger.warning("Webhook endpoint %s switched off: failing since %s", endpoint.url, endpoint.failing_since)


def waiting():
    """The endpoints switched on that have events to send."""
    return Endpoint.objects.filter(enabled=True, deliveries__state=Delivery.State.PENDING).distinct()


def due(now):
    """Endpoints not backing off after a failure."""
    return Q(retry_at__isnull=True) | Q(retry_at__lte=now)


def unclaimed(now):
    """Endpoints no worker is sending to."""
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def plan_next():
    """Wakes the sender again at the next retry, and at once while endpoints still have events waiting."""
    now = timezone.now()
    if waiting().filter(due(now)).filter(unclaimed(now)).exists():
        wake_sender()
    later = waiting().filter(retry_at__gt=now).order_by("retry_at").values_list("retry_at", flat=True).first()
    if later:
        wake_sender(later)


def prune(now):
    cutoff = now - datetime.timedelta(days=settings.WEBHOOKS_KEEP_DAYS)
    Attempt.objects.filter(at__lt=cutoff).delete()
    Event.objects.filter(created_at__lt=cutoff).exclude(deliveries__state=Delivery.State.PENDING).delete()
