"""The home page, the abstract page every content type extends, and the site's contact settings."""

import datetime

from django.apps import apps
from django.db import models
from django.db.models import F
from django.db.models.functions import ExtractYear
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .api_fields import ImageField, PageListField, TranslationsField
from .blocks import RICH_TEXT_FEATURES
from .text import page_body_text, searchable_text
from .visibility import readers

DESCRIPTION_LENGTH = 160


class BasePage(Page):
    """Shared fields and behaviour: a summary for listings, search and social cards, and hreflang alternates."""

    summary = models.TextField(
        blank=True,
        help_text=_("One or two sentences for listings, search results and sharing"),
        verbose_name=_("summary"),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("search_title", boost=3),
        index.SearchField("search_body"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("summary")]
    # Both languages share a page's slug, so /en/news/x/ and /zh-hans/news/x/ are the same story.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    api_fields = [APIField("summary"), APIField("translations", serializer=TranslationsField())]

    # What a page type contributes to listings, search and the API: its kind of content (None for pages that
    # only frame others) and its own date: a date field, or a field that holds only a year. A page without either
    # has no date (never the day it was loaded or published). Topics are one relation for all (resources.PageTopic).
    content_kind = None
    date_field = None
    year_field = None

    class Meta:
        abstract = True

    def description(self):
        """What search engines and shared links show under the title: the editor's search description, else the
        summary, else the page's opening text, cut at a word near 160 characters."""
        text = self.search_description or self.summary or page_body_text(self, related_names=False)
        return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)

    def content_date(self):
        """The date readers know this page by (a year alone counts as its 1 January), or None."""
        if self.date_field:
            return getattr(self, self.date_field)
        year = getattr(self, self.year_field) if self.year_field else None
        return datetime.date(year, 1, 1) if year else None

    @classmethod
    def year_expression(cls):
        """The page's year as a database expression, for year filters and counts; None for undated page types."""
        if cls.date_field:
            return ExtractYear(cls.date_field)
        return F(cls.year_field) if cls.year_field else None

    @property
    def social_image(self):
        """The image shown when the page is shared; page types with a photo override this."""
        return None

    def search_title(self):
        """The title as the database search backend indexes it (words stemmed, Chinese as words and characters)."""
        return searchable_text(self.title, self.locale.language_code)

    def search_body(self):
        return searchable_text(page_body_text(self), self.locale.language_code)

    def live_translations(self):
        """This page in every language readers may see it in, this one included, in a stable order."""
        return readers().pages(self.get_translations(inclusive=True)).select_related("locale").order_by("locale__id")

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        alternates = [
            {"location": translation.get_full_url(request), "lang_code": translation.locale.language_code}
            for translation in self.live_translations()
        ]
        for url in urls:
            url["alternates"] = alternates
        return urls


class HomePage(BasePage):
    hero_text = models.CharField(max_length=255, blank=True, verbose_name=_("hero text"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("intro"))
    organisation_name = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("organisation name"),
        help_text=_("Shown in every page's footer, in this page's language."),
    )

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text"), index.SearchField("intro")]
    api_fields = [
        *BasePage.api_fields,
        APIField("hero_text"),
        APIField("hero_image", serializer=ImageField()),
        APIField("intro"),
        APIField("featured_pages", serializer=PageListField()),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("Hero")),
        FieldPanel("intro"),
        InlinePanel("featured_pages", label=_("Featured news and resources")),
        FieldPanel("organisation_name"),
    ]

    @property
    def social_image(self):
        return self.hero_image

    def latest_news(self, count=3):
        articles = apps.get_model("news", "NewsArticlePage").objects.filter(locale=self.locale)
        return readers().pages(articles).select_related("lead_image").order_by("-date", "-pk")[:count]

    def featured(self):
        """The editor's picks that readers may see, each in the reader's language where it is translated."""
        pages = (readers().localized(feature.page.specific) for feature in self.featured_pages.select_related("page"))
        return [page for page in pages if page is not None]

    def menu_items(self):
        """The sections under the home page shown in the menu, those readers may see."""
        return readers().pages(self.get_children().in_menu()).specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news()
        context["featured"] = self.featured()
        return context

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class HomePageFeature(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [
        PageChooserPanel(
            "page",
            ["news.NewsArticlePage", "resources.ProgramPage", "resources.SuccessStoryPage", "resources.TipSheetPage"],
        )
    ]


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """The organisation's contact details, shown in every page's footer; its name is on the home page, which is
    translated."""

    website = models.URLField(blank=True, verbose_name=_("website"))
    email = models.EmailField(blank=True, verbose_name=_("email"))
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("phone"))
    fax = models.CharField(max_length=50, blank=True, verbose_name=_("fax"))

    class Meta:
        verbose_name = _("Contact details")
