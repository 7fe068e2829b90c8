"""Keeps the Elasticsearch index in step with publishing, unpublishing, deleting, moving and view restrictions."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import service


def page_changed(sender, instance, **kwargs):
    service.update_pages([instance.pk])


def page_moved(sender, instance, **kwargs):
    service.update_subtree(instance)


def restriction_changed(sender, instance, **kwargs):
    service.update_subtree(instance.page)


def register_signal_handlers():
    page_published.connect(page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_page_unpublished")
    post_delete.connect(page_deleted, dispatch_uid="search_page_deleted")
    post_page_move.connect(page_moved, dispatch_uid="search_page_moved")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        service.forget_pages([instance.pk])
