"""Storage that fails or cannot be reached is an outage of one part, not an error of the site: a page that needs a
new rendition, or a file streamed from the bucket, answers 503 with a retry time, which no cache keeps."""

import logging

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from .storage import BUCKET_ERRORS

logger = logging.getLogger(__name__)
RETRY_SECONDS = 30


class StorageOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, BUCKET_ERRORS):
            return None
        logger.warning("file storage failed on %s: %s", request.path, exception)
        message = _("Files cannot be fetched just now. Please try again in a minute.")
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(RETRY_SECONDS)
        add_never_cache_headers(response)
        return response
