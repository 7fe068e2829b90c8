"""The API router: Wagtail's v2 endpoints in their public, bilingual form (see api), each also under its path
without the final slash."""

from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt

from wagtail.api.v2.router import WagtailAPIRouter

from api.media_views import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from api.views import PublicPagesAPIViewSet
from endpoints.errors import api_not_found

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)


@csrf_exempt  # as every endpoint is: the API reads, and answers other methods with a 405
def without_final_slash(request, path):
    """The endpoint at `path` + "/": the OpenAPI description lists paths without the final slash (as generators and
    linters expect), while Wagtail's clients and the URLs in answers keep it."""
    try:
        match = resolve(f"/api/v2/{path}/")
    except Resolver404:
        return api_not_found(request)
    return match.func(request, *match.args, **match.kwargs)
