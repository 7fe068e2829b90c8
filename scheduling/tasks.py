"""The task that carries out schedules: what Wagtail's `publish_scheduled` command does, one object at a time
under a row lock, so that two workers never publish the same revision twice."""

from django.db import transaction
from django.utils import timezone

from wagtail.models import Revision

from django_tasks import task

from home.content import publishable_models


@task()
def carry_out_schedules():
    """Unpublishes what has expired, then publishes the revisions whose go-live time has come, as a publish by hand
    does (every signal follows: content version, change record, search index, webhooks); returns what it did."""
    now = timezone.now()
    expired = published = 0
    for model in publishable_models():
        for pk in model.objects.filter(live=True, expire_at__lte=now).values_list("pk", flat=True):
            with transaction.atomic():
                item = model.objects.select_for_update().filter(pk=pk, live=True, expire_at__lte=now).first()
                if item is not None:
                    item.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                    expired += 1
    due = Revision.objects.filter(approved_go_live_at__lte=now).order_by("approved_go_live_at", "pk")
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            revision = Revision.objects.select_for_update().filter(pk=pk, approved_go_live_at__lte=now).first()
            if revision is not None:
                revision.publish(log_action="wagtail.publish.scheduled")
                published += 1
    return {"expired": expired, "published": published}
