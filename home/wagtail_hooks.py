from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from .rich_text import ReaderDocumentLinkHandler, ReaderPageLinkHandler


@hooks.register("register_rich_text_features", order=100)
def links_readers_may_follow(features):
    """After Wagtail's own link types (order 0), so that these take their place."""
    features.register_link_type(ReaderPageLinkHandler)
    features.register_link_type(ReaderDocumentLinkHandler)


@hooks.register("insert_editor_js")
def publish_after_autosave():
    """A button pressed while the editor's autosave is on its way waits for it (static/js/publish_after_autosave.js)."""
    return format_html('<script src="{}" defer></script>', static("js/publish_after_autosave.js"))
