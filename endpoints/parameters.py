"""Checks of query parameters that every JSON endpoint makes."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .errors import APIError


def refuse_unknown(query, known):
    """A 400 for query parameters outside `known`."""
    if unknown := sorted(set(query) - set(known)):
        message = format_lazy(_("Unknown parameter(s): {names}."), names=", ".join(unknown))
        raise APIError("unknown_parameter", message, parameter=unknown[0])


def refuse_empty(query, may_be_empty=()):
    """A 400 for query parameters sent empty, other than those that `may_be_empty`: an API client leaves out what it
    does not want."""
    if empty := sorted(name for name, value in query.items() if value == "" and name not in may_be_empty):
        message = format_lazy(_("Empty parameter(s): {names}; leave them out instead."), names=", ".join(empty))
        raise APIError("empty_parameter", message, parameter=empty[0])
