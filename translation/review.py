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
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import Translation

from scheduling.together import schedule_revision, source_go_live

from .compat import EDITOR_PUBLISH_FIELD, EDITOR_PUBLISH_VALUE
from .glossary_check import flags_summary, glossary_flags
from .guards import can_edit, in_review, target_of
from .memory import near_matches, use_near_match
from .models import SubmittedTranslation
from .open_strings import keep, open_strings, strings_digest


def open_strings_message(found):
    """Names the strings that still need a translator (the first three), so that they can be found."""
    names = [
        f"“{Truncator(item.source).chars(40)}” ({item.explanation.split(':')[0].rstrip('.')})" for item in found[:3]
    ]
    if len(found) > 3:
        names.append(_("%(count)d more") % {"count": len(found) - 3})
    return ngettext(
        "%(count)d string still needs a translator: %(strings)s.",
        "%(count)d strings still need a translator: %(strings)s.",
        len(found),
    ) % {"count": len(found), "strings": "; ".join(names)}


def translation_for(instance):
    """The synced translation that fills this page or snippet, or None (an original, or edited directly)."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
    ).first()


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


class NotSubmitted(ValueError):
    """The translation cannot be submitted for review, for the reason given."""


def submit_translation(translation, page, user):
    """Submits a page's translation to its language's review: a revision of the translated page (the live content
    untouched until approval), with the digest of its strings as submitted. Raises NotSubmitted with the reason."""
    found = open_strings(translation)
    if found:
        raise NotSubmitted(open_strings_message(found))
    if page.workflow_in_progress:
        raise NotSubmitted(_("This translation is already waiting for review."))
    workflow = page.get_workflow()
    if workflow is None:
        raise NotSubmitted(_("No review workflow is set up for this page; ask an administrator to run setup_roles."))
    with transaction.atomic():
        translated = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=False)
        revision = translated.save_revision(user=user, log_action=True)
        SubmittedTranslation.objects.create(
            revision=revision, translation=translation, digest=strings_digest(translation)
        )
        sent_back = page.current_workflow_state
        if sent_back is not None:  # changes were requested: the same review goes on, with the new revision
            sent_back.resume(user)
        else:
            workflow.start(translated, user)
    return translated


@require_POST
def submit_for_review(request, translation_id):
    translation, page = get_page_translation(translation_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        translated = submit_translation(translation, page, request.user)
    except NotSubmitted as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(title)s” was submitted for review.") % {"title": translated.title})
    return redirect(edit_url(page))


def review_blocker(page):
    """Why the page's translation may not be approved now, or None. The reviewer approves what the editor shows;
    that must be what was submitted, which is what approval publishes (see translation.finish)."""
    task_state = current_task_state(page)
    if task_state is None:
        return None
    submitted = SubmittedTranslation.objects.filter(revision_id=task_state.revision_id).first()
    if submitted is None:
        if translation_for(page) is None:
            return None  # edited directly, not translated side by side: Wagtail's own approval
        return _("This translation was submitted before reviews kept what was submitted: request changes.")
    if submitted.digest != strings_digest(submitted.translation):
        return _(
            "The translation or its English source changed since it was submitted: request changes, and the "
            "translator submits it again."
        )
    return None


def approvable(page):
    return review_blocker(page) is None


def requested_go_live(request, page):
    """When the reviewer's approval has the translation go live: None for now, or (time, whether it follows its
    English source's schedule). A choice that cannot be carried out raises ValueError with the reason."""
    if request.POST.get("go_live") == "with_source":
        moment = source_go_live(page)
        if moment is None:
            raise ValueError(_("The English page is no longer scheduled: choose another time."))
        return moment, True
    moment = requested_moment(request)
    return None if moment is None else (moment, False)


def requested_moment(request):
    """The time the form's "Goes live" asks for: None for now; a choice that cannot be carried out raises
    ValueError with the reason."""
    choice = request.POST.get("go_live", "now")
    if choice == "now":
        return None
    if choice != "at":
        raise ValueError(_("Choose when the translation goes live."))
    try:
        moment = parse_datetime(request.POST.get("go_live_at", "").strip())
    except ValueError:  # well-formed, but no such date: 2026-02-30
        moment = None
    if moment is None:
        raise ValueError(_("Give the date and time the translation goes live."))
    moment = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
    if moment <= timezone.now():
        raise ValueError(_("Choose a time in the future, or publish now."))
    return moment


