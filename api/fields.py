"""Serializer fields for page content in the API."""

import re

from rest_framework import serializers

from home.visibility import readers

from .compat import serializer_detail_urlpath
from .media import absolute, document_representation, image_representation
from .prefetch import localized, translations_of


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


def type_name(model):
    """A page type as the API names it in meta.type and the `type` parameter, e.g. news.NewsArticlePage."""
    return f"{model._meta.app_label}.{model.__name__}"


def page_type(page):
    return type_name(page.specific_class or type(page))


def page_summary(page, request):
    """id, type, title and absolute URLs (the reader's HTML and the API detail) of a page."""
    return {
        "id": page.pk,
        "type": page_type(page),
        "locale": page.locale.language_code,
        "title": page.title,
        "html_url": absolute(request, page.get_url(request)),
        "detail_url": absolute(request, f"/api/v2/pages/{page.pk}/"),
    }


class ReadOnlyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class ImageField(ReadOnlyField):
    def to_representation(self, image):
        return image_representation(image, request_of(self)) if image else None


class DocumentField(ReadOnlyField):
    def to_representation(self, document):
        return document_representation(document, request_of(self)) if document else None


class TranslationsField(serializers.Field):
    """The live translations of the page, this one included, each with its URLs."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [page_summary(translation, request_of(self)) for translation in translations_of(page)]


class RelatedPageField(ReadOnlyField):
    """A linked page in the reader's language, only if it is live and public."""

    def to_representation(self, page):
        page = localized(page.specific) if page is not None else None
        return page_summary(page, request_of(self)) if page is not None else None


def topic_summary(topic):
    topic = localized(topic) if topic is not None else None
    return {"id": topic.pk, "name": topic.name, "slug": topic.slug} if topic is not None else None


class TopicField(ReadOnlyField):
    def to_representation(self, topic):
        return topic_summary(topic)


class TopicListField(ReadOnlyField):
    """Topics of an inline relation (e.g. article_topics), in the reader's language."""

    def to_representation(self, links):
        return [summary for summary in (topic_summary(link.topic) for link in links.all()) if summary]


class OrganizationListField(ReadOnlyField):
    """A program's partners, donors and sponsors, in the reader's language, with their logos."""

    def to_representation(self, links):
        organizations = []
        for link in links.all():
            organization = localized(link.organization)
            if organization is None:
                continue
            organizations.append(
                {
                    "id": organization.pk,
                    "name": organization.name,
                    "role": link.role,
                    "website": organization.website,
                    "logo": image_representation(organization.logo, request_of(self)) if organization.logo else None,
                }
            )
        return organizations


class PageListField(ReadOnlyField):
    """Editor-chosen pages (e.g. the home page's featured items), in the reader's language."""

    def to_representation(self, links):
        pages = (localized(link.page.specific) for link in links.all())
        return [page_summary(page, request_of(self)) for page in pages if page is not None]


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
