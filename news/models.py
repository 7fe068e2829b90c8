"""News: the newsroom index (paginated, filterable, with an RSS feed per language) and its articles."""

from django.contrib.syndication.views import Feed
from django.db import models
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.api_fields import ImageField, RelatedPageField, TopicListField
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.models import BasePage
from home.text import RelatedNamesField
from home.visibility import readers
from resources.models import FilteredIndexPage
from resources.snippets import FiledUnderTopics, Topic

PAGE_SIZE = 10
FEED_SIZE = 20


class NewsIndexPage(RoutablePageMixin, FilteredIndexPage):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    listing_filters = ("topic", "year")
    page_size = PAGE_SIZE

    def articles(self):
        return readers().pages(NewsArticlePage.objects.child_of(self)).order_by("-date", "-pk")

    def listed_pages(self, filters):
        return filters.apply(self.articles().select_related("lead_image"))

    @path("")
    def listing(self, request):
        years = self.articles().dates("date", "year", order="DESC")
        return self.render_listing(request, topics=Topic.for_filters(), years=years)

    @path("feed/", name="feed")
    def feed(self, request):
        return NewsFeed(self)(request)

    class Meta:
        verbose_name = _("newsroom")
        verbose_name_plural = _("newsrooms")


class NewsFeed(Feed):
    """The latest articles of one language's newsroom, as RSS."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index_page):
        return index_page.title

    def link(self, index_page):
        return index_page.get_url(self.request)

    def description(self, index_page):
        return index_page.summary

    def items(self, index_page):
        return index_page.articles()[:FEED_SIZE]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return article.first_published_at


class NewsArticlePage(FiledUnderTopics, BasePage):
    """One story of a newsletter: dateline, lead photo, body with quotes, and its program."""

    dateline = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Where the story is filed from, e.g. BEIJING"),
        verbose_name=_("dateline"),
    )
    date = models.DateField(_("publication date"))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lead image"),
    )
    lead_image_caption = models.CharField(max_length=255, blank=True, verbose_name=_("lead image caption"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))
    related_program = models.ForeignKey(
        "resources.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_articles",
        verbose_name=_("related program"),
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    content_kind = "news"
    date_field = "date"
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("dateline"),
        index.SearchField("lead_image_caption"),
        index.SearchField("body"),
        RelatedNamesField("topic_names"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("dateline"),
        APIField("date"),
        APIField("lead_image", serializer=ImageField()),
        APIField("lead_image_caption"),
        APIField("body"),
        APIField("topics", serializer=TopicListField(source="topic_links")),
        APIField("related_program", serializer=RelatedPageField()),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("dateline"), FieldPanel("date")]),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_caption")], heading=_("Lead image")),
        FieldPanel("body"),
        InlinePanel("topic_links", label=_("Topics")),
        PageChooserPanel("related_program"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    @property
    def social_image(self):
        return self.lead_image

    def program(self):
        """The related program in the reader's language, if readers may see it."""
        return readers().localized(self.related_program) if self.related_program else None
