"""Webhook endpoints, the events sent to them and each delivery's attempts (see webhooks.events, .delivery)."""

import base64
import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

SECRET_PREFIX = "whsec_"  # noqa: S105 (the Standard Webhooks prefix, not a secret)


def new_secret():
    """A Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def new_event_id():
    return f"msg_{uuid.uuid4().hex}"


class EventType(models.TextChoices):
    PAGE_PUBLISHED = "page.published", _("Page published (by hand or on schedule)")
    PAGE_UNPUBLISHED = "page.unpublished", _("Page unpublished, expired or no longer public")
    PAGE_DELETED = "page.deleted", _("Page deleted")
    PAGE_MOVED = "page.moved", _("Page moved")
    SNIPPET_PUBLISHED = "snippet.published", _("Snippet published (by hand or on schedule)")
    SNIPPET_UNPUBLISHED = "snippet.unpublished", _("Snippet unpublished or expired")
    SNIPPET_DELETED = "snippet.deleted", _("Snippet deleted")


class Endpoint(models.Model):
    """A receiver of events, kept by Administrators (model permissions: no role is given them)."""

    url = models.URLField(_("URL"), max_length=500, help_text=_("An https:// address that accepts POST requests."))
    description = models.CharField(_("description"), max_length=200, blank=True)
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_("The receiver verifies each request's webhook-signature with it (Standard Webhooks)."),
    )
    events = models.JSONField(_("events"), default=list)
    locales = models.ManyToManyField(
        "wagtailcore.Locale", blank=True, related_name="+", verbose_name=_("languages"), help_text=_("None: all.")
    )
    content_types = models.ManyToManyField(
        "contenttypes.ContentType",
        blank=True,
        related_name="+",
        verbose_name=_("page and snippet types"),
        help_text=_("None: all."),
    )
    enabled = models.BooleanField(_("on"), default=True)
    # While failing: since when, how many attempts in a row, and when the next may be made.
    failing_since = models.DateTimeField(null=True, blank=True, editable=False)
    failures = models.PositiveIntegerField(default=0, editable=False)
    retry_at = models.DateTimeField(null=True, blank=True, editable=False)
    switched_off_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)  # a worker is sending to it

    class Meta:
        verbose_name = _("webhook endpoint")
        ordering = ["pk"]

    def __str__(self):
        return self.description or self.url


class Event(models.Model):
    """One change readers can see, as sent: its id (the webhook-id header, the same on every retry) and body."""

    event_id = models.CharField(max_length=40, unique=True, default=new_event_id)
    type = models.CharField(max_length=32, choices=EventType.choices)
    subject = models.CharField(max_length=100)  # the object, e.g. "page:12": deliveries keep its events in order
    created_at = models.DateTimeField()
    body = models.TextField()  # the JSON, exactly as signed

    def __str__(self):
        return f"{self.type} {self.subject} ({self.event_id})"


class Delivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Given up")

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["endpoint", "event"], name="one_delivery_per_endpoint_event")]
        indexes = [models.Index(fields=["endpoint", "state", "event"], name="delivery_queue")]

    def __str__(self):
        return f"{self.event} to {self.endpoint}: {self.state}"


class Attempt(models.Model):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempts")
    at = models.DateTimeField(db_index=True)
    status_code = models.PositiveIntegerField(null=True)  # none: no HTTP answer
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.delivery}: {self.status_code or self.error}"

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300
