"""What the content version and the change record assume of Wagtail that is not a documented API: the fields it
saves on a page, image or document for bookkeeping readers never see.

Written against Wagtail 8.0.1; tests/test_compat.py checks it and fails loudly when an upgrade changes it.
"""

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
