"""Index changes that could not reach Elasticsearch, kept until it is back so that nothing is lost."""

from django.db import models


class PendingIndexUpdate(models.Model):
    page_id = models.PositiveIntegerField(unique=True)
    queued_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["queued_at"]

    def __str__(self):
        return f"page {self.page_id}"
