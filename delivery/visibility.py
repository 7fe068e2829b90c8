"""What readers may see: live pages under a site's root page (in any of its languages) with no view restriction
above them, and images and documents outside private collections. The API's listings and the change record the
sync endpoint reads both follow these rules, so what one serves the other reports."""

from django.db.models import Q

from wagtail.models import Collection, CollectionViewRestriction, Page, Site


def private_collection_ids():
    """Collections under a view restriction (password, login or group), with everything inside them."""
    restricted = Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id"))
    ids = set()
    for collection in restricted:
        ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return frozenset(ids)


def public_media(queryset, private_ids):
    """The images or documents of `queryset` outside the private collections `private_ids`."""
    return queryset.exclude(collection_id__in=private_ids) if private_ids else queryset


def public_pages(roots, private_q):
    """Live pages under one of the `roots` (inclusive), without a view restriction (`private_q`, Wagtail's filter
    for restricted pages)."""
    tree = Q(pk__in=[])
    for root in roots:
        tree |= Page.objects.descendant_of_q(root, inclusive=True)
    return Page.objects.live().exclude(private_q).filter(tree)


def all_site_roots():
    """The root page of every site in every language: a page under none of them is served by no site."""
    return list(Page.objects.filter(translation_key__in=Site.objects.values("root_page__translation_key")))
