"""A translation batch: many pages and snippets submitted for translation into one language at once, worked through
together (machine translation, XLIFF for an agency, review item by item) and published together."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MachineState(models.TextChoices):
    IDLE = "idle", _("Not started")
    QUEUED = "queued", _("Waiting for the worker")
    RUNNING = "running", _("Translating")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Batch(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    due_date = models.DateField(_("due date"))
    target_locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    memory_filled = models.PositiveIntegerField(default=0)  # strings the translation memory filled on submitting
    machine_state = models.CharField(max_length=10, choices=MachineState.choices, default=MachineState.IDLE)
    machine_total = models.PositiveIntegerField(default=0)  # strings to machine-translate when it was started
    machine_done = models.PositiveIntegerField(default=0)
    machine_error = models.TextField(blank=True)

    class Meta:
        ordering = ["due_date", "-created_at"]
        verbose_name = _("translation batch")
        verbose_name_plural = _("translation batches")

    def __str__(self):
        return self.name


class BatchItem(models.Model):
    """One translation of the batch, with the reviewer's approval of it: the strings' digest when approved (and for
    a page, the submitted revision), which publishing the batch checks are still what is there."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="items")
    translation = models.ForeignKey("wagtail_localize.Translation", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)
    approved_digest = models.CharField(max_length=64, blank=True)
    approved_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["batch", "translation"], name="one_item_per_translation")]

    def __str__(self):
        return f"{self.batch}: {self.translation}"
