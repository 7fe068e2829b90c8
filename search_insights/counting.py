"""Counting reader searches off the request path: a search or an opened result is noted in this process's memory
(a lock and an append), and a background thread writes what was noted every SEARCH_COUNTS_FLUSH_SECONDS, in one
transaction: the raw events, and the daily counts moved on by them. Old rows are deleted once a day. With
SEARCH_COUNTS_FLUSH_SECONDS=0 (the tests) no thread writes: notes wait for write_noted(), which the tests call as
the writer would."""

import atexit
import datetime
import logging
import threading
import time
from collections import defaultdict

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone

from search.text import clean_query

from .models import DailySearch, SearchEvent

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_noted = []  # (kind, day, language, query, results)
_writer = None
_pruned_on = None


def normalised(query):
    """The query as counted: Simplified characters, case and spaces folded."""
    return clean_query(query).casefold()[:200]


def note(kind, language, query, results=None):
    query = normalised(query) if settings.SEARCH_COUNTING else ""
    if not query:
        return
    with _lock:
        _noted.append((kind, timezone.localdate(), language, query, results))
    if settings.SEARCH_COUNTS_FLUSH_SECONDS:
        start_writer()


def start_writer():
    global _writer
    if _writer is None or not _writer.is_alive():
        with _lock:
            if _writer is None or not _writer.is_alive():
                _writer = threading.Thread(target=keep_writing, name="search-counts", daemon=True)
                _writer.start()
                atexit.register(write_noted)


def keep_writing():
    while True:
        time.sleep(settings.SEARCH_COUNTS_FLUSH_SECONDS)
        try:
            close_old_connections()
            write_noted()
        except Exception:
            logger.exception("Search counts could not be written; they are kept for the next try.")
        finally:
            connection.close()


def write_noted():
    """Writes what was noted (given back on failure, to be tried again), then prunes once a day."""
    with _lock:
        batch = _noted[:]
        del _noted[:]
    if not batch:
        return
    try:
        with transaction.atomic():
            insert_events(batch)
            add_to_daily_counts(batch)
    except Exception:
        with _lock:
            _noted[:0] = batch
        raise
    prune_daily()


def insert_events(batch, rows_a_statement=500):
    """The raw events, in a few multi-row statements: the ORM's bulk_create spends most of a flush building
    objects, and one statement a row costs PostgreSQL a round trip each."""
    table = connection.ops.quote_name(SearchEvent._meta.db_table)
    rows = [(kind, day.isoformat(), language, query, results) for kind, day, language, query, results in batch]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), rows_a_statement):
            chunk = rows[start : start + rows_a_statement]
            values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
            sql = f"INSERT INTO {table} (kind, day, language, query, results) VALUES {values}"  # noqa: S608
            cursor.execute(sql, [value for row in chunk for value in row])


def add_to_daily_counts(batch):
    """New (day, language, query) rows inserted with their counts at once, known ones moved on: a flush of
    searches mostly new costs one insert, one of searches mostly repeated a few updates. A row another process
    inserted meanwhile fails the transaction, and the batch is written again on the next try."""
    totals = defaultdict(lambda: {"searches": 0, "empty": 0, "opened": 0, "results": None})
    for kind, day, language, query, results in batch:
        counts = totals[(day, language, query)]
        if kind == SearchEvent.Kind.SEARCH:
            counts["searches"] += 1
            counts["empty"] += results == 0
            counts["results"] = results
        else:
            counts["opened"] += 1
    known = DailySearch.objects.filter(
        day__in={key[0] for key in totals}, query__in={key[2] for key in totals}
    ).values_list("day", "language", "query")
    known = set(known)
    DailySearch.objects.bulk_create(
        DailySearch(day=day, language=language, query=query, **{**counts, "results": counts["results"] or 0})
        for (day, language, query), counts in totals.items()
        if (day, language, query) not in known
    )
    for key in known & set(totals):
        counts = totals[key]
        changes = {name: F(name) + counts[name] for name in ("searches", "empty", "opened") if counts[name]}
        if counts["results"] is not None:
            changes["results"] = counts["results"]
        day, language, query = key
        DailySearch.objects.filter(day=day, language=language, query=query).update(**changes)


def prune_daily():
    global _pruned_on
    today = timezone.localdate()
    if _pruned_on != today:
        prune(today)
        _pruned_on = today


def prune(today):
    SearchEvent.objects.filter(day__lt=today - datetime.timedelta(days=settings.SEARCH_EVENTS_KEEP_DAYS)).delete()
    DailySearch.objects.filter(day__lt=today - datetime.timedelta(days=settings.SEARCH_COUNTS_KEEP_DAYS)).delete()
