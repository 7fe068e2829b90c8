"""Admin extensions of the API: a link to a page's draft as the apps will see it, and rich-text links resolved
from the listing's prefetched pages and documents."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

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


@hooks.register("register_rich_text_features", order=100)
def use_prefetched_links(features):
    """After Wagtail's own link types (order=100), so that these take their place."""
    features.register_link_type(PrefetchedPageLinkHandler)
    features.register_link_type(PrefetchedDocumentLinkHandler)
