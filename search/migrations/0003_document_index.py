"""A GIN index on the text modelsearch's PostgreSQL backend matches (search.compat.create_document_index)."""

from django.db import migrations


def create(apps, schema_editor):
    from search.compat import create_document_index

    create_document_index(schema_editor)


def drop(apps, schema_editor):
    from search.compat import drop_document_index

    drop_document_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_index_updates_become_tasks"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
