"""Pages staff pinned for a query with Wagtail's search promotions: first in the results of that query, on every
backend and engine, in the search page and both APIs, as long as readers may see them and the search's filters
(language, kind, topic, year) keep them."""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.content import content_kinds
from home.visibility import readers


def promoted_pages(request):
    """The pinned pages for a SearchRequest, in the order staff gave them."""
    if not request.query:
        return []
    picks = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(request.query), page__isnull=False
    ).order_by("sort_order")
    order = list(dict.fromkeys(picks.values_list("page_id", flat=True)))
    if not order:
        return []
    shown = request.filters.apply(readers().pages(Page.objects.filter(pk__in=order).type(*content_kinds().values())))
    found = {page.pk: page for page in shown.specific()}
    return [found[pk] for pk in order if pk in found]


def with_promoted(ids, promoted):
    """Page ids in ranked order with the promoted ones first."""
    first = [page.pk for page in promoted]
    return first + [pk for pk in ids if pk not in first]
