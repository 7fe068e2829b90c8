"""The reader-facing search page: live, public pages in the reader's language."""

from django.core.paginator import Paginator
from django.shortcuts import render

from wagtail.models import Locale, Page

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
    return render(
        request,
        "search/search.html",
        {"query": query, "results": Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))},
    )
