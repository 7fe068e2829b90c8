"""Where media_storage reaches into Wagtail: its two methods that make renditions, AbstractImage.create_rendition
(one filter, through get_or_create) and create_renditions (several, made in threads and saved with bulk_create),
are wrapped so that they make each rendition once across servers (media_storage.renditions). Wagtail documents
both; a custom image model could override them, but this site keeps Wagtail's own.

Written against Wagtail 8.0.1; tests/test_compat.py fails loudly when an upgrade changes them.
"""

import functools

from wagtail.images.models import AbstractImage

from .renditions import image_locked, stored_rendition

WRITTEN_FOR_VERSION = "8.0.1"


def make_renditions_once():
    """Wrap Wagtail's rendition makers (once per process)."""
    if getattr(AbstractImage.create_rendition, "made_once", False):
        return
    make_one, make_many = AbstractImage.create_rendition, AbstractImage.create_renditions

    @functools.wraps(make_one)
    def create_rendition(image, filter):
        with image_locked(image):
            return stored_rendition(image, filter) or make_one(image, filter)

    @functools.wraps(make_many)
    def create_renditions(image, *filters):
        if len(filters) < 2:  # Wagtail hands a single filter to create_rendition
            return make_many(image, *filters)
        with image_locked(image):
            found = {filter: rendition for filter in filters if (rendition := stored_rendition(image, filter))}
            return found | make_many(image, *[filter for filter in filters if filter not in found])

    create_rendition.made_once = create_renditions.made_once = True
    AbstractImage.create_rendition = create_rendition
    AbstractImage.create_renditions = create_renditions
