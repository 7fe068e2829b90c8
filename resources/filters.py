"""The one filter vocabulary: what each filter on content means, how its value is read, which pages it leaves.

Kind, language, topic, organisation, date range and year mean the same on the HTML listings, the pages API, sync
and search (its request, its index's facts and its facets). Each surface offers the filters that suit it and
reports an InvalidFilter its own way: a 400 page with the message beside the form, or an API error body naming
the parameter (404 for an id that names nothing). Newest first is the one order by date; the API's `order`
grammar is in api.parameters.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from home.content import EARLIEST_YEAR, LATEST_YEAR, InvalidFilter, UnknownItem, content_kinds, content_languages

from .snippets import Organization, Topic

LARGEST_ID = 2**31 - 1  # the largest id a database's integer key holds


def whole_number(value, name, lowest, highest):
    """Plain ASCII digits from `lowest` to `highest`: int() would also take " 5", "+5", "5_0" and "５"."""
    if not (value.isascii() and value.isdigit() and lowest <= int(value) <= highest):
        message = _("{name} must be a whole number from {lowest} to {highest}.")
        raise InvalidFilter(name, message, name=name, lowest=lowest, highest=highest)
    return int(value)


def language(code, name="locale"):
    """A language the site publishes in."""
    if code not in content_languages():
        message = _("Unknown locale '{code}'; use one of: {codes}.")
        raise InvalidFilter(name, message, code=code, codes=", ".join(content_languages()))
    return code


def locale_ids(languages):
    """The ids of these languages' locales, as a list: filtering pages by a subquery of locales instead leads
    PostgreSQL to expect a few dozen pages of a language where there are thousands, and so to plan searches that
    read every page's index entry."""
    return list(Locale.objects.filter(language_code__in=languages).values_list("pk", flat=True))


def kind(value, name="kind"):
    """A kind of content (news, program, story, tips)."""
    if value not in content_kinds():
        message = _("Unknown kind '{kind}'; use one of: {kinds}.")
        raise InvalidFilter(name, message, kind=value, kinds=", ".join(content_kinds()))
    return value


def topic(slug, name="topic"):
    """A topic's slug, the same in every language."""
    if not Topic.objects.filter(slug=slug).exists():
        raise InvalidFilter(name, _("Unknown topic '{topic}'."), topic=slug)
    return slug


def organization(value, name="organization"):
    """An organisation's id, in any language: it stands for the organisation in every language."""
    key = Organization.objects.filter(pk=whole_number(value, name, 1, LARGEST_ID)).values("translation_key").first()
    if key is None:
        raise UnknownItem(name, _("Unknown organization {id}."), id=value)
    return key["translation_key"]


def day(value, name):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise InvalidFilter(name, _("{name} must be a date such as 2007-10-20."), name=name) from error


def year(value, name="year"):
    return whole_number(value, name, EARLIEST_YEAR, LATEST_YEAR)


def filed_under(slug):
    """Pages, in any language, filed under the topic with this slug (a translation keeps its source's topic)."""
    keys = Topic.objects.filter(slug=slug).values("translation_key")
    return Q(pk__in=Page.objects.filter(topic_links__topic__translation_key__in=keys).values("pk"))


def working_with(organization_key):
    """Program summaries naming the organisation (in any language) as partner, donor or sponsor."""
    links = {"programpage__organizations__organization__translation_key": organization_key}
    return Q(pk__in=Page.objects.filter(**links).values("pk"))


def dated_between(start=None, end=None):
    """Pages whose own date (news date, program start, story year: a year alone is its 1 January) falls from
    `start` to `end`, both included; undated page types drop out."""
    matches = Q(pk__in=[])
    for model in content_kinds().values():
        if model.date_field:
            bounds = {f"{model.date_field}__gte": start, f"{model.date_field}__lte": end}
        elif model.year_field:
            first = start and start.year + (start > datetime.date(start.year, 1, 1))
            bounds = {f"{model.year_field}__gte": first, f"{model.year_field}__lte": end and end.year}
        else:
            continue
        in_range = {lookup: bound for lookup, bound in bounds.items() if bound is not None}
        matches |= Q(pk__in=model.objects.filter(**in_range).values("pk"))
    return matches


def newest_first(page):
    """The sort key of newest first, the undated last."""
    return -(page.content_date() or datetime.date.min).toordinal()


# Each query parameter: the ContentFilter attribute it sets, and how its value is read.
PARAMETERS = {
    "kind": ("kind", kind),
    "locale": ("languages", lambda code: (language(code),)),
    "topic": ("topic", topic),
    "organization": ("organization", organization),
    "date_from": ("date_from", lambda value: day(value, "date_from")),
    "date_to": ("date_to", lambda value: day(value, "date_to")),
    "year": ("year", year),
}


@dataclass(frozen=True)
class ContentFilter:
    """Filters as a listing, the API or a search names them; empty ones leave every page."""

    kind: str = ""
    languages: tuple = ()
    topic: str = ""
    organization: object = None  # the organisation's translation key
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    year: int | None = None

    @classmethod
    def from_query(cls, query, offered=tuple(PARAMETERS)):
        """The filters among `offered` that the query gives a value (a form sends the ones left empty)."""
        values = {}
        for parameter in offered:
            if query.get(parameter, "") != "":
                attribute, read = PARAMETERS[parameter]
                values[attribute] = read(query[parameter])
        return cls(**values)

    def date_range(self):
        """The first and last day the date range and the year both allow (None: no bound)."""
        starts = [self.date_from, self.year and datetime.date(self.year, 1, 1)]
        ends = [self.date_to, self.year and datetime.date(self.year, 12, 31)]
        return max(filter(None, starts), default=None), min(filter(None, ends), default=None)

    def apply(self, pages):
        """The pages of a page queryset (of any page type) that the filters leave."""
        if self.kind:
            pages = pages.type(content_kinds()[self.kind])
        if self.languages:
            pages = pages.filter(locale__in=locale_ids(self.languages))  # the search index filters ids, not codes
        if self.topic:
            pages = pages.filter(filed_under(self.topic))
        if self.organization:
            pages = pages.filter(working_with(self.organization))
        if self.date_from or self.date_to or self.year:
            pages = pages.filter(dated_between(*self.date_range()))
        return pages
