"""Where each item of a batch stands, as the batch page shows it: its untranslated strings, glossary flags and
memory suggestions, and its state, from translating to published."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from translation.glossary_check import glossary_flags
from translation.guards import can_edit, can_publish, in_review, target_of
from translation.memory import memory_suggestions
from translation.open_strings import last_string_change, open_strings, strings_digest
from translation.review import current_task_state, edit_url, review_actions

TRANSLATING, READY, IN_REVIEW, APPROVED, SCHEDULED, PUBLISHED = (
    "translating",
    "ready",
    "in_review",
    "approved",
    "scheduled",
    "published",
)
STATE_LABELS = {
    TRANSLATING: _("Translating"),
    READY: _("Translated: not yet submitted for review"),
    IN_REVIEW: _("In review"),
    APPROVED: _("Approved: published with the batch"),
    SCHEDULED: _("Scheduled with the batch"),
    PUBLISHED: _("Published"),
}


@dataclass
class ItemState:
    item: object
    target: object
    open_count: int
    flag_count: int
    memory_count: int
    state: str
    may_edit: bool
    may_approve: bool

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def kind(self):
        return self.target._meta.verbose_name

    @property
    def edit_url(self):
        return edit_url(self.target) if self.may_edit else ""


def still_approved(item, target):
    """The item was approved, not yet published with the batch, and is still exactly what was approved: the same
    strings, and for a page the same submitted revision, still waiting in review."""
    if item.published_at or not item.approved_digest or item.approved_digest != strings_digest(item.translation):
        return False  # published with the batch (or never approved, or changed since)
    if isinstance(target, Page):
        task_state = current_task_state(target)
        return task_state is not None and task_state.revision_id == item.approved_revision_id
    return True


def published_since_translated(item, target):
    """The target's live version has every string as it is now (published alone by its reviewer, or with the
    batch)."""
    if not getattr(target, "live", True) or target.last_published_at is None:
        return False
    return target.last_published_at >= last_string_change(item.translation)


def state_of(item, target, open_count):
    if item.published_at and item.published_at > timezone.now():
        return SCHEDULED
    if still_approved(item, target):
        return APPROVED
    if in_review(target):
        return IN_REVIEW
    if open_count:
        return TRANSLATING
    if published_since_translated(item, target):
        return PUBLISHED
    return READY


def may_approve(user, target):
    """Reviewers approve what is in review (pages) or fully translated (snippets) in their language."""
    if isinstance(target, Page):
        return "approve" in review_actions(target, user)
    return can_publish(user, target)


def item_state(item, user):
    target = target_of(item.translation)
    found = open_strings(item.translation)
    state = state_of(item, target, len(found))
    approvable = state == IN_REVIEW or (state == READY and not isinstance(target, Page))
    return ItemState(
        item=item,
        target=target,
        open_count=len(found),
        flag_count=len(glossary_flags(item.translation)),
        memory_count=len(memory_suggestions(item.translation)),
        state=state,
        may_edit=can_edit(user, target),
        may_approve=approvable and may_approve(user, target),
    )


def batch_items(batch):
    return batch.items.select_related("translation__source__locale", "translation__target_locale")


def item_states(batch, user):
    return [item_state(item, user) for item in batch_items(batch)]
