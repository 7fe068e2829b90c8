from django.db import models


class ContentVersion(models.Model):
    """One row: a number that every change to what readers can see advances, in the same transaction as the
    change. Conditional requests and the shared response cache are keyed by it, so a publish is visible at once
    and a cached response is never served after the content it was built from changed."""

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"content version {self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
