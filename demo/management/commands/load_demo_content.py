from django.core.management.base import BaseCommand, CommandError

from demo.builder import DemoContentError, build_demo_site
from demo.source_pages import SourcePageError


class Command(BaseCommand):
    help = (
        "Builds the bilingual demo site from the organisation's pages kept in demo/source/. "
        "Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--write-missing", metavar="PO_FILE", help="write strings that lack a Chinese translation to this PO file"
        )

    def handle(self, *args, write_missing, verbosity, **options):
        log = self.stdout.write if verbosity > 1 else (lambda message: None)
        try:
            created = build_demo_site(log=log, missing_po=write_missing)
        except (SourcePageError, DemoContentError) as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} objects created."))
        else:
            self.stdout.write("Demo content already loaded; nothing to do.")
