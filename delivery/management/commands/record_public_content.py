"""Looks at every page, image and document again and stamps it in the change record, so that every app syncing
gets all of it in its next delta: for after changes made around the models (raw SQL, QuerySet.update() in a
script), which no signal reports. `migrate` does the same once for a site that had content before the record."""

from django.core.management.base import BaseCommand

from delivery.change_record import record_everything
from delivery.models import ChangeRecord


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        record_everything()
        public = ChangeRecord.objects.filter(public=True).count()
        self.stdout.write(f"Change record: {public} public items stamped, apps get them in their next delta.")
