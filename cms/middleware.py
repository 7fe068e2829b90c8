import re

from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from endpoints.errors import error_body


class ReaderLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that admin, API, document and file URLs are never redirected
    to a language prefix: their 404s stay 404s instead of turning into redirects to /en/...

    Where the language does not come from the path, it comes from the language cookie or Accept-Language: a
    response then names both in Vary, so that a cache in front never serves one language's answer to the other."""

    FILE_PATHS = ("/documents/", "/static/", "/media/")  # the same bytes in every language
    UNPREFIXED_PATHS = ("/admin/", "/api/", *FILE_PATHS, "/sitemap.xml")

    def process_response(self, request, response):
        by_language = not request.path_info.startswith(self.FILE_PATHS)
        if by_language and not translation.get_language_from_path(request.path_info):
            patch_vary_headers(response, ["Accept-Language", "Cookie"])
        if request.path_info.startswith(self.UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc


class ControlCharacterGuardMiddleware:
    """A query parameter holding a control character (a NUL byte, say) is refused with a 400 before any view or
    database sees it: JSON under /api/, plain text elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, value in request.GET.lists():
            for text in [name, *value]:
                if CONTROL_CHARACTER.search(text):
                    message = format_lazy(_("The parameter {name} holds a control character."), name=repr(name))
                    if request.path_info.startswith("/api/"):
                        return JsonResponse(error_body(request, "invalid_parameter", message, name), status=400)
                    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
