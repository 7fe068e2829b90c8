"""Index updates as background tasks (django-tasks): publishing only queues them, and the worker
(`manage.py db_worker`) sends them to the engine. While the engine is down a task is queued again with back-off,
so an outage loses nothing and the editor never waits for the engine."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from django_tasks import task
from elasticsearch.exceptions import ElasticsearchException

from . import engine, service
from .compat import merge_waiting_retries
from .vocabulary import count_pages


class IndexUpdateDeferred(Exception):
    """The engine was unavailable: this attempt failed and the update waits in the queue for the next one."""


def retry_delay(attempt):
    """1, 2, 4, 8 … seconds, at most SEARCH_INDEX_RETRY_MAX_DELAY: how long after the engine is back a change made
    during the outage can take to reach the index."""
    return min(2**attempt, settings.SEARCH_INDEX_RETRY_MAX_DELAY)


@task()
def update_search_index(page_ids, attempt=0):
    """Brings the engine's indexes in step with these pages; returns how many pages it looked at."""
    engine.breaker().probe_if_due()
    try:
        service.apply_updates(page_ids)
    except ElasticsearchException as error:
        if not update_search_index.get_backend().supports_defer:
            raise IndexUpdateDeferred(f"cannot retry on this task backend; rebuild the index later: {error}") from error
        page_ids, attempt = merge_waiting_retries(update_search_index, page_ids, attempt)
        delay = retry_delay(attempt)
        retry = update_search_index.using(run_after=timezone.now() + timedelta(seconds=delay))
        retry.enqueue(page_ids=page_ids, attempt=attempt + 1)
        raise IndexUpdateDeferred(f"{len(page_ids)} page(s) queued again, in {delay:g} s: {error}") from error
    return len(page_ids)


@task()
def update_vocabulary(page_ids):
    """Recounts the words of these pages for spelling corrections (search/vocabulary.py)."""
    count_pages(page_ids)
    return len(page_ids)


def schedule_update(page_ids):
    """Queues the updates of the engine's index and of the vocabulary for these pages (Wagtail keeps the database
    backend's index itself). Queued in the caller's transaction, the tasks are saved (and seen by the worker)
    together with the change, or not at all."""
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return
    update_vocabulary.enqueue(page_ids=page_ids)
    if service.engine_configured():
        update_search_index.enqueue(page_ids=page_ids)
