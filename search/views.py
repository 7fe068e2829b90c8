"""The reader-facing search page (/en/search/, /zh-hans/search/) and its JSON twin under /api/v2/search/."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from rest_framework.response import Response
from rest_framework.views import APIView

from endpoints.errors import invalid
from endpoints.pages import page_summary
from endpoints.parameters import refuse_empty, refuse_unknown
from endpoints.views import APIConventionsMixin, CacheableMixin
from home.content import content_kinds
from home.text import CJK
from resources.filters import InvalidFilter, language
from resources.snippets import Topic

from . import service
from .backends.base import SearchRequest
from .text import clean_query

SUGGESTION_COUNT = 5
# The first page of a search says what it found and in which language, for the search counter (search_insights),
# which reads these from a cached response or a 304 as well.
RESULTS_HEADER, LANGUAGE_HEADER = "X-Search-Results", "X-Search-Language"
PARAMETERS = {"q", "locale", "all", "as_typed", "kind", "topic", "year", "sort", "page", "limit", "format"}
BOOLEANS = ("1", "true", "0", "false")


def kind_labels():
    return {kind: model._meta.verbose_name_plural for kind, model in content_kinds().items()}


def topic_names():
    """Topic names in the reader's language, by slug."""
    return {topic.slug: topic.name for topic in Topic.for_filters()}


def facet_list(results):
    """Facets as lists of {value, label, count, selected}: kinds in their usual order, topics by count, years newest
    first; the same for the page and the API."""
    labels = {"kind": kind_labels(), "topic": topic_names(), "year": {}}
    selected = {"kind": results.request.kind, "topic": results.request.topic, "year": results.request.year}
    orders = {
        "kind": lambda counts: [kind for kind in content_kinds() if kind in counts],
        "topic": lambda counts: sorted(counts, key=lambda slug: (-counts[slug], slug)),
        "year": lambda counts: sorted(counts, reverse=True),
    }
    return {
        name: [
            {
                "value": value,
                "label": str(labels[name].get(value, value)),
                "count": counts[value],
                "selected": value == selected[name],
            }
            for value in orders[name](counts)
        ]
        for name, counts in results.facets.items()
    }


def counted(response, search_request, results):
    if search_request.query and search_request.page == 1:
        response[RESULTS_HEADER], response[LANGUAGE_HEADER] = str(results.total), search_request.language
    return response


def run_search(params):
    """Validated request and results, or an error message; suggestions when nothing was found."""
    request = SearchRequest.from_params(params, language=get_language())
    results = service.search(request)
    suggestions = []
    if request.query and not results.total:
        for word in request.query.split()[:3]:  # titles with a word beginning like one of the words typed
            stem = word[:2] if CJK.match(word) else word[:4]
            suggestions += [title for title in service.suggest(stem, request.language) if title not in suggestions]
    return request, results, suggestions[:SUGGESTION_COUNT]


@service.cacheable_unless_degraded
def search(request):
    context = {"query": clean_query(request.GET.get("q", ""))}
    try:
        search_request, results, suggestions = run_search(request.GET)
    except InvalidFilter as error:
        context["error"] = str(error)
        return render(request, "search/search.html", context, status=error.status)
    paginator = Paginator(range(results.total), search_request.page_size)
    context.update(
        search=search_request,
        results=results,
        facets=facet_list(results),
        suggestions=suggestions,
        page_obj=paginator.get_page(search_request.page),
    )
    response = render(request, "search/search.html", context)
    patch_cache_control(response, public=True, max_age=0)
    return counted(response, search_request, results)


def search_hit(hit, request):
    """The page's API summary with the matched words highlighted, in the order the schema lists them."""
    summary = page_summary(hit.page, request)
    highlighted = {"title_highlighted": hit.title_html, "snippet": hit.snippet}
    return {**{key: summary[key] for key in ("id", "type", "locale", "title")}, **highlighted, **summary}


def check_parameters(request, known):
    """A 400 for what is wrong with an API request's parameters. Unlike the search form, which sends every field of
    the form, an API client leaves out what it does not want: an empty value other than `q` is an error."""
    refuse_unknown(request.GET, known)
    refuse_empty(request.GET, may_be_empty={"q"})
    for name in ("all", "as_typed"):
        if request.GET.get(name, "1") not in BOOLEANS:
            raise invalid(name, gettext_lazy("{name} must be one of: {values}."), name=name, values=", ".join(BOOLEANS))


class SearchAPIView(CacheableMixin, APIConventionsMixin, APIView):
    """GET /api/v2/search/?q=…: the same search as the site, as JSON."""

    @method_decorator(service.cacheable_unless_degraded)
    def get(self, request):
        check_parameters(request, PARAMETERS)
        search_request, results, suggestions = run_search(request.GET)
        items = [search_hit(hit, request) for hit in results.hits]
        meta = {
            "total_count": results.total,
            "total_is_lower_bound": results.total_is_lower_bound,
            "page": search_request.page,
            "pages": results.pages,
            "query": search_request.query,
            "locale": search_request.language,
            "backend": results.backend,
        }
        if not search_request.query:
            meta["message"] = _("Enter a word to search for.")
        if results.corrected_from:
            meta["query"], meta["corrected_from"] = results.corrected_query, results.corrected_from
        body = {
            "meta": meta,
            "items": items,
            "facets": facet_list(results),
            "suggestions": suggestions,
            "did_you_mean": results.did_you_mean,
        }
        return counted(Response(body), search_request, results)


class SuggestAPIView(CacheableMixin, APIConventionsMixin, APIView):
    """GET /api/v2/search/suggest/?q=wat&locale=en: titles completing what the reader types."""

    @method_decorator(service.cacheable_unless_degraded)
    def get(self, request):
        check_parameters(request, {"q", "locale", "format"})
        language_asked = language(request.GET.get("locale") or get_language())
        prefix = clean_query(request.GET.get("q", ""))[:50]
        return Response({"suggestions": service.suggest(prefix, language_asked) if prefix else []})
