from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from elasticsearch.exceptions import ElasticsearchException

from search import service
from search.vocabulary import count_every_page


class Command(BaseCommand):
    help = (
        "Rebuilds the search indexes: Wagtail's (database, and the search engine when configured), the spelling "
        "vocabulary, and the reader-facing engine index, built as a new index behind an alias so that search keeps "
        "answering and updates made meanwhile reach both."
    )

    def handle(self, *args, verbosity=1, **options):
        call_command("update_index", verbosity=max(0, verbosity - 1))
        count_every_page()
        if not service.engine_configured():
            self.stdout.write("Search uses the database; its index is up to date.")
            return

        def progress(done, total):
            if verbosity:
                width = 30
                filled = width * done // max(total, 1)
                self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
                self.stdout.flush()

        try:
            count, seconds = service.rebuild(progress)
        except ElasticsearchException as error:
            raise CommandError(
                f"The search engine is not reachable: {error}. The previous index is still in use."
            ) from error
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"The index now holds {count} pages, built in {seconds:.1f} s "
                f"({count / max(seconds, 1e-9):.0f} pages/s)."
            )
        )
