"""The demo site's rows, kept once per test run and written back after a test that commits (a browser test, a
concurrent writer): pytest-django empties the database after such a test, and copying the rows back takes a
fraction of a second where building the demo site again takes ten (images, translations, search index).

Each database's own bulk path copies them, so everything comes back exactly as it was: SQLite's backup API (the
whole file, the full-text index's tables and their triggers' work included), PostgreSQL's COPY (its foreign keys,
which Django creates deferrable, are checked at commit, so the order of tables is free)."""

import io
import sqlite3

from django.core.management.color import no_style
from django.db import connection, transaction


def take_snapshot():
    return SQLiteSnapshot() if connection.vendor == "sqlite" else PostgreSQLSnapshot()


class SQLiteSnapshot:
    def __init__(self):
        connection.ensure_connection()
        self.copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(self.copy)

    def restore(self):
        connection.ensure_connection()
        self.copy.backup(connection.connection)


class PostgreSQLSnapshot:
    def __init__(self):
        self.tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        with connection.cursor() as cursor:
            self.rows = {table: self._read(cursor, table) for table in self.tables}

    def restore(self):
        """Writes the kept rows back over whatever the tables hold now, and moves the id sequences past them."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(map(connection.ops.quote_name, self.tables))}")
            for table, rows in self.rows.items():
                if rows:
                    with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} FROM STDIN") as copy:
                        copy.write(rows)
            models = [model for model in _concrete_models() if model._meta.db_table in self.rows]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)

    @staticmethod
    def _read(cursor, table):
        buffer = io.BytesIO()
        with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
            for chunk in copy:
                buffer.write(chunk)
        return buffer.getvalue()


def _concrete_models():
    from django.apps import apps

    return [model for model in apps.get_models(include_auto_created=True) if not model._meta.proxy]
