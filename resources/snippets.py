"""Translatable snippets shared by news and resources: topics and organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class Topic(TranslatableMixin, index.Indexed, models.Model):
    """An environmental theme (Water Conservation, Low Carbon, ...) that pages are filed under.

    The slug is the same in every language so that `?topic=water-conservation` filters both sites.
    """

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


@register_snippet
class Organization(TranslatableMixin, index.Indexed, models.Model):
    """A partner, donor or sponsor; its role is stated where a page links to it."""

    name = models.CharField(max_length=255)
    website = models.URLField(blank=True)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("logo")]
    search_fields = [index.SearchField("name")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("website", overridable=False),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organization")

    def __str__(self):
        return self.name
