"""The words of the pages kept page by page (search/vocabulary.py): the existing pages are counted by a task."""

from django.db import migrations, models

CHUNK = 500


def count_existing_pages(apps, schema_editor):
    from search.tasks import update_vocabulary

    ids = list(apps.get_model("wagtailcore", "Page").objects.filter(depth__gt=2).values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        update_vocabulary.enqueue(page_ids=ids[start : start + CHUNK])


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_document_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='PageWords',
            fields=[
                ('page_id', models.BigIntegerField(primary_key=True, serialize=False)),
                ('language_code', models.CharField(blank=True, max_length=20)),
                ('words', models.TextField(blank=True)),
                ('updated_at', models.DateTimeField(auto_now=True, db_index=True)),
            ],
        ),
        migrations.CreateModel(
            name='VocabularyWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(max_length=20)),
                ('word', models.CharField(max_length=100)),
                ('pages', models.PositiveIntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('language_code', 'word'), name='unique_vocabulary_word')],
            },
        ),
        migrations.RunPython(count_existing_pages, migrations.RunPython.noop),
    ]
