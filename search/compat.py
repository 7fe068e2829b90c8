"""Every place search relies on something of Wagtail's search backends (modelsearch) or of django-tasks-db that is
not a documented API.

Written against modelsearch as Wagtail 8.0.1 ships it and django-tasks-db 0.13.0; tests/test_compat.py checks each
item and fails loudly when an upgrade changes it.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch7 import SearchBackend as Elasticsearch7SearchBackend

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from . import engine

WRITTEN_FOR_TASKS_DB_VERSION = "0.13.0"


class EngineSearchBackend(Elasticsearch7SearchBackend):
    """Wagtail's admin search on the process's shared, breaker-guarded client (search/engine.py); while the breaker
    is open it answers from the "database" backend instead of failing.

    Assumes the backend keeps its client in `self.es` and that its indexes take it from there when made.
    """

    def __init__(self, params):
        self.url = params["URLS"][0]
        super().__init__(params)
        self.es = engine.client(self.url)

    def search(self, *args, **kwargs):
        if engine.breaker(self.url).is_open:
            return get_search_backend("database").search(*args, **kwargs)
        return super().search(*args, **kwargs)

    def autocomplete(self, *args, **kwargs):
        if engine.breaker(self.url).is_open:
            return get_search_backend("database").autocomplete(*args, **kwargs)
        return super().autocomplete(*args, **kwargs)


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
