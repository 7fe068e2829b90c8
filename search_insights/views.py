from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from wagtail.models import Page

from home.visibility import readers

from .counting import note
from .models import SearchEvent


@never_cache
def open_result(request, page_id):
    """A search result's link: counts the result as opened for its query, then sends the reader on to the page (one
    readers may see; never a redirect elsewhere). Works with JavaScript off and from a cached results page."""
    page = readers().shown(Page.objects.filter(pk=page_id).first())
    if page is None:
        raise Http404
    note(SearchEvent.Kind.OPEN, get_language(), request.GET.get("q", ""))
    return redirect(page.get_url(request))
