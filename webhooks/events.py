"""Which changes become events: each change readers can see (the one definition, home.visibility.Readers), as it
commits. A page or snippet published while readers may see it; one unpublished (by hand or at its expiry) or deleted
while in a public place; a page moved; pages that a view restriction hides or frees. Never a draft, a preview, a
scheduled revision before its time, or a page readers cannot see. The event and its deliveries are written in the
transaction of the change, and the webhook worker is woken when it commits (webhooks.sending)."""

import json
import threading

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from wagtail.models import DraftStateMixin, Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from delivery.changes import current
from home.visibility import Readers

from .compat import published_on_schedule
from .described import describe
from .models import Delivery, Endpoint, Event, EventType
from .sending import wake_sender

_before = threading.local()  # this thread's changes under way: what readers could see before them


def under_way(name):
    """A dict of this thread's, kept between a change's pre- and post- signals."""
    if not hasattr(_before, name):
        setattr(_before, name, {})
    return getattr(_before, name)


def is_snippet(item):
    return isinstance(item, DraftStateMixin) and not isinstance(item, Page)


def emit(event_type, items, scheduled=False, described=None):
    """One event per item (pages or snippets) for the endpoints that want it; `described`: the one item's
    description, taken before it was deleted."""
    endpoints = list(Endpoint.objects.filter(enabled=True).prefetch_related("locales", "content_types"))
    endpoints = [endpoint for endpoint in endpoints if event_type in endpoint.events]
    if not endpoints:
        return
    version = current()[0]
    for item in items:
        data, model = described or describe(item)
        wanted = [endpoint for endpoint in endpoints if wants(endpoint, item, model)]
        if not wanted:
            continue
        event = Event(type=event_type, subject=f"{data['kind']}:{data['type']}:{data['id']}")
        event.created_at = timezone.now()
        body = {
            "id": event.event_id,
            "type": event_type,
            "timestamp": event.created_at,
            "content_version": version,
            "scheduled": scheduled,
            "data": data,
        }
        event.body = json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
        event.save()
        Delivery.objects.bulk_create([Delivery(endpoint=endpoint, event=event) for endpoint in wanted])
    wake_sender()


def wants(endpoint, item, model):
    locales = [locale.pk for locale in endpoint.locales.all()]
    content_types = [content_type.model_class() for content_type in endpoint.content_types.all()]
    return (not locales or item.locale_id in locales) and (not content_types or model in content_types)


def has_endpoints():
    return Endpoint.objects.filter(enabled=True).exists()


def on_published(sender, instance, revision=None, **kwargs):
    """`published`, for snippets: pages are told by `page_published`, which Wagtail also sends for a page copied
    live and for the aliases of a page published."""
    if not isinstance(instance, Page):
        announce_publish(instance, revision)


def on_page_published(sender, instance, revision=None, **kwargs):
    announce_publish(instance, revision)


def announce_publish(item, revision):
    """A publish readers see (not one scheduled for later, which is announced when the worker carries it out)."""
    if Readers().can_see(item):
        kind = EventType.PAGE_PUBLISHED if isinstance(item, Page) else EventType.SNIPPET_PUBLISHED
        emit(kind, [item], scheduled=published_on_schedule(revision))


def on_unpublished(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        announce_unpublish(instance)


def on_page_unpublished(sender, instance, **kwargs):
    announce_unpublish(instance)


def announce_unpublish(item):
    """Wagtail unpublishes only what was live: readers saw it until now (or until its expiry) if it is in a public
    place. (Wagtail also unpublishes a page it is about to delete: its deleted event says it all.)"""
    if subject_key(item) not in deleting() and Readers().in_public_place(item):
        kind = EventType.PAGE_UNPUBLISHED if isinstance(item, Page) else EventType.SNIPPET_UNPUBLISHED
        emit(kind, [item], scheduled=item.expired)


def subject_key(item):
    return ("page" if isinstance(item, Page) else item._meta.label, item.pk)


def deleting():
    """{subject key: description, or None when readers could not see it} of the items being deleted."""
    return under_way("deleting")


def before_delete(sender, instance, **kwargs):
    if isinstance(instance, PageViewRestriction):
        remember_visible(instance.page_id)
    elif sender is Page or is_snippet(instance):
        stored = sender._base_manager.filter(pk=instance.pk, live=True).first() if has_endpoints() else None
        shown = stored is not None and Readers().in_public_place(stored)
        deleting()[subject_key(instance)] = describe(stored) if shown else None  # while its site can be found


def after_delete(sender, instance, **kwargs):
    if isinstance(instance, PageViewRestriction):
        announce_visibility_changes(instance.page_id)
    elif sender is Page or is_snippet(instance):
        described = deleting().pop(subject_key(instance), None)
        if described:
            kind = EventType.PAGE_DELETED if isinstance(instance, Page) else EventType.SNIPPET_DELETED
            emit(kind, [instance], described=described)


def before_restriction_saved(sender, instance, **kwargs):
    remember_visible(instance.page_id)


def after_restriction_saved(sender, instance, **kwargs):
    announce_visibility_changes(instance.page_id)


def before_move(sender, instance, **kwargs):
    remember_visible(instance.pk)


def after_move(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    announce_visibility_changes(instance.pk, moved=url_path_before != url_path_after)


def visible_under(page_id):
    pages = Page.objects.filter(pk=page_id).first()
    if pages is None:
        return set()
    return set(Readers().pages(Page.objects.descendant_of(pages, inclusive=True)).values_list("pk", flat=True))


def remember_visible(page_id):
    """{page id: the pages under it readers can see} before a move or a restriction change."""
    under_way("visible")[page_id] = visible_under(page_id) if has_endpoints() else None


def announce_visibility_changes(page_id, moved=False):
    """Pages under `page_id` readers can now see (published), no longer see (unpublished) or see at a new URL."""
    before = under_way("visible").pop(page_id, None)
    if before is None:
        return
    after = visible_under(page_id)
    pages = Page.objects.filter(pk__in=before | after).order_by("path")
    emit(EventType.PAGE_PUBLISHED, pages.filter(pk__in=after - before))
    emit(EventType.PAGE_UNPUBLISHED, pages.filter(pk__in=before - after))
    if moved:
        emit(EventType.PAGE_MOVED, pages.filter(pk__in=before & after))


def watch_changes():
    published.connect(on_published, dispatch_uid="webhooks:published")
    page_published.connect(on_page_published, dispatch_uid="webhooks:page_published")
    unpublished.connect(on_unpublished, dispatch_uid="webhooks:unpublished")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks:page_unpublished")
    pre_delete.connect(before_delete, dispatch_uid="webhooks:before_delete")
    post_delete.connect(after_delete, dispatch_uid="webhooks:after_delete")
    pre_save.connect(before_restriction_saved, sender=PageViewRestriction, dispatch_uid="webhooks:before_restrict")
    post_save.connect(after_restriction_saved, sender=PageViewRestriction, dispatch_uid="webhooks:after_restrict")
    pre_page_move.connect(before_move, dispatch_uid="webhooks:before_move")
    post_page_move.connect(after_move, dispatch_uid="webhooks:after_move")
