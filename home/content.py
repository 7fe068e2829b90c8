"""The kinds of content readers browse and search (news, program, story, tips) and the languages they come in, read
from what each page type declares (`content_kind`, `date_field` or `year_field`) and from the settings, so that
listings, search and the API share one registry."""

from django.apps import apps
from django.conf import settings
from django.utils.text import format_lazy

from wagtail.models import DraftStateMixin, Page, get_page_models

# The years a page's own date may fall in: the bound of the story year field, the search and API year filters.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


class InvalidFilter(ValueError):
    """A filter's value is not valid (resources.filters reads them): the message (translatable) says which parameter
    and why."""

    code, status = "invalid_parameter", 400

    def __init__(self, parameter, message, **values):
        super().__init__(format_lazy(message, **values) if values else message)
        self.parameter, self.message = parameter, self.args[0]


class UnknownItem(InvalidFilter):
    """A well-formed id that names nothing readers may see: not found (404), as a page id that is not there."""

    code, status = "not_found", 404


def publishable_models():
    """The models with a publishing state (drafts, go-live, expiry): Page, for every page type, and the snippets
    that have one."""
    models = [model for model in apps.get_models() if issubclass(model, DraftStateMixin)]
    return [model for model in models if model is Page or not issubclass(model, Page)]


def content_languages():
    return [language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def content_kinds():
    """{kind: page model}, in the order the page models are loaded (resources, then news)."""
    return {model.content_kind: model for model in get_page_models() if getattr(model, "content_kind", None)}


def kind_of(page):
    return getattr(page, "content_kind", None)
