"""What delivery assumes of Wagtail that is not a documented API: the fields it saves on a page, image or document
for bookkeeping readers never see (for the content version and the change record), and how a rendition's size and
variant follow from its filter (for renditions an app asks for).

Written against Wagtail 8.0.1; tests/test_compat.py checks it and fails loudly when an upgrade changes it.
"""

import hashlib

from wagtail.images.models import Filter

WRITTEN_FOR_VERSION = "8.0.1"

# Page.save_revision() saves these on the page (a draft: the live content is untouched), as do an edit lock and
# treebeard when a child is added.
DRAFT_BOOKKEEPING_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
    }
)
# An image's or document's get_file_size() saves the size it read from storage, on first use (an API read).
MEDIA_BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def rendition_size(image, spec):
    """The width and height of the image's rendition by this filter, worked out without rendering it."""
    return Filter(spec).get_transform(image).size


def rendition_variant(image, spec):
    """Eight hex digits that change with the image's file and, for the filters that crop around it, its focal point
    (the part of Wagtail's rendition key that varies with the image)."""
    return hashlib.sha256(f"{image.file.name}/{Filter(spec).get_cache_key(image)}".encode()).hexdigest()[:8]
