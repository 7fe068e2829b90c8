"""What the translation workflow records beside wagtail-localize's own models."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask


class KeptString(models.Model):
    """A translator's word that a string stays as it is (a name, a number, a suggestion checked): it counts as
    translated while its text is the text they kept."""

    string_translation = models.OneToOneField(
        "wagtail_localize.StringTranslation", on_delete=models.CASCADE, related_name="kept"
    )
    data = models.TextField()
    kept_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kept_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.data


class SubmittedTranslation(models.Model):
    """The strings of a translation as they were when it was submitted for review, by digest: the reviewer may
    approve only while the editor still shows exactly these."""

    revision = models.OneToOneField("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    translation = models.ForeignKey("wagtail_localize.Translation", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)

    def __str__(self):
        return f"{self.translation} as of revision {self.revision_id}"


class TranslationReviewTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, which offers "Approve" only while the translation is what was submitted (the
    dashboard's menu, the workflow views and the editor's footer all ask this task)."""

    def get_actions(self, obj, user):
        from .review import approvable  # review imports these models

        actions = super().get_actions(obj, user)
        if not any(name == "approve" for name, *_rest in actions) or approvable(obj):
            return actions  # nothing to withdraw (not a reviewer), or nothing changed since submitting
        return [action for action in actions if action[0] != "approve"]

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve a translation exactly as it was submitted")

    class Meta:
        verbose_name = _("Translation review task")
        verbose_name_plural = _("Translation review tasks")


class MemoryEntry(models.Model):
    """A source string and the translation reviewers approved for it, kept when the approved item is published
    (and after it is deleted): what translation.memory offers new translations of the same or a similar string."""

    source_language = models.CharField(max_length=20)
    target_language = models.CharField(max_length=20)
    source_digest = models.CharField(max_length=64)
    source_text = models.TextField()
    target_text = models.TextField()
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "source_digest"], name="one_memory_entry_per_string"
            )
        ]
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory entries")

    def __str__(self):
        return self.source_text[:60]
