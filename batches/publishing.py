"""Reviewers approve a batch item by item; "Publish the batch together" then puts every approved item live in one
transaction (or schedules them all for one moment). Nothing skips review: a page is approved only while it waits in
its language's review workflow exactly as submitted, a snippet only when every string is translated, and publishing
checks each is still what was approved. A page is published by finishing its review (translation.finish publishes
the submitted revision), as the reviewer's own Approve does."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from scheduling.together import schedule_revision
from translation.guards import can_publish, target_of
from translation.open_strings import open_strings, strings_digest
from translation.review import current_task_state, open_strings_message, review_blocker, submit_translation

from .items import IN_REVIEW, READY, item_state, item_states, may_approve, still_approved
from .submitting import BatchError


def submit_ready_pages(batch, user):
    """Submits for review every page of the batch that is translated and not yet submitted, that the user may edit;
    returns how many."""
    submitted = 0
    for state in item_states(batch, user):
        if state.state == READY and state.may_edit and isinstance(state.target, Page):
            submit_translation(state.item.translation, state.target, user)
            submitted += 1
    if not submitted:
        raise BatchError(_("No page of this batch is translated and waiting to be submitted for review."))
    return submitted


def approve_item(item, user):
    """Records the reviewer's approval of one item, as it is now."""
    state = item_state(item, user)
    target = state.target
    if not can_publish(user, target):
        raise PermissionDenied  # not a reviewer of the language
    if isinstance(target, Page):
        if state.state != IN_REVIEW:
            raise BatchError(_("“%(title)s” is not waiting for review.") % {"title": target.title})
        if not may_approve(user, target):
            raise PermissionDenied  # not in the review task's groups
        blocker = review_blocker(target)
        if blocker:
            raise BatchError(blocker)
        item.approved_revision = current_task_state(target).revision
    else:
        found = open_strings(item.translation)
        if found:
            raise BatchError(open_strings_message(found))
        if state.state != READY:
            raise BatchError(_("“%(title)s” has nothing to approve.") % {"title": target})
    item.approved_digest = strings_digest(item.translation)
    item.approved_by, item.approved_at = user, timezone.now()
    item.save(update_fields=["approved_digest", "approved_revision", "approved_by", "approved_at"])


def approved_items(batch, user):
    """The items approved and still as approved, each with its target; refuses a user who may not publish one."""
    found = []
    for item in batch.items.filter(published_at=None).exclude(approved_digest=""):
        target = target_of(item.translation)
        if not still_approved(item, target):
            continue
        if not may_approve(user, target):
            raise PermissionDenied
        found.append((item, target))
    return found


def publish_item(item, target, user, moment):
    """Publishes (or schedules for `moment`) the approved translation of one item."""
    if isinstance(target, Page):
        task_state = current_task_state(target)
        if moment:
            schedule_revision(task_state.revision, moment)
        task_state.task.specific.on_action(task_state, user, "approve")
        return
    target = item.translation.source.create_or_update_translation(
        item.translation.target_locale, user=user, publish=False, fallback=False
    )[0]
    revision = target.latest_revision
    if moment:
        schedule_revision(revision, moment)
    revision.publish(user=user)


def publish_batch(batch, user, moment=None):
    """Publishes every approved item together, now or at `moment`; returns how many. Nothing is published unless
    all of them are."""
    if not all(can_publish(user, target_of(item.translation)) for item in batch.items.select_related("translation")):
        raise PermissionDenied  # only the language's reviewers publish its translations
    items = approved_items(batch, user)
    if not items:
        raise BatchError(_("No item of this batch is approved and waiting to be published."))
    with transaction.atomic():
        for item, target in items:
            publish_item(item, target, user, moment)
            item.published_at = moment or timezone.now()
            item.save(update_fields=["published_at"])
    return len(items)


def published_message(count, moment, waiting):
    if moment:
        message = ngettext(
            "%(count)d approved item goes live on %(moment)s.", "%(count)d approved items go live on %(moment)s.", count
        )
    else:
        message = ngettext("Published %(count)d approved item.", "Published %(count)d approved items together.", count)
    message %= {"count": count, "moment": moment}
    if waiting:
        message += " " + ngettext(
            "%(count)d item is not approved yet and stays as it is.",
            "%(count)d items are not approved yet and stay as they are.",
            waiting,
        ) % {"count": waiting}
    return message
