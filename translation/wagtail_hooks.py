"""Admin extensions for the translation workflow: review actions, guarded PO import and sync,
the translation status report, and refusals for what the roles must not do."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import dashboard, guards, po_files, review, status, sync, xliff_views
from .compat import SyncWithoutPublishingView, shadowing_urls


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        *shadowing_urls(
            po_files.upload_pofile, SyncWithoutPublishingView.as_view(offer_suggestions=sync.offer_suggestions)
        ),
        path(
            "translation-review/<int:translation_id>/submit/",
            review.submit_for_review,
            name="translation_submit_for_review",
        ),
        path(
            "translation-review/<int:translation_id>/state/",
            review.editor_state_json,
            name="translation_editor_state",
        ),
        path(
            "translation-review/<int:translation_id>/keep/<int:segment_id>/",
            review.keep_string,
            name="translation_keep_string",
        ),
        path(
            "translation-review/<int:translation_id>/memory/<int:segment_id>/",
            review.use_memory_match,
            name="translation_use_memory_match",
        ),
        path(
            "translation-review/<int:translation_id>/xliff/",
            xliff_views.download_translation_xliff,
            name="translation_xliff",
        ),
        path(
            "translation-review/<int:translation_id>/xliff/upload/",
            xliff_views.upload_translation_xliff,
            name="translation_xliff_upload",
        ),
        path(  # after the other translation-review/ addresses, which it would match
            "translation-review/<int:translation_id>/<str:action>/",
            review.review_translation,
            name="translation_review_action",
        ),
        path(
            "reports/translation-status/",
            status.TranslationStatusReportView.as_view(),
            name="translation_status_report",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_report():
    return MenuItem(_("Translation status"), reverse("translation_status_report"), icon_name="globe", order=700)


@hooks.register("before_edit_page")
def refuse_incomplete_page_publish(request, page):
    return review.refuse_incomplete_publish(request, page)


@hooks.register("before_edit_snippet")
def refuse_incomplete_snippet_publish(request, instance):
    return review.refuse_incomplete_publish(request, instance)


@hooks.register("before_edit_page", order=-1)
def refuse_alias_and_restart_to_non_publishers(request, page):
    """Runs before wagtail-localize's own hook, which would act on these posted actions."""
    guards.refuse_editor_actions_to_non_publishers(request, page)


@hooks.register("before_edit_snippet", order=-1)
def refuse_snippet_restart_to_non_publishers(request, instance):
    guards.refuse_editor_actions_to_non_publishers(request, instance)


@hooks.register("before_delete_page")
def only_publishers_delete_pages(request, page):
    """Deleting is for people who may also publish there; translators never delete."""
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied


@hooks.register("before_bulk_action")
def only_publishers_bulk_delete(request, action_type, objects, action_class_instance):
    if action_type == "delete" and any(not page.permissions_for_user(request.user).can_publish() for page in objects):
        raise PermissionDenied


@hooks.register("construct_homepage_panels")
def show_translation_work(request, panels):
    dashboard.add_translation_work_panel(request, panels)
