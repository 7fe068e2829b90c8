"""Wagtail's stock API v2 (pages, images, documents) under /api/v2/, with the documents' download URLs (see
stock_settings.py). The page types name fields that are attributes, not model fields (`translations`, `topics`),
which only the project's API knows how to serialize; the stock viewset gets what a site on the stock API would
write for them: each object as its id and name, read page by page."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.urls import include, path

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import urls as document_urls
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework.fields import Field


def plain(value):
    return {"id": value.pk, "name": str(value)} if isinstance(value, Model) else value


class NaiveAttributeField(Field):
    SOURCES = {"translations": "live_translations"}

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        value = getattr(page, self.SOURCES.get(self.field_name, self.field_name))
        value = value() if callable(value) else value
        return [plain(item) for item in value] if hasattr(value, "__iter__") else plain(value)


class StockPagesAPIViewSet(PagesAPIViewSet):
    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        for api_field in getattr(model, "api_fields", ()):
            try:
                model._meta.get_field(api_field.name)
            except FieldDoesNotExist:
                overrides[api_field.name] = NaiveAttributeField(read_only=True)
        return overrides


stock_router = WagtailAPIRouter("wagtailapi")
stock_router.register_endpoint("pages", StockPagesAPIViewSet)
stock_router.register_endpoint("images", ImagesAPIViewSet)
stock_router.register_endpoint("documents", DocumentsAPIViewSet)
urlpatterns = [path("api/v2/", stock_router.urls), path("documents/", include(document_urls))]
