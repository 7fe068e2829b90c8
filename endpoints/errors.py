"""Every API error is JSON of one shape, `{"code": "...", "message": "...", "parameter": ...}`, with its status.

`code` is stable, for apps to branch on (ERROR_CODES, also in the OpenAPI description); `message` is for people, in
the request's language: its `locale` parameter when that names a content language, else the language negotiated from
Accept-Language (which every API response names in Vary); `parameter` names the query parameter at fault, or is null.
Errors raised by Wagtail's viewsets, by Django REST framework (a method not allowed, a format not acceptable) and API
URLs that match no endpoint get the same shape.
"""

from django.http import Http404, JsonResponse
from django.utils.text import format_lazy
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from wagtail.api.v2.utils import BadRequestError
from wagtail.coreutils import get_content_languages

from rest_framework import exceptions
from rest_framework.views import exception_handler

from home.content import InvalidFilter

ERROR_CODES = {
    "unknown_parameter": "A query parameter the endpoint does not take.",
    "empty_parameter": "A query parameter sent without a value: leave it out instead.",
    "invalid_parameter": "A parameter's value is not one the endpoint accepts (`parameter` says which).",
    "not_found": "No such item, or not one readers may see.",
    "invalid_preview_token": "The preview token is missing, invalid or over an hour old.",
    "invalid_sync_token": "The sync token is not one this site issued: sync again without one.",
    "sync_restart": "The sync token's place is gone (a locale removed, a backup restored): sync again from the start.",
    "method_not_allowed": "Only GET and HEAD are answered.",
    "not_acceptable": "The API answers JSON only.",
    "bad_request": "The request could not be read.",
}


class APIError(exceptions.APIException):
    """An error an app can branch on: its `code` (one of ERROR_CODES), a message for people (lazily translated, so
    that it is worded in the request's language when the response is made) and the parameter at fault, if any."""

    def __init__(self, code, message, parameter=None, status=400):
        if code not in ERROR_CODES:
            raise ValueError(f"not an API error code: {code}")
        super().__init__(detail=message, code=code)
        self.error_code, self.message, self.parameter, self.status_code = code, message, parameter, status


def invalid(parameter, message, **values):
    """An invalid_parameter error; `message` is a translatable text with {placeholders} filled from `values`."""
    return APIError("invalid_parameter", format_lazy(message, **values), parameter=parameter)


def request_language(request):
    """The language of the request's error messages (see the module's description)."""
    locale = request.GET.get("locale", "").lower()
    return locale if locale in get_content_languages() else get_language()


def error_body(request, code, message, parameter=None):
    with override(request_language(request)):
        return {"code": code, "message": str(message), "parameter": parameter}


def as_api_error(exc):
    """A filter's, Wagtail's and Django REST framework's errors as APIErrors; None for anything else."""
    if isinstance(exc, APIError):
        return exc
    if isinstance(exc, InvalidFilter):
        return APIError(exc.code, exc.message, parameter=exc.parameter, status=exc.status)
    if isinstance(exc, Http404):
        return APIError("not_found", _("Not found."), status=404)
    if isinstance(exc, BadRequestError):
        return APIError("invalid_parameter", str(exc))
    if isinstance(exc, exceptions.MethodNotAllowed):
        return APIError("method_not_allowed", _("Only GET and HEAD are allowed here."), status=405)
    if isinstance(exc, exceptions.NotAcceptable):
        return APIError("not_acceptable", _("The API answers in JSON only."), status=406)
    if isinstance(exc, exceptions.APIException):
        return APIError("bad_request", exc.detail, status=exc.status_code)
    return None


class APIErrorMixin:
    """For API views: every error in the one shape (Wagtail's viewsets answer their own errors before Django REST
    framework's exception handler sees them)."""

    def handle_exception(self, exc):
        return super().handle_exception(as_api_error(exc) or exc)


def api_exception_handler(exc, context):
    error = as_api_error(exc)
    response = exception_handler(error or exc, context)
    if response is not None and error is not None:
        response.data = error_body(context["request"], error.error_code, error.message, error.parameter)
    return response


def api_not_found(request, *args, **kwargs):
    """Answers API URLs that match no endpoint."""
    message = format_lazy(_("There is no API endpoint at {path}."), path=request.path)
    return JsonResponse(error_body(request, "not_found", message), status=404)
