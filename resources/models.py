"""Resource pages: program summaries, success stories and tip sheets, and the index that lists them."""

import datetime

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.api_fields import DocumentField, ImageField, OrganizationListField, TopicField, TopicListField
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, DownloadsBlock, FiguresBlock, TipsBlock
from home.content import EARLIEST_YEAR, LATEST_YEAR, content_kinds
from home.models import BasePage
from home.text import RelatedNamesField
from home.visibility import readers

from .snippets import Organization, Topic, names_in, topic_names

__all__ = ["Organization", "ProgramPage", "ResourceIndexPage", "SuccessStoryPage", "TipSheetPage", "Topic"]

PAGE_SIZE = 12


def topic_filter(topic_slug, lookup="topic"):
    """Filter kwargs matching a topic slug in any language (pages keep the source topic; see Topic)."""
    return {f"{lookup}__translation_key__in": Topic.objects.filter(slug=topic_slug).values("translation_key")}


class ResourcePage(BasePage):
    """Pages the resource index lists, filtered by their content_kind."""

    def topic_names(self):
        return topic_names(self)

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True


class SingleTopicResourcePage(ResourcePage):
    """A resource filed under one topic, the same in every language (the Chinese page shows its translation)."""

    topic_lookup = "topic"

    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("topic")
    )

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("topic", overridable=False),
    ]

    class Meta:
        abstract = True


def resource_kinds():
    """{kind: page model} of the resources the index lists, in the site's order of kinds."""
    return {kind: model for kind, model in content_kinds().items() if issubclass(model, ResourcePage)}


class ResourceIndexPage(BasePage):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ProgramPage", "resources.SuccessStoryPage", "resources.TipSheetPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kinds = resource_kinds()
        kind = request.GET.get("kind", "")
        topic = request.GET.get("topic", "")
        models_shown = [kinds[kind]] if kind in kinds else list(kinds.values())
        resources = []
        for model in models_shown:
            pages = readers().pages(model.objects.child_of(self))
            if topic:
                pages = pages.filter(**topic_filter(topic, model.topic_lookup)).distinct()
            resources.extend(pages)
        kind_order = list(kinds.values())
        resources.sort(  # by kind, each newest first (the undated last), then by title
            key=lambda page: (
                kind_order.index(type(page)),
                -(page.content_date() or datetime.date.min).toordinal(),
                page.title,
            )
        )
        context.update(
            listing=Paginator(resources, PAGE_SIZE).get_page(request.GET.get("page")),
            kinds=[(kind, model._meta.verbose_name_plural) for kind, model in kinds.items()],
            topics=Topic.for_filters(),
            selected_kind=kind if kind in kinds else "",
            selected_topic=topic,
        )
        return context

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")


