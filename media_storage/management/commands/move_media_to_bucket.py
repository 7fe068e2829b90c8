"""Copy a local media folder into the bucket the site now uses (AWS_STORAGE_BUCKET_NAME), under the same names, so
that every image, rendition and document keeps working. Safe to run again, and to stop and run again: a file the
bucket already holds at the same size is skipped. With --delete-local each local file is removed once the bucket
holds it."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm


class Command(BaseCommand):
    help = "Copy the files of a local media folder (MEDIA_ROOT by default) into the configured bucket."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", default=str(settings.MEDIA_ROOT), help="the local media folder")
        parser.add_argument("--delete-local", action="store_true", help="remove each local file once it is copied")

    def handle(self, source, delete_local, **options):
        if not hasattr(default_storage, "put"):
            raise CommandError("Uploads are not on a bucket: set AWS_STORAGE_BUCKET_NAME (see the README) first.")
        folder = Path(source)
        if not folder.is_dir():
            raise CommandError(f"No media folder at {folder}.")
        files = sorted(path for path in folder.rglob("*") if path.is_file())
        copied = already = 0
        for path in tqdm(files, desc="Copying media", unit="file", file=sys.stderr, disable=options["verbosity"] < 1):
            name = path.relative_to(folder).as_posix()
            if default_storage.size_or_none(name) == path.stat().st_size:
                already += 1
            else:
                with path.open("rb") as content:
                    default_storage.put(name, File(content, name=name))
                copied += 1
            if delete_local:
                path.unlink()
        removed = f"; {len(files)} local files removed" if delete_local else ""
        self.stdout.write(f"{copied} files copied, {already} already in the bucket{removed}.")
