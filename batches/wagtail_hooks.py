"""The batches' admin: their pages, the menu item, the page listing's bulk action and the page's button."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale

from . import views
from .bulk_actions import TranslateAsBatchBulkAction
from .submitting import may_submit
from .xliff_views import download_xliff, upload_xliff

urls = [
    path("", views.BatchIndexView.as_view(), name="index"),
    path("new/", views.NewBatchView.as_view(), name="new"),
    path("<int:batch_id>/", views.BatchDetailView.as_view(), name="detail"),
    path("<int:batch_id>/progress/", views.progress, name="progress"),
    path("<int:batch_id>/machine/", views.translate_by_machine, name="machine"),
    path("<int:batch_id>/submit/", views.submit_for_review, name="submit"),
    path("<int:batch_id>/items/<int:item_id>/approve/", views.approve, name="approve"),
    path("<int:batch_id>/publish/", views.publish, name="publish"),
    path("<int:batch_id>/xliff/", download_xliff, name="xliff"),
    path("<int:batch_id>/xliff/upload/", upload_xliff, name="xliff_upload"),
]


@hooks.register("register_admin_urls")
def register_batch_urls():
    return [path("batches/", include((urls, "batches"), namespace="batches"))]


class BatchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_admin_menu_item")
def register_batches_menu_item():
    return BatchesMenuItem(_("Translation batches"), reverse("batches:index"), icon_name="globe", order=250)


hooks.register("register_bulk_action", TranslateAsBatchBulkAction)


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def translate_as_batch_button(page, user, view_name=None, next_url=None):
    if page.depth > 1 and page.locale_id == Locale.get_default().pk and may_submit(user):
        url = reverse("batches:new") + f"?page={page.pk}"
        yield ListingButton(_("Translate as a batch"), url, priority=61, icon_name="globe")
