"""Deltas lose nothing to concurrent writers: a delta asked while a publish is still in its transaction, and two
publishes committing one after the other, each reach the app. These need writers that really run side by side,
so PostgreSQL (SQLite lets one writer in at a time); they commit, so they run after the other tests."""

import threading

from django.db import connection, transaction

import pytest

from .conftest import needs_postgresql
from .factories import publish_article
from .helpers import SyncedApp, public_set, synced_set

pytestmark = [
    pytest.mark.django_db(transaction=True),
    needs_postgresql,
]
WAIT = 30


class Writer(threading.Thread):
    """Publishes an article in its own transaction, and holds the transaction open until told to commit."""

    def __init__(self, title):
        super().__init__(daemon=True)
        self.title = title
        self.published, self.commit = threading.Event(), threading.Event()
        self.article = self.error = None

    def run(self):
        try:
            with transaction.atomic():
                self.article = publish_article(self.title)
                self.published.set()
                assert self.commit.wait(WAIT)
        except Exception as error:  # handed to the test's thread
            self.error = error
        finally:
            connection.close()

    def finish(self):
        self.commit.set()
        self.join(WAIT)
        assert not self.is_alive() and self.error is None, self.error
        return self.article.pk


def page_ids(entries):
    return {entry["id"] for entry in entries if entry["kind"] == "page"}


def test_a_delta_asked_while_a_publish_is_in_progress_loses_nothing(client, committed_demo_site):
    app = SyncedApp(client, "en")
    app.sync()
    writer = Writer("Published while the app synced")
    writer.start()
    assert writer.published.wait(WAIT)
    assert app.sync() == ([], [])  # not committed yet: not seen, and the token stays before it
    article = writer.finish()
    assert page_ids(app.sync()[0]) == {article}
    assert synced_set(app) == public_set(client, "en")


def test_publishes_that_commit_one_after_the_other_each_reach_the_app(client, committed_demo_site):
    app = SyncedApp(client, "en")
    app.sync()
    first, second = Writer("First writer"), Writer("Second writer")
    first.start()
    assert first.published.wait(WAIT)
    second.start()
    assert not second.published.wait(1)  # queued behind the first writer's content version
    assert app.sync() == ([], [])
    first_article = first.finish()
    assert second.published.wait(WAIT)
    assert page_ids(app.sync()[0]) == {first_article}  # the second is numbered after, so it cannot be skipped
    second_article = second.finish()
    assert page_ids(app.sync()[0]) == {second_article}
    assert synced_set(app) == public_set(client, "en")
