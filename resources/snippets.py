"""Translatable snippets shared by news and resources: topics and organisations.

They have drafts and revisions so that a translation, like a Chinese page, is not shown before it is
translated and published; pages show a snippet in the reader's language once that translation is live.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, Locale, Orderable, RevisionMixin, TranslatableMixin
from wagtail.permissions import register_permission_policy
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.permissions import LocaleCheckedEditView, LocaleScopedPermissionPolicy
from home.visibility import readers


class Topic(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """An environmental theme (Water Conservation, Low Carbon, ...) that pages are filed under.

    The slug is the same in every language so that `?topic=water-conservation` filters both sites.
    """

    name = models.CharField(max_length=100, verbose_name=_("name"))
    slug = models.SlugField(max_length=100, allow_unicode=False, verbose_name=_("slug"))

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @classmethod
    def for_filters(cls):
        """Every topic readers may see, named in the reader's language where that translation may be seen."""
        locale = Locale.get_active()
        topics = (readers().localized(topic, locale) for topic in cls.objects.filter(locale=Locale.get_default()))
        return [topic for topic in topics if topic is not None]


class PageTopic(Orderable):
    """A page filed under a topic: the one relation by which every kind of content has its topics (a success story
    or tip sheet offers one). A translation keeps its source's topics and shows their translations."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic"))

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")


class Organization(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """A partner, donor or sponsor; its role is stated where a page links to it."""

    name = models.CharField(max_length=255, verbose_name=_("name"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )

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


class TopicViewSet(SnippetViewSet):
    model = Topic
    edit_view_class = LocaleCheckedEditView
    icon = "tag"
    list_display = ["name", "slug", "locale"]


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    edit_view_class = LocaleCheckedEditView
    icon = "group"
    list_display = ["name", "website", "locale"]


register_permission_policy(Topic, LocaleScopedPermissionPolicy(Topic))
register_permission_policy(Organization, LocaleScopedPermissionPolicy(Organization))
register_snippet(TopicViewSet)
register_snippet(OrganizationViewSet)


def names_in(snippets, locale):
    """The names of these topics or organisations as readers of `locale` see them (the published translation if
    there is one), leaving out those readers never see."""
    shown = (readers().localized(snippet, locale) for snippet in snippets)
    return [snippet.name for snippet in shown if snippet is not None]


class FiledUnderTopics(models.Model):
    """A page with topics (through PageTopic): what templates show of them and what search indexes. A model, so
    that search can name the fields it defines."""

    class Meta:
        abstract = True

    def topics(self):
        """The page's topics in the reader's language, those readers may see."""
        topics = (readers().localized(link.topic) for link in self.topic_links.select_related("topic"))
        return [topic for topic in topics if topic is not None]

    def topic_names(self):
        """The names of the page's topics in the page's language, for search."""
        return names_in([link.topic for link in self.topic_links.select_related("topic")], self.locale)
