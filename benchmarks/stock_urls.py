"""The stock `PagesAPIViewSet` under /api/v2/ (see stock_settings.py)."""

from django.urls import path

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

stock_router = WagtailAPIRouter("wagtailapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)
urlpatterns = [path("api/v2/", stock_router.urls)]
