"""What keeps a reader's request and a task from reading every page as the site grows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.visibility import Readers

pytestmark = pytest.mark.django_db


def plan_of(sql):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row) for row in cursor.fetchall())


def test_the_pages_that_expire_are_found_without_reading_every_page():
    """Readers.expiry_times is asked on every request and task; home/migrations/0004 indexes what it reads."""
    with CaptureQueriesContext(connection) as queries:
        assert Readers().expiry_times == ()
    sql = next(query["sql"] for query in queries if 'FROM "wagtailcore_page"' in query["sql"])
    assert "home_page_expiry" in plan_of(sql)
