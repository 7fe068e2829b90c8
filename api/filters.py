"""Query filters of the pages endpoint beyond Wagtail's own: topic, year (each page's own date), news date range,
a locale filter that answers an unknown language with a 400 naming the valid ones, and the tree and translation
filters answering a page that is not there with a 404."""

import datetime

from django.db.models import Case, When
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from rest_framework.filters import BaseFilterBackend

from endpoints.errors import APIError, invalid
from endpoints.parameters import requested_language
from home.content import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    pages_dated_in,
    pages_filed_under,
)
from news.models import NewsArticlePage
from resources.models import Topic
from search import service
from search.backends.base import SearchError, SearchRequest

from .parameters import parse_order


class LocaleFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        return queryset.filter(locale__language_code=requested_language(request.GET["locale"]))


class TopicFilter(BaseFilterBackend):
    """?topic=<slug>: pages filed under that topic, in any language."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("topic")
        if slug is None:
            return queryset
        if not Topic.objects.filter(slug=slug).exists():
            raise invalid("topic", _("Unknown topic '{topic}'."), topic=slug)
        return queryset.filter(pk__in=pages_filed_under(slug))


class YearFilter(BaseFilterBackend):
    """?year=2007: pages whose own date (news date, program start, story year) falls in that year."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("year")
        if value is None:
            return queryset
        if not (value.isascii() and value.isdigit() and EARLIEST_YEAR <= int(value) <= LATEST_YEAR):
            message = _("{name} must be a whole number from {lowest} to {highest}.")
            raise invalid("year", message, name="year", lowest=EARLIEST_YEAR, highest=LATEST_YEAR)
        return queryset.filter(pk__in=pages_dated_in(int(value)))


def parse_date(request, name):
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise invalid(name, _("{name} must be a date such as 2007-10-20."), name=name) from error


class DateRangeFilter(BaseFilterBackend):
    """?date_from=YYYY-MM-DD&date_to=YYYY-MM-DD: news articles published in that range (inclusive); only news
    articles have a day date, so other pages drop out. A range that ends before it starts has nothing in it."""

    def filter_queryset(self, request, queryset, view):
        date_from, date_to = parse_date(request, "date_from"), parse_date(request, "date_to")
        if date_from is None and date_to is None:
            return queryset
        articles = NewsArticlePage.objects.all()
        if date_from:
            articles = articles.filter(date__gte=date_from)
        if date_to:
            articles = articles.filter(date__lte=date_to)
        return queryset.filter(pk__in=articles.values("pk"))


class FieldOrderingFilter(BaseFilterBackend):
    """?order=-date,title: by the grammar of api.parameters; a search orders by relevance instead."""

    def filter_queryset(self, request, queryset, view):
        if "order" not in request.GET:
            return queryset
        available = view.get_available_fields(queryset.model, db_fields_only=True)
        order = parse_order(request.GET["order"], view.known_order_fields(), available)
        if "search" in request.GET or not order:
            return queryset
        return queryset.order_by(*order)


def search_operator(request):
    operator = request.GET.get("search_operator")
    if operator not in (None, "and", "or"):
        raise invalid("search_operator", _("search_operator must be and or or."))
    return operator


class PageSearchFilter(BaseFilterBackend):
    """?search=…: the pages the site's search service finds (search.service, as the search page and /api/v2/search/
    do: Traditional characters, glossary synonyms, typos, the engine or, when it is out, the database), in its order,
    among those the other filters left; in the `locale` asked, else in every language. `search_operator` is checked
    and otherwise left aside, for Wagtail's clients: the service decides how the words combine."""

    def filter_queryset(self, request, queryset, view):
        search_operator(request)
        if "search" not in request.GET:
            return queryset
        locale = request.GET.get("locale")
        params = {"q": request.GET["search"], **({"locale": locale} if locale else {"all": "1"})}
        try:
            search_request = SearchRequest.from_params(params, language=get_language())
        except SearchError as error:
            raise APIError("invalid_parameter", error.message, parameter="search") from error
        ids = service.ranked_page_ids(search_request)
        if not ids:
            return queryset.none()
        position = Case(*(When(pk=page_id, then=rank) for rank, page_id in enumerate(ids)))
        return queryset.filter(pk__in=ids).order_by(position)


class RelevanceSearchFilter(BaseFilterBackend):
    """Images and documents: ?search=… through Wagtail's search backend, by relevance; `search_operator` is and
    (the default for the engines) or or. Double quotes are dropped and a query of blanks finds nothing: Wagtail's
    database backend fails on both (SQLite's full-text syntax)."""

    def filter_queryset(self, request, queryset, view):
        operator = search_operator(request)
        if "search" not in request.GET:
            return queryset
        words = request.GET["search"].replace('"', " ").split()
        if not words:
            return queryset.none()
        candidates = queryset.model.objects.filter(pk__in=list(queryset.values_list("pk", flat=True)))
        return get_search_backend().search(" ".join(words), candidates, operator=operator)


class PageRelationFilter(BaseFilterBackend):
    """?child_of, ?descendant_of, ?ancestor_of and ?translation_of=<page id>: a live, public page, else a 404 (the
    page named is not there); they combine with each other like every other filter."""

    RELATIONS = ("child_of", "descendant_of", "ancestor_of", "translation_of")  # each a PageQuerySet method

    def filter_queryset(self, request, queryset, view):
        for parameter in self.RELATIONS:
            if parameter not in request.GET:
                continue
            value = request.GET[parameter]
            if not (value.isascii() and value.isdigit() and int(value) >= 1):
                raise invalid(parameter, _("{name} must be a page id (a whole number from 1)."), name=parameter)
            page = view.get_base_queryset().filter(pk=int(value)).first()
            if page is None:
                message = format_lazy(_("There is no page {id} that readers may see."), id=value)
                raise APIError("not_found", message, parameter=parameter, status=404)
            queryset = getattr(queryset, parameter)(page)
        return queryset
