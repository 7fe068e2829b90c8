"""Rich-text links as readers may follow them (home.rich_text), from the API's prefetched pages and documents."""

from home.rich_text import ReaderDocumentLinkHandler, ReaderPageLinkHandler

from .prefetch import NOT_PREFETCHED, cached, link_target


class PrefetchedPageLinkHandler(ReaderPageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        return cached("pages", [attrs.get("id") for attrs in attrs_list]) or super().get_many(attrs_list)

    @classmethod
    def target(cls, page):
        found = link_target(page)
        return super().target(page) if found is NOT_PREFETCHED else found


class PrefetchedDocumentLinkHandler(ReaderDocumentLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        return cached("documents", [attrs.get("id") for attrs in attrs_list]) or super().get_many(attrs_list)
