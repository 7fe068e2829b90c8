"""Queues search index updates (search/tasks.py) on publishing, unpublishing, deleting, moving and view-restriction
changes."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .tasks import schedule_update


def page_changed(sender, instance, **kwargs):
    schedule_update([instance.pk])


def page_moved(sender, instance, **kwargs):
    schedule_update(subtree_ids(instance))


def restriction_changed(sender, instance, **kwargs):
    schedule_update(subtree_ids(instance.page))


def subtree_ids(page):
    return Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)


def register_signal_handlers():
    page_published.connect(page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_page_unpublished")
    # Sent for the Page row itself, after the page type's own row: the page is gone when the update looks.
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="search_page_deleted")
    post_page_move.connect(page_moved, dispatch_uid="search_page_moved")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")


def page_deleted(sender, instance, **kwargs):
    schedule_update([instance.pk])
