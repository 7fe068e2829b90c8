"""Every place search relies on something of Wagtail's search backends (modelsearch) or of django-tasks-db that is
not a documented API.

Written against modelsearch as Wagtail 8.0.1 ships it and django-tasks-db 0.13.0; tests/test_compat.py checks each
item and fails loudly when an upgrade changes it.
"""

import contextlib
import functools
import inspect

from django.db import connection, transaction
from django.db.models import Avg, F
from django.db.models.functions import Length
from django.utils import timezone

from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch7 import Elasticsearch7SearchResults
from wagtail.search.backends.elasticsearch7 import SearchBackend as Elasticsearch7SearchBackend

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from elasticsearch.exceptions import ElasticsearchException
from modelsearch.backends import database as database_backends
from modelsearch.utils import get_content_type_pk

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


TITLE_NORM_SAMPLE = 1000


class PreparedOnce:
    """An indexer that reads each search field of its object once. modelsearch's database indexers read every
    field again for each column they fill (five times on PostgreSQL, three on SQLite): a page's text, its jieba
    words and stems, and its topics' queries, five times for each publish.

    Assumes the indexer keeps its object in `self.obj` and reads fields only through the generator
    prepare_field(obj, field), which calls itself for related objects (left as they are)."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:
            return super().prepare_field(obj, field)
        prepared = self.__dict__.setdefault("_prepared", {})
        if field not in prepared:
            prepared[field] = list(super().prepare_field(obj, field))
        return iter(prepared[field])


def read_fields_once(module):
    """Makes the indexers of a modelsearch database backend module PreparedOnce. Assumes add_items builds them from
    the module's ObjectIndexer class."""
    if not issubclass(module.ObjectIndexer, PreparedOnce):
        module.ObjectIndexer = type("ObjectIndexer", (PreparedOnce, module.ObjectIndexer), {})


class FlatTitleNorms:
    """An index whose saves cost the same however many entries it holds. modelsearch recomputes the average title
    length over the whole index on every save, then scans it for entries still at the default norm (1.0); here a
    save sets the norm of its own entries only, against the average of the latest TITLE_NORM_SAMPLE entries (by
    the primary key's index). A rebuild (full=True) still sets every entry against the whole index's average.

    Assumes add_items(model, objs) calls _refresh_title_norms() after writing, and that the index's entries are
    `self.entries`, with content_type, object_id (text), title and title_norm."""

    def add_items(self, model, objs):
        self._adding = (get_content_type_pk(model), [str(obj.pk) for obj in objs])
        try:
            super().add_items(model, objs)
        finally:
            self._adding = None

    def _refresh_title_norms(self, full=False):
        adding = getattr(self, "_adding", None)
        if full or not adding:
            return super()._refresh_title_norms(full=full)
        content_type, ids = adding
        titled = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        latest = titled.order_by("-pk").values("pk")[:TITLE_NORM_SAMPLE]
        average = titled.filter(pk__in=latest).aggregate(Avg("title_length"))["title_length__avg"]
        titled.filter(content_type_id=content_type, object_id__in=ids).update(title_norm=average / F("title_length"))


def with_flat_costs(backend):
    """A modelsearch database backend whose index is FlatTitleNorms and whose indexers are PreparedOnce."""
    read_fields_once(inspect.getmodule(type(backend)))
    backend.index_class = flat_index_class(backend.index_class)
    return backend


@functools.cache
def flat_index_class(index_class):
    return type(index_class.__name__, (FlatTitleNorms, index_class), {})


DOCUMENT_INDEX = "search_entry_document"


def create_document_index(schema_editor):
    """On PostgreSQL, a GIN index on the expression modelsearch matches queries against, (title || body): it has
    indexes on each column alone, which that expression cannot use, so without this a search for a rare word reads
    the index entry of every page in the language.

    Assumes modelsearch's PostgreSQL backend matches `title || body` of wagtailsearch_indexentry."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {DOCUMENT_INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_document_index(schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {DOCUMENT_INDEX}")


@contextlib.contextmanager
def planning_without(*methods):
    """Within this block, PostgreSQL plans without these methods ("bitmapscan": enable_bitmapscan off); they are
    back after it, also when it fails. Other databases are left alone."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        for method in methods:  # undone with the block's savepoint if it fails
            cursor.execute(f"SET LOCAL enable_{method} = off")
        yield
        for method in methods:
            cursor.execute(f"SET LOCAL enable_{method} TO DEFAULT")


def checking_each_listed_page():
    """Within this block, PostgreSQL checks a search among a list of pages (pk__in) on those pages' index entries
    one by one. It otherwise expects a phrase of common words to be rare, so it collects every entry holding the
    phrase through DOCUMENT_INDEX, a cost that grows with the site, to keep the few that are listed.

    Assumes modelsearch's PostgreSQL backend joins the pages to their entries in one query."""
    return planning_without("bitmapscan")


def looking_words_up_in_the_index():
    """Within this block, PostgreSQL finds whether a search has a match through DOCUMENT_INDEX. It otherwise
    expects a word to be common and walks the pages in order (by id or path) until one holds it: 800 ms at 100,000
    pages for a word no page holds, against 8 to 40 ms here.

    Assumes modelsearch's PostgreSQL backend orders and limits its query, and that DOCUMENT_INDEX is a GIN index
    (which only bitmap scans read, so leaving plain index scans aside leaves the ordered walk aside)."""
    return planning_without("indexscan")


def matching_values(results, *fields):
    """The given fields of each result of a database backend search, in its order, as tuples: without building the
    objects, nor reading the text vectors modelsearch's PostgreSQL backend selects with them.

    Assumes the database backends' results build their (sliced) queryset in get_queryset()."""
    return list(results.get_queryset().values_list(*fields))


def database_search_backend(params):
    """Wagtail's database search backend for this database (WAGTAILSEARCH_BACKENDS), on SQLite or PostgreSQL with
    per-save costs that do not grow with the index (FlatTitleNorms, PreparedOnce).

    Assumes modelsearch.backends.database.SearchBackend(params) picks the backend by the default connection."""
    backend = database_backends.SearchBackend(params)
    if type(backend).__name__ in ("SQLiteSearchBackend", "PostgresSearchBackend"):  # not the fallback without FTS
        return with_flat_costs(backend)
    return backend
