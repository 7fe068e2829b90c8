"""Query filters of the pages endpoint beyond Wagtail's own: the content filters every surface shares
(resources.filters), search through the site's search service, the order grammar, and the tree and translation
filters answering a page that is not there with a 404."""

from django.db.models import Case, When
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from rest_framework.filters import BaseFilterBackend

from endpoints.errors import APIError, invalid
from endpoints.parameters import refuse_empty
from resources.filters import LARGEST_ID, ContentFilter, InvalidFilter, whole_number
from search import service
from search.backends.base import SearchRequest

from .parameters import parse_order

CONTENT_FILTERS = ("kind", "locale", "topic", "organization", "date_from", "date_to", "year")


class ContentFilterBackend(BaseFilterBackend):
    """?kind, ?locale, ?topic, ?organization, ?date_from, ?date_to and ?year, as resources.filters defines them
    for every surface; a value that is not valid, or empty, is a 400 naming the parameter."""

    def filter_queryset(self, request, queryset, view):
        refuse_empty({name: request.GET[name] for name in CONTENT_FILTERS if name in request.GET})
        return ContentFilter.from_query(request.GET, CONTENT_FILTERS).apply(queryset)


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
        except InvalidFilter as error:  # the query: the filters passed ContentFilterBackend
            raise InvalidFilter("search", error.message) from error
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
            page = view.get_base_queryset().filter(pk=whole_number(value, parameter, 1, LARGEST_ID)).first()
            if page is None:
                message = format_lazy(_("There is no page {id} that readers may see."), id=value)
                raise APIError("not_found", message, parameter=parameter, status=404)
            queryset = getattr(queryset, parameter)(page)
        return queryset
