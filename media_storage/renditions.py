"""Renditions made once, whichever server is asked: a rendition is made holding a lock on its image's row, after
looking again for one made meanwhile, so that two servers asked for the same new rendition at the same moment store
one file and one row (without it each stores a file, and the loser's stays in storage with no row). A rendition
whose file has gone from storage is made again under its name."""

import contextlib

from django.db import transaction

from wagtail.images.models import Filter


@contextlib.contextmanager
def image_locked(image):
    """One server at a time makes the image's renditions (until the transaction ends; on SQLite, whose
    transactions take the write lock as they begin, one writer at a time)."""
    with transaction.atomic():
        list(type(image).objects.select_for_update().filter(pk=image.pk).values_list("pk", flat=True))
        yield


def stored_rendition(image, filter):
    """The image's rendition by `filter` from the database (not a cache), or None."""
    renditions = image.renditions.filter(filter_spec=filter.spec, focal_point_key=filter.get_cache_key(image))
    return renditions.first()


def remake_missing_file(rendition):
    """Store the rendition's file again, under its own name when that is free, keeping its row (pages and caches
    that name the file find it again); its stored name."""
    image, storage, rows = rendition.image, rendition.file.storage, type(rendition).objects.filter(pk=rendition.pk)
    with image_locked(image):
        name = rows.values_list("file", flat=True).first() or rendition.file.name
        if not storage.exists(name):
            name = storage.save(name, image.generate_rendition_file(Filter(rendition.filter_spec)))
            if rows.exclude(file=name).update(file=name):
                rendition.purge_from_cache()
    return name
