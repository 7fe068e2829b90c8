"""The API's hooks: a link to a page's draft as the apps will see it, rich-text links and chooser blocks resolved
from the listing's prefetched pages, images and documents, and how images and documents appear to apps."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from .media import document_representation, image_representation
from .prefetch import cached
from .rich_text import PrefetchedDocumentLinkHandler, PrefetchedPageLinkHandler
from .views import api_preview_link


@hooks.register("register_admin_urls")
def register_api_preview_url():
    return [path("api-preview/<int:page_id>/", api_preview_link, name="api_preview_link")]


@hooks.register("register_page_header_buttons")
def api_preview_button(page, user, view_name, next_url=None):
    """A link to the page's latest draft in the JSON API, for previewing in the apps."""
    if page.depth > 1 and page.permissions_for_user(user).can_edit():
        yield Button(_("API preview"), reverse("api_preview_link", args=[page.pk]), icon_name="code", priority=60)


@hooks.register("register_rich_text_features", order=110)
def use_prefetched_links(features):
    """After the readers' link types of home (order 100), so that these take their place."""
    features.register_link_type(PrefetchedPageLinkHandler)
    features.register_link_type(PrefetchedDocumentLinkHandler)


# The chooser blocks of home.blocks ask these: a listing's prefetched images and documents, and how apps see them.
@hooks.register("image_bulk_load")
def prefetched_images(ids):
    return cached("images", ids)


@hooks.register("document_bulk_load")
def prefetched_documents(ids):
    return cached("documents", ids)


@hooks.register("image_api_representation")
def image_for_apps(image, context):
    return image_representation(image, context.get("request"))


@hooks.register("document_api_representation")
def document_for_apps(document, context):
    return document_representation(document, context.get("request"))
