"""Rich text link handlers that use the API's prefetched pages and documents before querying."""

from django.utils.html import escape

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from .prefetch import cached, link_target


class PrefetchedPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        return cached("pages", [attrs.get("id") for attrs in attrs_list]) or super().get_many(attrs_list)

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        return [f'<a href="{escape(link_target(page).url)}">' if page else "<a>" for page in pages]


class PrefetchedDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        return cached("documents", [attrs.get("id") for attrs in attrs_list]) or super().get_many(attrs_list)