class ProgramPage(ResourcePage):
    """A program summary: what it achieved, with whom, and the decks to download."""

    content_kind = "program"
    topic_lookup = "program_topics__topic"
    year_field = "start_year"

    start_year = models.PositiveSmallIntegerField(verbose_name=_("start year"))
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Leave empty while it runs"), verbose_name=_("end year")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    figures = StreamField(FiguresBlock(), blank=True, help_text=_("Achievement figures"), verbose_name=_("figures"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    downloads = StreamField(
        DownloadsBlock(),
        blank=True,
        help_text=_("Decks and PDFs; translators replace them with their language's files"),
        verbose_name=_("downloads"),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("figures"),
        index.SearchField("body"),
        RelatedNamesField("organization_names"),
        index.SearchField("downloads"),
        RelatedNamesField("topic_names"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("start_year"),
        APIField("end_year"),
        APIField("image", serializer=ImageField()),
        APIField("figures"),
        APIField("body"),
        APIField("organizations", serializer=OrganizationListField()),
        APIField("topics", serializer=TopicListField(source="program_topics")),
        APIField("downloads"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("image"),
        FieldPanel("figures"),
        FieldPanel("body"),
        InlinePanel("organizations", label=_("Partners and donors")),
        InlinePanel("program_topics", label=_("Topics")),
        FieldPanel("downloads"),
    ]

    class Meta:
        verbose_name = _("program summary")
        verbose_name_plural = _("program summaries")

    @property
    def social_image(self):
        return self.image

    def organization_names(self):
        """Partners, donors and sponsors with their roles, in the page's language, for search."""
        with translation.override(self.locale.language_code):
            return [
                f"{name} {ProgramOrganization.ROLE_HEADINGS[link.role]}"
                for link in self.organizations.select_related("organization")
                for name in names_in([link.organization], self.locale)
            ]

    def organizations_by_role(self):
        """Partners and donors, each shown in the reader's language."""
        grouped = {}
        for link in self.organizations.select_related("organization"):
            organization = readers().localized(link.organization)
            if organization is not None:
                grouped.setdefault(ProgramOrganization.ROLE_HEADINGS[link.role], []).append(organization)
        return grouped


class ProgramOrganization(Orderable):
    ROLE_CHOICES = [("partner", _("Partner")), ("donor", _("Donor")), ("sponsor", _("Sponsor"))]
    ROLE_HEADINGS = {"partner": _("Partners"), "donor": _("Donors"), "sponsor": _("Sponsors")}

    program = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="organizations")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    role = models.CharField(max_length=20, choices=ROLE_CHOICES, verbose_name=_("role"))

    panels = [FieldPanel("organization"), FieldPanel("role")]


class ProgramTopic(Orderable):
    program = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="program_topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic"))

    panels = [FieldPanel("topic")]


class SuccessStoryPage(SingleTopicResourcePage):
    """A community, where it is, and the environmental problem it solved."""

    content_kind = "story"
    year_field = "year"

    community = models.CharField(max_length=255, verbose_name=_("community"))
    city = models.CharField(max_length=100, verbose_name=_("city"))
    province = models.CharField(max_length=100, blank=True, verbose_name=_("province"))
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR), MaxValueValidator(LATEST_YEAR)],
        help_text=_("The year the community's work began"),
        verbose_name=_("year"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    photo_caption = models.CharField(max_length=255, blank=True, verbose_name=_("photo caption"))
    outcomes = StreamField(FiguresBlock(), blank=True, help_text=_("Outcome figures"), verbose_name=_("outcomes"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("community"),
        index.SearchField("city"),
        index.SearchField("province"),
        index.SearchField("photo_caption"),
        index.SearchField("outcomes"),
        index.SearchField("body"),
        RelatedNamesField("topic_names"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("community"),
        APIField("city"),
        APIField("province"),
        APIField("year"),
        APIField("topic", serializer=TopicField()),
        APIField("photo", serializer=ImageField()),
        APIField("photo_caption"),
        APIField("outcomes"),
        APIField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("community"), FieldRowPanel([FieldPanel("city"), FieldPanel("province")])], heading=_("Place")
        ),
        FieldPanel("year"),
        FieldPanel("topic"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_caption")], heading=_("Photo")),
        FieldPanel("outcomes"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")

    @property
    def social_image(self):
        return self.photo


class TipSheetPage(SingleTopicResourcePage):
    """Short, practical tips on one topic, with a printable PDF."""

    content_kind = "tips"

    intro = models.TextField(blank=True, verbose_name=_("intro"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    tips = StreamField(TipsBlock(), blank=True, verbose_name=_("tips"))
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The printable tip sheet; translators replace it with their language's file"),
        verbose_name=_("PDF"),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("tips"),
        index.SearchField("pdf_title"),
        RelatedNamesField("topic_names"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("topic", serializer=TopicField()),
        APIField("intro"),
        APIField("image", serializer=ImageField()),
        APIField("tips"),
        APIField("pdf", serializer=DocumentField()),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("topic"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("tips"),
        FieldPanel("pdf"),
    ]

    class Meta:
        verbose_name = _("tip sheet")
        verbose_name_plural = _("tip sheets")

    def pdf_title(self):
        return self.pdf.title if readers().can_see(self.pdf) else ""

    @property
    def social_image(self):
        return self.image
