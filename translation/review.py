"""Review of Chinese translations: what is still untranslated, submitting a translation to the
"Review translation" workflow, and the reviewer's approve / request-changes actions.

wagtail-localize's side-by-side editor saves each string as the translator types but has no way to
submit for review; these views add that, and refuse to let an incomplete translation go live.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringSegment, Translation

from .compat import EDITOR_PUBLISH_FIELD, EDITOR_PUBLISH_VALUE
from .glossary_check import flags_summary, glossary_flags
from .guards import can_edit, translation_target


def untranslated_count(translation):
    """How many strings and related objects of the source have no usable translation in the target locale."""
    source, locale = translation.source, translation.target_locale
    strings = StringSegment.objects.filter(source=source).annotate_translation(locale)
    missing = strings.filter(translation__isnull=True).count()
    for segment in source.relatedobjectsegment_set.select_related("object"):
        if not segment.object.has_translation(locale):
            missing += 1
    return missing


def untranslated_message(count):
    return ngettext(
        "%(count)d string still needs a Chinese translation; translate it before this goes live.",
        "%(count)d strings still need a Chinese translation; translate them before this goes live.",
        count,
    ) % {"count": count}


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def current_task_state(page):
    state = page.current_workflow_state
    return state.current_task_state if state else None


def review_actions(page, user):
    """The workflow actions this user may take on the page now, once each, approval first."""
    task_state = current_task_state(page)
    if task_state is None:
        return []
    names = dict.fromkeys(name for name, _label, _modal in task_state.task.specific.get_actions(page, user))
    return sorted(names, key=lambda name: name != "approve")


def get_page_translation(translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise Http404("Only page translations go through review.")
    return translation, page.specific


@require_POST
def submit_for_review(request, translation_id):
    translation, page = get_page_translation(translation_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    missing = untranslated_count(translation)
    if missing:
        messages.error(request, untranslated_message(missing))
        return redirect(edit_url(page))
    if page.workflow_in_progress:
        messages.warning(request, _("This translation is already waiting for review."))
        return redirect(edit_url(page))
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(
            request, _("No review workflow is set up for this page; ask an administrator to run setup_roles.")
        )
        return redirect(edit_url(page))

    with transaction.atomic():
        # A revision of the translated page; saving a revision leaves the live content untouched until approval.
        translated = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=False)
        translated.save_revision(user=request.user, log_action=True)
        workflow.start(translated, request.user)
    messages.success(request, _("“%(title)s” was submitted for review.") % {"title": translated.title})
    return redirect(edit_url(page))


@require_POST
def review_translation(request, translation_id, action):
    """Approve (publishes when it is the last task) or request changes, as the reviewer."""
    _translation, page = get_page_translation(translation_id)
    if action not in review_actions(page, request.user):
        raise PermissionDenied
    task_state = current_task_state(page)
    task_state.task.specific.on_action(task_state, request.user, action, comment=request.POST.get("comment", ""))
    if action == "approve":
        messages.success(request, _("Approved “%(title)s”.") % {"title": page.title})
    else:
        messages.success(request, _("Sent “%(title)s” back to the translator.") % {"title": page.title})
    return redirect(edit_url(page))


def glossary_flags_json(request, translation_id):
    """The glossary flags of a translation, for the side-by-side editor to show as the translator saves strings."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    if not can_edit(request.user, translation_target({"translation_id": translation_id})):
        raise PermissionDenied
    flags = glossary_flags(translation)
    return JsonResponse({"flags": [flag.as_json() for flag in flags], "summary": flags_summary(len(flags))})


def refuse_incomplete_publish(request, instance):
    """Guards wagtail-localize's Publish button, which would otherwise fill gaps with the English text."""
    if request.method != "POST" or request.POST.get(EDITOR_PUBLISH_FIELD) != EDITOR_PUBLISH_VALUE:
        return None
    if not isinstance(instance, DraftStateMixin):
        return None
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    missing = untranslated_count(translation)
    if missing:
        messages.error(request, untranslated_message(missing))
        return redirect(request.get_full_path())
    return None
