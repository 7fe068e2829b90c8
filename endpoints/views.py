"""The conventions of every JSON endpoint's view: cacheable reads, times in UTC, errors of one shape, compact JSON."""

import datetime

from django.utils import timezone
from django.utils.cache import patch_cache_control

from .errors import APIErrorMixin

CACHE_SECONDS = 60


class CacheableMixin:
    """Successful reads are public for a minute: the response cache (delivery/) stores them and gives them an
    ETag and Last-Modified from the content version, so clients revalidate for next to nothing."""

    cache_seconds = CACHE_SECONDS

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        decided = response.has_header("Cache-Control")  # a preview or a degraded answer says so itself
        if request.method == "GET" and response.status_code == 200 and not decided:
            patch_cache_control(response, public=True, max_age=self.cache_seconds)
        return response


class APIConventionsMixin(APIErrorMixin):
    """What every endpoint shares: errors of one shape (errors.py); times in UTC (`Z`), as the sync's change times
    are; JSON without the indentation Wagtail adds (a third of a listing's bytes, and Python's slow encoder), which a
    client that wants it asks for with `Accept: application/json; indent=4`."""

    def dispatch(self, request, *args, **kwargs):
        with timezone.override(datetime.UTC):
            return super().dispatch(request, *args, **kwargs)

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context
