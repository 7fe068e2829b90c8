"""Every place search relies on something of Wagtail's search backends (modelsearch) or of django-tasks-db that is
not a documented API.

Written against modelsearch as Wagtail 8.0.1 ships it and django-tasks-db 0.13.0; tests/test_compat.py checks each
item and fails loudly when an upgrade changes it.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch7 import Elasticsearch7SearchResults
from wagtail.search.backends.elasticsearch7 import SearchBackend as Elasticsearch7SearchBackend

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from elasticsearch.exceptions import ElasticsearchException

from . import engine

WRITTEN_FOR_TASKS_DB_VERSION = "0.13.0"


class FallbackSearchResults(Elasticsearch7SearchResults):
    """The engine's results for an admin search, or, if the engine fails when they are read, the database
    backend's results for the same search.

    Assumes results are read through _do_search/_do_count/facet, sliced through start/stop and copied by _clone.
    """

    fallback = None

    def facet(self, field_name):
        try:
            return super().facet(field_name)
        except ElasticsearchException:
            return self.fallback.facet(field_name)

    def _do_search(self):
        try:
            return list(super()._do_search())  # a generator: it asks the engine only when read
        except ElasticsearchException:
            return list(self.fallback[self.start : self.stop])

    def _do_count(self):
        try:
            return super()._do_count()
        except ElasticsearchException:
            return self.fallback.count()

    def _clone(self):
        clone = super()._clone()
        clone.fallback = self.fallback
        return clone


class EngineSearchBackend(Elasticsearch7SearchBackend):
    """Wagtail's admin search on the process's shared, breaker-guarded client (search/engine.py). It never fails
    because of the engine: while the breaker is open, or when the engine fails to answer, the "database" backend
    answers instead.

    Assumes the backend keeps its client in `self.es` and that its indexes take it from there when made.
    """

    results_class = FallbackSearchResults

    def __init__(self, params):
        self.url = params["URLS"][0]
        super().__init__(params)
        self.es = engine.client(self.url)

    def search(self, *args, **kwargs):
        return self.with_fallback("search", *args, **kwargs)

    def autocomplete(self, *args, **kwargs):
        return self.with_fallback("autocomplete", *args, **kwargs)

    def with_fallback(self, method, *args, **kwargs):
        database = getattr(get_search_backend("database"), method)
        if engine.breaker(self.url).is_open:
            return database(*args, **kwargs)
        results = getattr(super(), method)(*args, **kwargs)
        results.fallback = database(*args, **kwargs)
        return results


def merge_waiting_retries(task, page_ids, attempt):
    """Takes the retries of `task` already waiting for their time (their page ids and highest attempt) off the queue,
    so that an outage leaves one waiting retry behind, not one per change.

    Assumes django-tasks-db keeps each task as a DBTaskResult row with its path, status, run_after and the
    keyword arguments under args_kwargs["kwargs"].
    """
    page_ids = set(page_ids)
    with transaction.atomic():
        waiting = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            task_path=task.module_path, status=TaskResultStatus.READY, run_after__gt=timezone.now()
        )
        taken = []
        for row in waiting:
            page_ids.update(row.args_kwargs["kwargs"]["page_ids"])
            attempt = max(attempt, row.args_kwargs["kwargs"].get("attempt", 0))
            taken.append(row.pk)
        DBTaskResult.objects.filter(pk__in=taken).delete()
    return sorted(page_ids), attempt
