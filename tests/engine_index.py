"""The search engine's index is not rolled back with a test's transaction: a page a test publishes stays in it, one
it unpublishes stays out. So that tests do not depend on the order they run in (pytest-xdist deals them out as
workers come free), the writes a test makes to the run's index are recorded and undone after the rollback: the
pages it touched are indexed again from the database as it is then, or the whole index when the test rebuilt it."""

import os
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.test import override_settings

from search import service


class EngineWrites:
    def __init__(self):
        # The run's own index; a test on another (the outage tests' own node, a scratch prefix) is left alone.
        self.index = (settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX_PREFIX)
        self.page_ids, self.rebuilt = set(), False
        self.apply_updates, self.rebuild = service.apply_updates, service.rebuild

    def on_the_runs_index(self):
        return bool(self.index[0]) and self.index == (settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX_PREFIX)

    def recorded_updates(self, page_ids, *args, **kwargs):
        if self.on_the_runs_index():
            self.page_ids.update(page_ids)
        return self.apply_updates(page_ids, *args, **kwargs)

    def recorded_rebuild(self, *args, **kwargs):
        self.rebuilt = self.rebuilt or self.on_the_runs_index()
        return self.rebuild(*args, **kwargs)

    @contextmanager
    def recording(self):
        with (
            mock.patch.object(service, "apply_updates", self.recorded_updates),
            mock.patch.object(service, "rebuild", self.recorded_rebuild),
        ):
            yield self

    def put_back(self):
        """Brings the index back in step with the database (after the test's rollback)."""
        rebuilt, page_ids = self.rebuilt, sorted(self.page_ids)
        self.page_ids, self.rebuilt = set(), False
        if rebuilt:
            self.rebuild()
        elif page_ids:
            self.apply_updates(page_ids)


def unindexed():
    """For making a lot of content at once (the demo site, a test's hundred articles): nothing is indexed as it is
    saved, neither in Wagtail's indexes nor in the engine; index it afterwards in bulk where a test searches it."""
    backends = {name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()}
    return override_settings(WAGTAILSEARCH_BACKENDS=backends, ELASTICSEARCH_URL="")


def wait_for_engine(url, seconds=180):
    """Waits for the run's search node, which `make test` starts beside the making of the test databases."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            health = f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s"
            with urllib.request.urlopen(health, timeout=5):  # noqa: S310 - the run's own node
                return
        except OSError:
            time.sleep(0.5)
    log = os.environ.get("SEARCH_NODE_LOG")
    detail = f"; its log, {log}:\n{Path(log).read_text()[-3000:]}" if log and Path(log).exists() else ""
    raise RuntimeError(f"the search node at {url} did not answer in {seconds} s{detail}")
