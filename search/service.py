"""The one search service the site and the API use.

Elasticsearch answers when ELASTICSEARCH_URL is set and it is reachable; otherwise the database does, and a
warning is logged. Page changes are pushed to Elasticsearch as they happen; changes it misses while it is
down are queued (PendingIndexUpdate) and sent as soon as it answers again, so nothing is lost.
"""

import logging
import time

from django.conf import settings

from wagtail.models import Page

from elasticsearch.exceptions import ElasticsearchException

from home.content import content_kinds, kind_of
from search.models import PendingIndexUpdate

from .backends.database import DatabaseSearch
from .backends.elastic import ElasticsearchSearch

logger = logging.getLogger(__name__)


def elasticsearch_enabled():
    return bool(settings.ELASTICSEARCH_URL)


def search(request):
    """Results for a validated SearchRequest."""
    if elasticsearch_enabled():
        try:
            engine = ElasticsearchSearch()
            send_pending(engine)
            return engine.search(request)
        except ElasticsearchException as error:
            logger.warning("Elasticsearch is unavailable (%s); answering from the database.", error)
    return DatabaseSearch().search(request)


def suggest(prefix, language):
    """Titles in this language that complete what the reader is typing."""
    if elasticsearch_enabled():
        try:
            return ElasticsearchSearch().suggest(prefix, language)
        except ElasticsearchException as error:
            logger.warning("Elasticsearch is unavailable (%s); suggesting from the database.", error)
    return DatabaseSearch().suggest(prefix, language)


def is_searchable(page):
    return page.live and kind_of(page) is not None and Page.objects.public().filter(pk=page.pk).exists()


def apply_updates(engine, page_ids):
    """Indexes the searchable pages among page_ids and removes the rest (unpublished, private, deleted)."""
    pages = [page for page in Page.objects.filter(pk__in=page_ids).specific() if is_searchable(page)]
    engine.ensure_index()
    if pages:
        engine.index_pages(pages)
    gone = set(page_ids) - {page.pk for page in pages}
    if gone:
        engine.remove_pages(gone)


def send_pending(engine):
    pending = list(PendingIndexUpdate.objects.values_list("page_id", flat=True)[:500])
    if pending:
        apply_updates(engine, pending)
        PendingIndexUpdate.objects.filter(page_id__in=pending).delete()
        logger.info("Sent %d queued page changes to Elasticsearch.", len(pending))


def update_pages(page_ids):
    """Brings the Elasticsearch index in step with these pages now, or queues them if it is unreachable."""
    page_ids = set(page_ids)
    if not elasticsearch_enabled() or not page_ids:
        return
    try:
        engine = ElasticsearchSearch()
        apply_updates(engine, page_ids)
        send_pending(engine)
    except ElasticsearchException as error:
        logger.warning("Elasticsearch is unavailable (%s); queued %d page(s) for reindexing.", error, len(page_ids))
        for page_id in page_ids:
            PendingIndexUpdate.objects.update_or_create(page_id=page_id)


def forget_pages(page_ids):
    """Removes deleted pages from the index (or queues them; the queue then finds them gone)."""
    if not elasticsearch_enabled():
        return
    try:
        ElasticsearchSearch().remove_pages(page_ids)
    except ElasticsearchException as error:
        logger.warning("Elasticsearch is unavailable (%s); queued %d deleted page(s).", error, len(page_ids))
        for page_id in page_ids:
            PendingIndexUpdate.objects.update_or_create(page_id=page_id)


def update_subtree(page):
    update_pages(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def rebuild(progress=None, chunk_size=200):
    """Fills a new index with every searchable page, then moves the alias to it; returns (count, seconds)."""
    engine = ElasticsearchSearch()
    started = time.perf_counter()
    index = engine.create_index()
    pages = list(Page.objects.live().public().type(*content_kinds().values()).specific().iterator())
    for start in range(0, len(pages), chunk_size):
        engine.index_pages(pages[start : start + chunk_size], index=index)
        if progress:
            progress(min(start + chunk_size, len(pages)), len(pages))
    engine.connection.indices.refresh(index=index)
    engine.switch_alias(index)
    PendingIndexUpdate.objects.all().delete()
    return len(pages), time.perf_counter() - started
