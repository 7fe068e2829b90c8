"""The kinds of content readers browse and search (news, program, story, tips), read from what each page type
declares (`content_kind`, `topic_lookup`, `date_field` or `year_field`), so that search and the API share one
registry."""

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.models import get_page_models

# The years a page's own date may fall in: the bound of the story year field, the search and API year filters.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


class UnknownLanguage(ValueError):
    """A language code the site does not publish in."""


def content_languages():
    return [language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def content_language(code):
    """The code itself when the site publishes in that language; otherwise UnknownLanguage names the ones it does."""
    languages = content_languages()
    if code not in languages:
        raise UnknownLanguage(
            format_lazy(_("Unknown locale '{code}'; use one of: {codes}."), code=code, codes=", ".join(languages))
        )
    return code


def content_kinds():
    """{kind: page model}, in the order the page types are defined (news, program, story, tips)."""
    return {model.content_kind: model for model in get_page_models() if getattr(model, "content_kind", None)}


def kind_of(page):
    return getattr(page, "content_kind", None)


def pages_filed_under(topic_slug):
    """Ids of the pages, in any language, filed under the topic with this slug."""
    ids = set()
    for model in content_kinds().values():
        ids.update(model.objects.filter(**{f"{model.topic_lookup}__slug": topic_slug}).values_list("pk", flat=True))
    return ids


def pages_dated_in(year):
    """Ids of the pages, in any language, whose own date falls in this year."""
    ids = set()
    for model in content_kinds().values():
        expression = model.year_expression()
        if expression is not None:
            ids.update(model.objects.annotate(own_year=expression).filter(own_year=year).values_list("pk", flat=True))
    return ids
