"""The files every site answers at its root: /robots.txt, which points crawlers to the sitemap, and /favicon.ico,
which browsers ask for whatever the page links."""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import FileResponse, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

A_DAY = 24 * 60 * 60


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=A_DAY)
    return response


@require_safe
def favicon(request):
    """The icon from the static files: collected (production) or found in the apps' folders (development)."""
    path = finders.find("favicon.ico") or staticfiles_storage.path("favicon.ico")
    response = FileResponse(open(path, "rb"), content_type="image/x-icon")  # noqa: SIM115 - FileResponse closes it
    patch_cache_control(response, public=True, max_age=A_DAY)
    return response
