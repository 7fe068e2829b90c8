from django.db import models


class ContentVersion(models.Model):
    """One row: a number that every change to what readers can see advances, in the same transaction as the
    change. Conditional requests and the shared response cache are keyed by it, so a publish is visible at once
    and a cached response is never served after the content it was built from changed."""

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"content version {self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class ChangeRecord(models.Model):
    """The last change to each page, image or document readers have been able to see: whether they may see it
    now, and the content version of the change. The sync endpoint reads it for deltas: a record newer than a
    client's token is an item to fetch again (when public) or to drop (when not). Only objects that were public
    at some point get a record, so a draft or private item never shows up, not even as an id to remove."""

    class Kind(models.TextChoices):
        PAGE = "page"
        IMAGE = "image"
        DOCUMENT = "document"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    locale = models.ForeignKey(
        "wagtailcore.Locale", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )  # pages only: images and documents belong to every language
    public = models.BooleanField()
    sequence = models.BigIntegerField()  # the content version that made the change
    changed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_change_record_per_object")]
        indexes = [models.Index(fields=["sequence", "id"], name="change_record_order")]

    def __str__(self):
        state = "public" if self.public else "removed"
        return f"{self.kind} {self.object_id}: {state} at version {self.sequence}"
