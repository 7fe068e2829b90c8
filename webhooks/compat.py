"""What the webhooks rely on of Wagtail's publishing beyond its documented signals (written against Wagtail 8.0.1;
tests/test_compat.py checks both and fails loudly when an upgrade changes them):

- A revision published by the schedule (scheduling.tasks publishes it as Wagtail's `publish_scheduled` does) still
  has its `approved_go_live_at` on the instance the publish signals carry, although the database rows are cleared:
  that is how an event says `"scheduled": true`.
- Wagtail unpublishes a live page in a `pre_delete` handler before deleting it, which sends `page_unpublished`:
  webhooks.events announces that page as deleted only.
"""

WRITTEN_FOR_WAGTAIL = "8.0.1"


def published_on_schedule(revision):
    return revision is not None and revision.approved_go_live_at is not None
