"""What only publishers may do: every admin action that changes what readers see in a language, or throws away a
translator's work, needs publish rights there, however the request arrives (a button, a bookmarked URL, a script).

wagtail-localize lets anyone who may *edit* a translated page convert it to an alias of the English page (the
Chinese site then shows English), stop or restart its synchronisation; and Wagtail lets anyone who uploaded an
image or document change or delete it, although live Chinese pages may show it. The middleware below checks each
such view by its URL name before it runs; the edit-view hooks catch the same actions posted to the page editor.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.collections import CollectionPermissionPolicy
from wagtail_localize.models import Translation

from .compat import (
    CONVERT_TO_ALIAS,
    EDITOR_ACTIONS,
    STOP_TRANSLATION,
    TRANSLATION_EDITING_VIEWS,
    TRANSLATION_WRITING_VIEWS,
)
from .refusals import refusal


def can_edit(user, instance):
    """Edit rights on a page, or the snippet's own (language-scoped) permission policy."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return instance.snippet_viewset.permission_policy.user_has_permission_for_instance(user, "change", instance)


def can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return instance.snippet_viewset.permission_policy.user_has_permission_for_instance(user, "publish", instance)


def target_of(translation):
    """The page (specific) or snippet a translation fills."""
    instance = translation.get_target_instance()
    return instance.specific if isinstance(instance, Page) else instance


def translation_target(view_kwargs):
    return target_of(get_object_or_404(Translation, pk=view_kwargs["translation_id"]))


def page_target(view_kwargs):
    return get_object_or_404(Page, pk=view_kwargs["page_id"]).specific


def may_change_media(model_getter):
    """Changing or deleting a file that live pages may show takes the collection's "change" permission;
    uploading one (Wagtail's "add", which also lets owners edit their own files) is not enough."""
    return lambda user, _instance: CollectionPermissionPolicy(model_getter()).user_has_permission(user, "change")


MEDIA_MODELS = {("wagtailimages", "image"): get_image_model, ("wagtaildocs", "document"): get_document_model}
MEDIA_ACTIONS = {
    f"{app}:{view}": (None, may_change_media(model_getter))
    for (app, _model), model_getter in MEDIA_MODELS.items()
    for view in ("edit", "delete", "edit_multiple", "delete_multiple")
}

# URL name -> (how to find the object from the URL, who may use the view)
GUARDED_VIEWS = {
    "wagtailadmin_pages:edit": (page_target, can_edit),  # answered by a refusal page, not a redirect
    CONVERT_TO_ALIAS: (page_target, can_publish),
    STOP_TRANSLATION: (translation_target, can_publish),
    **dict.fromkeys(TRANSLATION_EDITING_VIEWS, (translation_target, can_edit)),
    "translation_upload_pofile": (translation_target, can_edit),
    "translation_keep_string": (translation_target, can_edit),
    "translation_use_memory_match": (translation_target, can_edit),
    "translation_xliff": (translation_target, can_edit),
    "translation_xliff_upload": (translation_target, can_edit),
    **MEDIA_ACTIONS,
}


# Views that change a translation's strings: none of them while the translation waits for review, so that what the
# reviewer approves is what was submitted ("Request changes" opens it again).
STRING_WRITING_VIEWS = {
    *TRANSLATION_WRITING_VIEWS,
    "translation_upload_pofile",
    "translation_keep_string",
    "translation_use_memory_match",
    "translation_xliff_upload",
}


def in_review(instance):
    return isinstance(instance, Page) and instance.workflow_in_progress


def refuse_while_in_review(request, page):
    """409 for the editor's API calls; a message on the editor for a form."""
    message = _(
        "This translation is waiting for review and cannot be changed now. The reviewer approves it as it is, "
        "or requests changes, which opens it again."
    )
    if request.method in ("PUT", "DELETE") or "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"detail": message}, status=409)
    messages.error(request, message)
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class PublisherOnlyActionsMiddleware:
    """Refuses (403) the guarded admin views to users without the rights above, before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        guarded = match.view_name in GUARDED_VIEWS or match.view_name == "wagtail_bulk_action"
        if guarded and not request.user.has_perm("wagtailadmin.access_admin"):
            return None  # the admin's own check answers first: strangers to the login page, nothing looked up
        if match.view_name in GUARDED_VIEWS:
            find_target, allowed = GUARDED_VIEWS[match.view_name]
            target = find_target(view_kwargs) if find_target else None
            if not allowed(request.user, target):
                return refuse(request, allowed, target)
            if match.view_name in STRING_WRITING_VIEWS and in_review(target):
                return refuse_while_in_review(request, target)
        elif match.view_name == "wagtail_bulk_action":
            model_getter = MEDIA_MODELS.get((view_kwargs.get("app_label"), view_kwargs.get("model_name")))
            if model_getter is not None and not may_change_media(model_getter)(request.user, None):
                return refuse(request, None, None)
        return None


def refuse(request, rule, target):
    """A page that says what was refused and why; a plain 403 for the editor's API calls."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest" or request.method in ("PUT", "DELETE"):
        raise PermissionDenied
    if target is None:
        reason = _("Changing or deleting an image or document takes the right to change files: live pages may show it.")
    else:
        names = {"title": str(target), "language": target.locale.get_display_name()}
        if rule is can_edit:
            reason = _("You may not edit “%(title)s” (%(language)s).") % names
        else:
            reason = _(
                "Only people who may publish “%(title)s” (%(language)s) may do this: it changes what readers see."
            )
            reason %= names
    return refusal(request, reason, target)


def refuse_editor_actions_to_non_publishers(request, instance):
    """wagtail-localize's own before_edit_* hooks act on these posted actions; ours run first and refuse them."""
    posted_action = request.method == "POST" and any(action in request.POST for action in EDITOR_ACTIONS)
    if posted_action and not can_publish(request.user, instance.specific if isinstance(instance, Page) else instance):
        raise PermissionDenied
