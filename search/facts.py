"""The facts search filters and counts by: kind, topics (slugs, the same in every language), year, date."""

from django.conf import settings
from django.db.models import Count, F

from wagtail.models import Locale

from home.content import content_kinds, kind_of, pages_dated_in, pages_filed_under
from home.visibility import readers
from resources.snippets import Topic


def shown_topic_slugs():
    """The slugs of the topics readers may see (in some language): only these are facts of a page."""
    return set(readers().visible(Topic.objects.all()).values_list("slug", flat=True))


def page_facts(page):
    model = type(page)
    slugs = model.objects.filter(pk=page.pk).values_list(f"{model.topic_lookup}__slug", flat=True)
    date = page.content_date()
    return {
        "kind": kind_of(page),
        "topics": sorted(set(slugs) & shown_topic_slugs()),
        "year": date.year if date else None,
        "date": date,
    }


def filter_pages(queryset, kind="", topic="", year=None):
    """Narrows a Page queryset the way the search filters do."""
    models = content_kinds()
    if kind:
        queryset = queryset.type(models[kind])
    if topic:
        queryset = queryset.filter(pk__in=pages_filed_under(topic))
    if year:
        queryset = queryset.filter(pk__in=pages_dated_in(year))
    return queryset


def facet_counts(ids):
    """Counts of the pages with these ids by kind, topic and year."""
    kinds, topics, years = {}, {}, {}
    for kind, model in content_kinds().items():
        matches = model.objects.filter(pk__in=ids)
        count = matches.count()
        if not count:
            continue
        kinds[kind] = count
        for row in matches.values(topic_slug=models_slug(model)).annotate(n=Count("pk", distinct=True)):
            if row["topic_slug"]:
                topics[row["topic_slug"]] = topics.get(row["topic_slug"], 0) + row["n"]
        if model.year_expression() is None:
            continue
        for row in matches.annotate(y=model.year_expression()).values("y").annotate(n=Count("pk")):
            if row["y"]:
                years[row["y"]] = years.get(row["y"], 0) + row["n"]
    return {"kind": kinds, "topic": topics, "year": dict(sorted(years.items(), reverse=True))}


def models_slug(model):
    return F(f"{model.topic_lookup}__slug")


def searchable_pages(languages):
    """The live public pages of the content kinds in these languages, as every search starts from them."""
    locales = Locale.objects.filter(language_code__in=languages)  # by id: the search index cannot filter on codes
    return readers().pages().type(*content_kinds().values()).filter(locale__in=locales)


def database_backend():
    """The name of Wagtail's database backend, also when Elasticsearch is the default (for the fallback)."""
    return "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
