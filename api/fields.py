"""What every API item has: its type, its summary, its absolute URLs."""

import re

from wagtail.models import get_page_models

from rest_framework import serializers

from endpoints.pages import page_summary
from endpoints.urls import absolute
from home.visibility import readers

from .compat import serializer_detail_urlpath


def request_of(field):
    return field.context.get("request")


ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolutize(data, request):
    """Makes the root-relative links and sources in rendered rich text absolute, throughout a response."""
    return absolutized(data, absolute(request, "/"))


def absolutized(data, base):
    if isinstance(data, str):
        return ROOT_RELATIVE.sub(lambda match: match.group(1) + base, data) if '="/' in data else data
    if isinstance(data, dict):
        return {key: absolutized(value, base) for key, value in data.items()}
    if isinstance(data, list):
        return [absolutized(value, base) for value in data]
    return data


def page_models():
    """The page types the API serves with fields of their own."""
    return [model for model in get_page_models() if getattr(model, "api_fields", None) and not model._meta.abstract]


class RequestHtmlUrlField(serializers.Field):
    """The page's public URL on the host the client asked."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        url = page.get_url(request_of(self))
        return absolute(request_of(self), url) if url else None


class RequestDetailUrlField(RequestHtmlUrlField):
    """The object's API URL on the host the client asked."""

    def to_representation(self, instance):
        path = serializer_detail_urlpath(self.context, type(instance), instance.pk)
        return absolute(request_of(self), path) if path else None


class ParentPageField(RequestHtmlUrlField):
    """The parent page, if readers can see it, with the same URLs as every other page."""

    def to_representation(self, page):
        parent = page.get_parent()
        if parent is None or parent.depth < 2 or not readers().can_see(parent):
            return None
        summary = page_summary(parent, request_of(self))
        return {
            "id": summary["id"],
            "meta": {key: summary[key] for key in ("type", "detail_url", "html_url")},
            "title": summary["title"],
        }
