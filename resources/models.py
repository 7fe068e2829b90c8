"""Resource pages: program summaries, success stories and tip sheets, and the index that lists them."""

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.api_fields import DocumentField, FirstTopicField, ImageField, OrganizationListField, TopicListField
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, DownloadsBlock, FiguresBlock, TipsBlock
from home.content import EARLIEST_YEAR, LATEST_YEAR, content_kinds
from home.models import BasePage
from home.text import RelatedNamesField
from home.visibility import readers

from .filters import ContentFilter, InvalidFilter, newest_first
from .snippets import FiledUnderTopics, Organization, Topic, names_in

__all__ = ["Organization", "ProgramPage", "ResourceIndexPage", "SuccessStoryPage", "TipSheetPage", "Topic"]

PAGE_SIZE = 12


class FilteredIndexPage(BasePage):
    """An index page listing its pages, a page at a time, by the filters it offers (resources.filters); a filter
    value that is not valid is answered with a 400 that says why beside the filter form."""

    listing_filters = ()  # the ContentFilter parameters offered
    page_size = PAGE_SIZE

    class Meta:
        abstract = True

    def listed_pages(self, filters):
        """The pages listed under these filters, in the order shown."""
        raise NotImplementedError

    def render_listing(self, request, **context):
        context.update(self.get_context(request))
        context.update({f"selected_{name}": request.GET.get(name, "") for name in self.listing_filters})
        try:
            filters = ContentFilter.from_query(request.GET, self.listing_filters)
        except InvalidFilter as error:
            return TemplateResponse(
                request, self.get_template(request), {**context, "filter_error": error}, status=error.status
            )
        context["listing"] = Paginator(self.listed_pages(filters), self.page_size).get_page(request.GET.get("page"))
        return TemplateResponse(request, self.get_template(request), context)


class ResourcePage(FiledUnderTopics, BasePage):
    """Pages the resource index lists, filtered by their content_kind."""

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True


def resource_kinds():
    """{kind: page model} of the resources the index lists, in the site's order of kinds."""
    return {kind: model for kind, model in content_kinds().items() if issubclass(model, ResourcePage)}


class ResourceIndexPage(FilteredIndexPage):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ProgramPage", "resources.SuccessStoryPage", "resources.TipSheetPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    listing_filters = ("kind", "topic")

    def listed_pages(self, filters):
        """By kind, each newest first, then by title."""
        kinds = resource_kinds()
        if filters.kind not in ("", *kinds):
            return []
        pages = readers().pages(filters.apply(Page.objects.child_of(self))).specific()
        kind_order = list(kinds.values())
        return sorted(pages, key=lambda page: (kind_order.index(type(page)), newest_first(page), page.title))

    def serve(self, request, *args, **kwargs):
        kinds = [(kind, model._meta.verbose_name_plural) for kind, model in resource_kinds().items()]
        return self.render_listing(request, kinds=kinds, topics=Topic.for_filters())

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")


class ProgramPage(ResourcePage):
    """A program summary: what it achieved, with whom, and the decks to download."""

    content_kind = "program"
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
        APIField("topics", serializer=TopicListField(source="topic_links")),
        APIField("downloads"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("image"),
        FieldPanel("figures"),
        FieldPanel("body"),
        InlinePanel("organizations", label=_("Partners and donors")),
        InlinePanel("topic_links", label=_("Topics")),
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


class SuccessStoryPage(ResourcePage):
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
        APIField("topic", serializer=FirstTopicField(source="topic_links")),
        APIField("topics", serializer=TopicListField(source="topic_links")),
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
        InlinePanel("topic_links", label=_("Topic"), max_num=1),
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


class TipSheetPage(ResourcePage):
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
        APIField("topic", serializer=FirstTopicField(source="topic_links")),
        APIField("topics", serializer=TopicListField(source="topic_links")),
        APIField("intro"),
        APIField("image", serializer=ImageField()),
        APIField("tips"),
        APIField("pdf", serializer=DocumentField()),
    ]
    content_panels = [
        *BasePage.content_panels,
        InlinePanel("topic_links", label=_("Topic"), max_num=1),
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
