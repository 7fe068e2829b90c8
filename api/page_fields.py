"""How the API serves the fields a page type declares in `api_fields`, worked out from what each field is.

Page classes name their fields only (`APIField("lead_image")`); this module decides, for each, the serializer
(an image's renditions, a topic in the reader's language, a linked page's summary...), what to prefetch for a
whole listing at once, and which linked snippets and pages to show in the reader's language. So the content
apps import nothing from the API, and the viewsets, the prefetcher and the OpenAPI schema read one plan.
"""

import functools
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from resources.snippets import Organization, Topic

from .fields import (
    DocumentField,
    ImageField,
    OrganizationListField,
    PageListField,
    RelatedPageField,
    TopicField,
    TopicListField,
    TranslationsField,
)
from .media import RENDITION_SPECS


def image_with_renditions(lookup):
    """A prefetch of an image foreign key together with the renditions the API shows."""
    return Prefetch(lookup, queryset=get_image_model().objects.prefetch_renditions(*RENDITION_SPECS))


def page_models():
    """The page types the API serves with fields of their own."""
    return [model for model in get_page_models() if getattr(model, "api_fields", None) and not model._meta.abstract]


@dataclass(frozen=True)
class FieldPlan:
    serializer: object = None
    prefetch: object = None
    linked: object = None  # page -> the snippets and pages it shows, to be shown in the reader's language


def linked_foreign_key(name):
    def linked(page):
        value = getattr(page, name)
        return [value.specific if type(value) is Page else value] if value is not None else []

    return linked


def linked_through(relation, attribute, specific=False):
    def linked(page):
        items = (getattr(link, attribute) for link in getattr(page, relation).all())
        return [item.specific if specific else item for item in items]

    return linked


def foreign_key_plan(name, target):
    if target is get_image_model():
        return FieldPlan(ImageField(), image_with_renditions(name))
    if target is get_document_model():
        return FieldPlan(DocumentField(), name)
    if target is Topic:
        return FieldPlan(TopicField(), name, linked_foreign_key(name))
    if issubclass(target, Page):
        return FieldPlan(RelatedPageField(), name, linked_foreign_key(name))
    return FieldPlan()


def inline_plan(name, link_model):
    """An inline list of links (e.g. a program's organisations, the home page's featured pages)."""
    targets = {field.name: field.related_model for field in link_model._meta.get_fields() if field.many_to_one}
    if targets.get("organization") is Organization:
        return FieldPlan(OrganizationListField(), f"{name}__organization__logo", linked_through(name, "organization"))
    if targets.get("page") is Page:
        return FieldPlan(PageListField(), f"{name}__page", linked_through(name, "page", specific=True))
    return FieldPlan()


@functools.cache
def field_plan(model, name):
    if name == "translations":
        return FieldPlan(TranslationsField())
    if name == "topics":  # the page's topics, through the relation its topic_lookup names
        relation = model.topic_lookup.split("__")[0]
        return FieldPlan(TopicListField(source=relation), f"{relation}__topic", linked_through(relation, "topic"))
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return FieldPlan()
    if field.many_to_one:
        return foreign_key_plan(name, field.related_model)
    if field.one_to_many:
        return inline_plan(name, field.related_model)
    return FieldPlan()


def plans(model, shown=None):
    """Each declared field's plan; only those of the fields `shown` in the response, when given."""
    return [
        (api_field.name, field_plan(model, api_field.name))
        for api_field in getattr(model, "api_fields", [])
        if shown is None or api_field.name in shown
    ]


def serializer_overrides(model):
    return {name: plan.serializer for name, plan in plans(model) if plan.serializer is not None}


def prefetch_lookups(model, shown=None):
    return [plan.prefetch for _name, plan in plans(model, shown) if plan.prefetch is not None]


def linked_objects(page, shown=None):
    return [item for _name, plan in plans(type(page), shown) if plan.linked for item in plan.linked(page)]
