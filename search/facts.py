"""The facts search counts by and its index filters by: kind, topics (slugs, the same in every language), year,
date, as resources.filters defines them."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from wagtail.models import Page

from home.content import content_kinds, kind_of
from home.visibility import readers
from resources.filters import locale_ids
from resources.snippets import PageTopic, Topic


def shown_topic_slugs():
    """The slugs of the topics readers may see (in some language): only these are facts of a page."""
    return set(readers().visible(Topic.objects.all()).values_list("slug", flat=True))


def page_facts(page):
    slugs = page.topic_links.values_list("topic__slug", flat=True)
    date = page.content_date()
    return {
        "kind": kind_of(page),
        "topics": sorted(set(slugs) & shown_topic_slugs()),
        "year": date.year if date else None,
        "date": date,
    }


def facet_counts(ids):
    """Counts of the pages with these ids by kind, topic and year."""
    kinds, years = {}, {}
    by_type = Page.objects.filter(pk__in=ids).order_by().values_list("content_type").annotate(n=Count("pk"))
    for type_id, count in by_type:  # one query for all kinds
        model = ContentType.objects.get_for_id(type_id).model_class()
        kind = kind_of(model)
        if kind is None:
            continue
        kinds[kind] = kinds.get(kind, 0) + count
        if model.year_expression() is None:
            continue
        matches = model.objects.filter(pk__in=ids)
        for row in matches.annotate(y=model.year_expression()).values("y").annotate(n=Count("pk")):
            if row["y"]:
                years[row["y"]] = years.get(row["y"], 0) + row["n"]
    links = PageTopic.objects.filter(page_id__in=ids).values("topic__slug").annotate(n=Count("page_id", distinct=True))
    topics = {row["topic__slug"]: row["n"] for row in links}
    return {"kind": kinds, "topic": topics, "year": dict(sorted(years.items(), reverse=True))}


def is_searchable(page, definition):
    """Whether readers may find this page by search (`definition`: a home.visibility.Readers), as searchable_pages
    says of many: a page of a content kind that they may see."""
    return page is not None and kind_of(page) is not None and definition.can_see(page)


def searchable_pages(languages):
    """The live public pages of the content kinds in these languages, as every search starts from them. They are
    looked for under the site roots in these languages only (a page is in its root's language; the admin moves a
    page within its language's tree): the database then reads one range of the tree, not every language's first."""
    locales = locale_ids(languages)
    roots = Page.objects.filter(path__in=readers().root_paths, locale__in=locales).only("path")
    return readers().pages(roots=roots).type(*content_kinds().values()).filter(locale__in=locales)


def database_backend():
    """The name of Wagtail's database backend, also when Elasticsearch is the default (for the fallback)."""
    return "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
