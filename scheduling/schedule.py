"""Scheduled publishing that runs by itself. Wagtail records a schedule (a revision's approved go-live time, a live
object's expiry) and leaves carrying it out to cron; here each schedule, as it is saved, queues `carry_out_schedules`
on the task worker (django-tasks) to run at that time. A schedule changed or cancelled leaves its queued task
nothing to do; one whose time passed while the worker was down runs as the worker starts."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import DraftStateMixin, Revision

from .tasks import carry_out_schedules

logger = logging.getLogger(__name__)


def plan(moment):
    """Queues the schedules' task to run at `moment` (at once if it has passed), in the caller's transaction."""
    if not carry_out_schedules.get_backend().supports_defer:
        logger.warning("Schedules are not carried out: the task backend cannot run a task later (BACKGROUND_TASKS).")
        return
    carry_out_schedules.using(run_after=max(moment, timezone.now())).enqueue()


def saved(update_fields, *fields):
    """Whether a save may have written one of these fields (a save without update_fields writes them all)."""
    return update_fields is None or not set(fields).isdisjoint(update_fields)


def revision_scheduled(sender, instance, update_fields=None, **kwargs):
    if instance.approved_go_live_at is not None and saved(update_fields, "approved_go_live_at"):
        plan(instance.approved_go_live_at)


def expiry_set(sender, instance, update_fields=None, **kwargs):
    """A publish writes the object whole; a draft saved updates a few fields and never an expiry."""
    on_schedule = isinstance(instance, DraftStateMixin) and instance.live and instance.expire_at is not None
    if on_schedule and saved(update_fields, "live", "expire_at"):
        plan(instance.expire_at)


def watch_schedules():
    post_save.connect(revision_scheduled, sender=Revision, dispatch_uid="scheduling:go_live")
    post_save.connect(expiry_set, dispatch_uid="scheduling:expiry")


def plan_recorded_schedules(registry):
    """Queues the task for every schedule already recorded, read through `registry` (a migration's models): for a
    database that had schedules before this app."""
    revisions = registry.get_model("wagtailcore", "Revision").objects.exclude(approved_go_live_at=None)
    moments = set(revisions.values_list("approved_go_live_at", flat=True))
    for model in registry.get_models():
        fields = {field.name for field in model._meta.get_fields()}
        if {"live", "expire_at"} <= fields and not model._meta.parents:  # pages once, as wagtailcore.Page
            moments.update(model.objects.filter(live=True).exclude(expire_at=None).values_list("expire_at", flat=True))
    with transaction.atomic():
        for moment in moments:
            plan(moment)
