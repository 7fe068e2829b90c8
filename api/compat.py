"""The one place the API relies on Wagtail API v2 plumbing that is not a documented extension point.

Written against Wagtail 8.0.1; tests/test_compat.py checks it and fails loudly when an upgrade changes it.
"""

WRITTEN_FOR_VERSION = "8.0.1"


def detail_urlpath(request, model, pk):
    """The API path of an object's detail view. Wagtail's router puts itself on each request it serves
    (`request.wagtailapi_router`), and the viewsets hand it to serializers as `context["router"]`."""
    return request.wagtailapi_router.get_object_detail_urlpath(model, pk)


def serializer_detail_urlpath(serializer_context, model, pk):
    return serializer_context["router"].get_object_detail_urlpath(model, pk)


def serializer_class_for(viewset, model, fields_config, show_details):
    """Wagtail's serializer class for `model` with parsed `fields` (`BaseAPIViewSet._get_serializer_class`, which
    its own `get_serializer_class` calls after reading `fields` from the request)."""
    router = viewset.request.wagtailapi_router
    return viewset._get_serializer_class(router, model, fields_config, show_details=show_details)


def remember_site(request, site):
    """Lets Wagtail's URL building reuse a site already looked up for this request (`Site.find_for_request` keeps
    it as `request._wagtail_site`)."""
    request._wagtail_site = site
