"""A translation that goes live together with its source: the reviewer's approval can schedule the approved
translation at the source's pending go-live, and from then on it follows the source's schedule (moved, cancelled,
or published at once)."""

from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import Locale, Revision, TranslatableMixin
from wagtail.signals import page_published, published

from .models import FollowsSource


def pending_go_live(item):
    """When the item's scheduled revision goes live, or None."""
    revisions = item.revisions.exclude(approved_go_live_at=None).order_by("-created_at")
    return revisions.values_list("approved_go_live_at", flat=True).first()


def source_of(item):
    """The item in the default language, if `item` is a translation of it."""
    source = item.get_translation_or_none(Locale.get_default())
    return None if source is None or source.pk == item.pk else source


def source_go_live(item):
    """When the item's source is due to go live, or None."""
    source = source_of(item)
    return None if source is None else pending_go_live(source)


def schedule_revision(revision, moment, with_source=False):
    """Sets the go-live of a revision about to be published (its publish then schedules it instead)."""
    revision.content["go_live_at"] = moment.isoformat()
    revision.save(update_fields=["content"])
    if with_source:
        FollowsSource.objects.update_or_create(revision=revision)


def follow(source):
    """Moves the revisions that follow this source to its pending go-live; when it has none, they go live now if
    the source was published since they were scheduled, and are unscheduled if its schedule was cancelled."""
    pending, now = pending_go_live(source), timezone.now()
    for link in FollowsSource.objects.select_related("revision"):
        revision = link.revision
        its_source = source_of(revision.as_object())
        if its_source is None or its_source.pk != source.pk:
            continue
        moment = pending
        if pending is None:
            published_since = source.last_published_at is not None and source.last_published_at >= link.created_at
            due = revision.approved_go_live_at is not None and revision.approved_go_live_at <= now
            moment = (revision.approved_go_live_at if due else now) if published_since else None
            link.delete()
        if revision.approved_go_live_at != moment:
            # Its publish reads the time from the content: a later one there would schedule it again.
            revision.content["go_live_at"] = moment.isoformat() if moment else None
            revision.approved_go_live_at = moment
            revision.save(update_fields=["approved_go_live_at", "content"])


def source_changed(instance):
    """An item in the default language whose schedule may have changed."""
    in_default_language = isinstance(instance, TranslatableMixin) and instance.locale_id == Locale.get_default().pk
    if in_default_language:
        follow(instance)


def revision_saved(sender, instance, **kwargs):
    if FollowsSource.objects.exists():  # before reading the revision's object, which most saves never need
        source_changed(instance.content_object)


def item_published(sender, instance, **kwargs):
    source_changed(instance)


def watch_sources():
    post_save.connect(revision_saved, sender=Revision, dispatch_uid="scheduling:follow_revision")
    page_published.connect(item_published, dispatch_uid="scheduling:follow_page")
    published.connect(item_published, dispatch_uid="scheduling:follow_snippet")
