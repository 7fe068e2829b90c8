from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo.builder import DemoContentError, build_demo_site
from home.demo.seeds import SeedError

DEFAULT_SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


class Command(BaseCommand):
    help = "Builds the bilingual demo site from the seed pages. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds", default=str(DEFAULT_SEEDS), help=f"folder of seed pages (default {DEFAULT_SEEDS})"
        )
        parser.add_argument(
            "--write-missing", metavar="PO_FILE", help="write strings that lack a Chinese translation to this PO file"
        )

    def handle(self, *args, seeds, write_missing, verbosity, **options):
        log = self.stdout.write if verbosity > 1 else (lambda message: None)
        try:
            created = build_demo_site(seeds, log=log, missing_po=write_missing)
        except (SeedError, DemoContentError) as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} objects created."))
        else:
            self.stdout.write("Demo content already loaded; nothing to do.")
