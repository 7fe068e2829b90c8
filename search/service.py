"""The one search service the site and the API use.

The search engine (Elasticsearch or OpenSearch) answers when ELASTICSEARCH_URL is set and it responds; otherwise
the database does. Page changes reach the engine through background tasks (search/tasks.py), never on a reader's
or an editor's request, and a misbehaving engine is skipped at once by the circuit breaker (search/engine.py).
"""

import contextlib
import dataclasses
import functools
import logging
import time
from contextvars import ContextVar

from django.conf import settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from elasticsearch.exceptions import ElasticsearchException

from delivery import changes
from home.content import content_kinds
from home.visibility import Readers, readers

from .backends.base import SearchHit
from .backends.database import DatabaseSearch
from .backends.elastic import ElasticsearchSearch
from .compat import EngineSearchBackend
from .engine import is_engine_failure
from .facts import is_searchable, shown_topic_slugs
from .promotions import promoted_pages, with_promoted
from .synonyms import glossary_forms

logger = logging.getLogger(__name__)
_answer = ContextVar("search_answer", default=None)


@dataclasses.dataclass
class Answer:
    degraded: bool = False  # the engine is configured, but the database answered something in it


@contextlib.contextmanager
def answering():
    """Within this block, notes whether a search or suggestion fell back to the database: such an answer must not
    be stored as the answer (the engine may hold what the database lacks, or rank otherwise)."""
    answer = Answer()
    token = _answer.set(answer)
    try:
        yield answer
    finally:
        _answer.reset(token)


def cacheable_unless_degraded(view):
    """For a view that searches: its answer is public (cached until the content changes) unless the search fell
    back to the database (see answering)."""

    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        with answering() as searched:
            response = view(request, *args, **kwargs)
        if searched.degraded:
            response["Cache-Control"] = "no-store"
        return response

    return answer


def engine_configured():
    return bool(settings.ELASTICSEARCH_URL)


def answered(ask):
    """ask(backend): by the engine when one is configured and answers, else by the database."""
    if engine_configured():
        try:
            return ask(ElasticsearchSearch())
        except ElasticsearchException as error:
            log_fallback(error)
    return ask(DatabaseSearch())


def with_synonyms(request):
    return dataclasses.replace(request, synonyms=glossary_forms(request.query, request.languages))


def search(request):
    """Results for a validated SearchRequest, matching the glossary's synonyms of the terms it names too, with the
    pages staff promoted for the query first (on the first page; left out of the others)."""
    request = with_synonyms(request)
    results = answered(lambda backend: backend.search(request))
    promoted = promoted_pages(request)
    if promoted:
        ids = {page.pk for page in promoted}
        results.hits = [hit for hit in results.hits if hit.page.pk not in ids]
        if request.page == 1:
            results.hits[:0] = [SearchHit.for_page(page, request.terms) for page in promoted]
        results.total = max(results.total, len(ids))  # promoted pages are most often matches too
    if "topic" in results.facets:  # the engine's documents may name a topic unpublished since they were written
        shown = shown_topic_slugs()
        results.facets["topic"] = {slug: n for slug, n in results.facets["topic"].items() if slug in shown}
    return results


def ranked_page_ids(request, limit=1000):
    """The ids of the pages a SearchRequest finds, in the order search() gives them (its page and page size aside):
    for the pages API's `search`, which must find what the search page finds."""
    request = with_synonyms(request)
    ids = answered(lambda backend: backend.ranked_ids(request, limit))
    return with_promoted(ids, promoted_pages(request))[:limit]


def suggest(prefix, language):
    """Titles in this language that complete what the reader is typing."""
    return answered(lambda backend: backend.suggest(prefix, language))


def log_fallback(error):
    """Notes the fallback in the answer being built. The breaker says once that the engine is out; other errors (a
    missing index, say) are worth a line each."""
    answer = _answer.get()
    if answer is not None:
        answer.degraded = True
    if not is_engine_failure(error):
        logger.warning("The search engine could not answer (%s); answering from the database.", error)


def apply_updates(page_ids):
    """Indexes the searchable pages among page_ids in the readers' index and removes the rest (unpublished,
    private, deleted); Wagtail's own engine index gets the pages that still exist, so that its admin search
    catches up after an outage too."""
    existing = list(Page.objects.filter(pk__in=page_ids).specific())
    visible = Readers()
    searchable = [page for page in existing if is_searchable(page, visible)]
    engine = ElasticsearchSearch()
    engine.ensure_index()
    if searchable:
        engine.index_pages(searchable)
    gone = set(page_ids) - {page.pk for page in searchable}
    if gone:
        engine.remove_pages(gone)
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, EngineSearchBackend):  # the database backend is kept in step by Wagtail at once
            for page in existing:
                backend.add(page)
    changes.advance()  # written with refresh: searches see the update now, so cached results must go


def rebuild(progress=None, chunk_size=200):
    """Fills a new index with every searchable page while updates keep flowing to both, then moves the readers'
    alias to it; returns (documents in the new index, seconds)."""
    engine = ElasticsearchSearch()
    started = time.perf_counter()
    index = engine.start_rebuild()
    try:
        pages = readers().pages(Page.objects.type(*content_kinds().values())).specific()
        total, done = pages.count(), 0
        for chunk in in_chunks(pages.iterator(chunk_size=chunk_size), chunk_size):
            engine.fill(chunk)
            done += len(chunk)
            if progress:
                progress(done, total)
        count = engine.finish_rebuild(index)
    except BaseException:
        engine.drop_building_index()
        raise
    changes.advance()
    return count, time.perf_counter() - started


def in_chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