@require_POST
def review_translation(request, translation_id, action):
    """Approve (publishes when it is the last task) or request changes, as the reviewer."""
    _translation, page = get_page_translation(translation_id)
    actions = review_actions(page, request.user)
    blocker = review_blocker(page) if action == "approve" and "reject" in actions else None
    if blocker:  # a reviewer, whose Approve was withdrawn: say why
        messages.error(request, blocker)
        return redirect(edit_url(page))
    if action not in actions:
        raise PermissionDenied
    task_state = current_task_state(page)
    try:
        go_live = requested_go_live(request, page) if action == "approve" else None
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(edit_url(page))
    if go_live:
        schedule_revision(task_state.revision, *go_live)
    task_state.task.specific.on_action(task_state, request.user, action, comment=request.POST.get("comment", ""))
    title = task_state.revision.as_object().title  # the reviewed revision's (the page object has the old live one)
    if go_live:
        moment = date_format(timezone.localtime(go_live[0]), "DATETIME_FORMAT")
        messages.success(
            request, _("Approved “%(title)s”: it goes live on %(moment)s.") % {"title": title, "moment": moment}
        )
    elif action == "approve":
        messages.success(request, _("Approved and published “%(title)s”.") % {"title": title})
    else:
        messages.success(request, _("Sent “%(title)s” back to the translator.") % {"title": title})
    return redirect(edit_url(page))


def editable_translation(request, translation_id):
    """The translation and the page or snippet it fills, for a user who may edit that."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    target = target_of(translation)
    if not can_edit(request.user, target):
        raise PermissionDenied
    return translation, target


def editor_state_json(request, translation_id):
    """What the editor's footer shows, for it to stay current as the translator saves strings: the strings that
    still need a translator, and the glossary flags."""
    translation, target = editable_translation(request, translation_id)
    found, flags = open_strings(translation), glossary_flags(translation)
    near = near_matches(translation, found)
    return JsonResponse(
        {
            "open": [item.as_json() for item in found],
            "near": {segment_id: match.as_json() for segment_id, match in near.items()},
            "status": open_strings_status(len(found)),
            "in_review": in_review(target),
            "flags": [flag.as_json() for flag in flags],
            "summary": flags_summary(len(flags)),
        }
    )


def open_strings_status(count):
    if not count:
        return _("Every string is translated.")
    return ngettext(
        "%(count)d string still needs a translator.", "%(count)d strings still need a translator.", count
    ) % {"count": count}


@require_POST
def use_memory_match(request, translation_id, segment_id):
    """Takes the memory's near match of an untranslated string as its suggestion, for the translator to adapt."""
    translation, target = editable_translation(request, translation_id)
    if not use_near_match(translation, segment_id):
        messages.error(request, _("The translation memory has no near match for that string any more."))
    return redirect(edit_url(target))


@require_POST
def keep_string(request, translation_id, segment_id):
    """Keeps a string's translation as it is (a name, a number, a suggestion checked)."""
    translation, target = editable_translation(request, translation_id)
    if not keep(translation, segment_id, request.user):
        messages.error(request, _("That string has no translation to keep; translate it first."))
    return redirect(edit_url(target))


def refuse_incomplete_publish(request, instance):
    """Guards wagtail-localize's Publish button, which would otherwise fill gaps with the English text."""
    if request.method != "POST" or request.POST.get(EDITOR_PUBLISH_FIELD) != EDITOR_PUBLISH_VALUE:
        return None
    if not isinstance(instance, DraftStateMixin):
        return None
    translation = translation_for(instance)
    found = open_strings(translation) if translation else []
    if found:
        messages.error(request, open_strings_message(found))
        return redirect(request.get_full_path())
    return None


class ApprovalConfirmationMiddleware:
    """Wagtail's own Approve (the dashboard's menu of pages awaiting review) says nothing when it succeeds; this
    confirms a translation approved and published there as the editor's footer does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        approved = (
            request.method == "POST"
            and match is not None
            and match.view_name == "wagtailadmin_pages:workflow_action"
            and match.kwargs.get("action_name") == "approve"
            and response.status_code in (200, 302)
        )
        if approved:
            page = Page.objects.filter(pk=match.kwargs["page_id"]).first()
            if page is not None and page.live and not page.workflow_in_progress:
                messages.success(request, _("Approved and published “%(title)s”.") % {"title": page.title})
        return response
