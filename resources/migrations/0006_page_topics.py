"""Every kind of content has its topics through one relation, resources.PageTopic (page.topic_links): a news
article's and a program's topic rows and a success story's or tip sheet's single topic move there, in the pages,
in their revisions (drafts keep their topics) and in the translation sources that translators work from."""

import json

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


# The old shapes: {model: (the list of topic rows in serialized content, the row's key of the page)}; a success
# story or tip sheet had a single "topic" instead.
TOPIC_ROWS = {("news", "newsarticlepage"): ("article_topics", "article"), ("resources", "programpage"): ("program_topics", "program")}
SINGLE_TOPIC = {("resources", "successstorypage"), ("resources", "tipsheetpage")}


def as_topic_links(content, model):
    """Serialized page content with its topics as `topic_links` rows."""
    if model in TOPIC_ROWS:
        topics = [row["topic"] for row in sorted(content.pop(TOPIC_ROWS[model][0], []), key=lambda row: row.get("sort_order") or 0)]
    else:
        topic = content.pop("topic", None)
        topics = [topic] if topic else []
    page = content.get("pk")
    content["topic_links"] = [
        {"pk": None, "page": page, "topic": topic, "sort_order": order} for order, topic in enumerate(topics)
    ]
    return content


def move_topics(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    PageTopic = apps.get_model("resources", "PageTopic")
    links = []
    for (app_label, _model_name), (_rows, page_key) in TOPIC_ROWS.items():
        through = apps.get_model(app_label, "NewsArticleTopic" if app_label == "news" else "ProgramTopic")
        for row in through.objects.order_by(f"{page_key}_id", "sort_order", "pk"):
            links.append(PageTopic(page_id=getattr(row, f"{page_key}_id"), topic_id=row.topic_id, sort_order=row.sort_order))
    for app_label, model_name in SINGLE_TOPIC:
        model = apps.get_model(app_label, model_name)
        for page_id, topic_id in model.objects.exclude(topic=None).values_list("pk", "topic_id"):
            links.append(PageTopic(page_id=page_id, topic_id=topic_id, sort_order=0))
    PageTopic.objects.bulk_create(links)

    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for model in [*TOPIC_ROWS, *SINGLE_TOPIC]:
        content_type = ContentType.objects.filter(app_label=model[0], model=model[1]).first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type=content_type):
            revision.content = as_topic_links(revision.content, model)
            revision.save(update_fields=["content"])
        for source in TranslationSource.objects.filter(specific_content_type=content_type):
            source.content_json = json.dumps(as_topic_links(json.loads(source.content_json), model))
            source.save(update_fields=["content_json"])


class Migration(migrations.Migration):

    dependencies = [
        ('resources', '0005_verbose_names'),
        ('news', '0004_verbose_names'),
        ('wagtail_localize', '0016_rename_page_revision_translationlog_revision'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PageTopic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='topic_links', to=settings.WAGTAIL_PAGE_MODEL)),
                ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='resources.topic', verbose_name='topic')),
            ],
            options={
                'verbose_name': 'topic',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.RunPython(move_topics),
    ]
