from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

from search.views import LANGUAGE_HEADER, RESULTS_HEADER

from .counting import note
from .models import SearchEvent


class SearchCountingMiddleware:
    """Counts each reader search the search page or API answers: its response says so in two headers (set by
    search.views on the first page of a search), which a response from the cache and a 304 carry too; this
    middleware sits outside the response cache so that it sees those."""

    def __init__(self, get_response):
        if not settings.SEARCH_COUNTING:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        results = response.get(RESULTS_HEADER)
        if results is not None and request.method == "GET" and response.status_code in (200, 304):
            note(SearchEvent.Kind.SEARCH, response.get(LANGUAGE_HEADER, ""), request.GET.get("q", ""), int(results))
        return response
