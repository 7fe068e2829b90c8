from django.db import migrations


def plan_recorded_schedules(apps, schema_editor):
    from scheduling.schedule import plan_recorded_schedules

    plan_recorded_schedules(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("home", "0003_verbose_names"),
        ("news", "0005_one_topic_relation"),
        ("resources", "0007_one_topic_relation"),
        ("glossary", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]
    operations = [migrations.RunPython(plan_recorded_schedules, migrations.RunPython.noop)]
