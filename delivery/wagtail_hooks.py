"""Pages readers see are public responses (stored by the response cache, revalidated by browsers on every view),
unless a view restriction covers them; a page past its expiry is not found, even before the task worker has
unpublished it (home.visibility); previews never pass here."""

from django.http import Http404
from django.utils.cache import patch_cache_control

from wagtail import hooks

from home.visibility import is_on_time


@hooks.register("on_serve_page")
def mark_public_pages(serve_page):
    def serve(page, request, args, kwargs):
        if not is_on_time(page):
            raise Http404("This page has expired.")
        response = serve_page(page, request, args, kwargs)
        if response.status_code == 200 and not page.get_view_restrictions().exists():
            patch_cache_control(response, public=True, max_age=0)
        return response

    return serve
