"""The facts search filters and counts by: kind, topics (slugs, the same in every language), year, date."""

from django.db.models import Count, F
from django.db.models.functions import ExtractYear

from wagtail.models import Page

from search.text import kind_of, searchable_models


def page_date(page):
    date = getattr(page, "date", None)
    if date is None and page.first_published_at:
        date = page.first_published_at.date()
    return date


def page_facts(page):
    model = type(page)
    slugs = model.objects.filter(pk=page.pk).values_list(f"{model.topic_lookup}__slug", flat=True)
    date = page_date(page)
    return {
        "kind": kind_of(page),
        "topics": sorted({slug for slug in slugs if slug}),
        "year": date.year if date else None,
        "date": date,
    }


def date_field(model):
    """The field a page type is dated by: news by its publication date, the rest by first publication."""
    return "date" if hasattr(model, "date") else "first_published_at"


def topic_page_ids(slug):
    """Ids of the pages, in any language, filed under the topic with this slug."""
    ids = set()
    for model in searchable_models().values():
        ids.update(model.objects.filter(**{f"{model.topic_lookup}__slug": slug}).values_list("pk", flat=True))
    return ids


def filter_pages(queryset, kind="", topic="", year=None):
    """Narrows a Page queryset the way the search filters do."""
    models = searchable_models()
    if kind:
        queryset = queryset.type(models[kind])
    if topic:
        queryset = queryset.filter(pk__in=topic_page_ids(topic))
    if year:
        ids = set()
        for model in models.values():
            ids.update(model.objects.filter(**{f"{date_field(model)}__year": year}).values_list("pk", flat=True))
        queryset = queryset.filter(pk__in=ids)
    return queryset


def facet_counts(ids):
    """Counts of the pages with these ids by kind, topic and year."""
    kinds, topics, years = {}, {}, {}
    for kind, model in searchable_models().items():
        matches = model.objects.filter(pk__in=ids)
        count = matches.count()
        if not count:
            continue
        kinds[kind] = count
        for row in matches.values(topic_slug=models_slug(model)).annotate(n=Count("pk", distinct=True)):
            if row["topic_slug"]:
                topics[row["topic_slug"]] = topics.get(row["topic_slug"], 0) + row["n"]
        for row in matches.annotate(y=ExtractYear(date_field(model))).values("y").annotate(n=Count("pk")):
            if row["y"]:
                years[row["y"]] = years.get(row["y"], 0) + row["n"]
    return {"kind": kinds, "topic": topics, "year": dict(sorted(years.items(), reverse=True))}


def models_slug(model):
    return F(f"{model.topic_lookup}__slug")


def live_public_pages():
    return Page.objects.live().public()
