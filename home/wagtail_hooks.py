from wagtail import hooks

from .rich_text import ReaderDocumentLinkHandler, ReaderPageLinkHandler


@hooks.register("register_rich_text_features", order=100)
def links_readers_may_follow(features):
    """After Wagtail's own link types (order 0), so that these take their place."""
    features.register_link_type(ReaderPageLinkHandler)
    features.register_link_type(ReaderDocumentLinkHandler)
