"""Rich-text links as readers may follow them: to a page they may see (in their language where it is translated)
or a document outside private collections; a link to anything else keeps its text and loses its address."""

from django.utils.html import escape

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from .visibility import readers


def opening_tag(url):
    return f'<a href="{escape(url)}">' if url else "<a>"


class ReaderPageLinkHandler(PageLinkHandler):
    @classmethod
    def target(cls, page):
        """The page a link leads readers to, or None."""
        return readers().localized(page)

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        targets = (cls.target(page) if page else None for page in cls.get_many(attrs_list))
        return [opening_tag(target.url if target else None) for target in targets]


class ReaderDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        shown = readers().can_see
        return [opening_tag(document.url if shown(document) else None) for document in cls.get_many(attrs_list)]
