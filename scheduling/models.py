from django.db import models


class FollowsSource(models.Model):
    """A translation's approved revision that goes live with its source (the same item in the default language):
    when the source's go-live is moved, cancelled or brought forward, this revision's moves with it."""

    revision = models.OneToOneField("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Revision {self.revision_id} goes live with its source"
