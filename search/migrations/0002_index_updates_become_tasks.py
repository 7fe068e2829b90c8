"""Index updates are background tasks now (search/tasks.py): the pages still waiting in the old queue are handed
to a task, then the queue's table goes."""

from django.db import migrations


def queue_waiting_pages_as_a_task(apps, schema_editor):
    from search.tasks import schedule_update

    waiting = apps.get_model("search", "PendingIndexUpdate").objects.values_list("page_id", flat=True)
    schedule_update(list(waiting))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_pending_index_updates"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(queue_waiting_pages_as_a_task, migrations.RunPython.noop),
        migrations.DeleteModel(name="PendingIndexUpdate"),
    ]
