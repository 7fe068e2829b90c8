"""What readers may see: the one definition that every public surface asks (templates and page context, the API,
sync, search and its index, the sitemap and feeds, rich-text links, files).

A stranger may see:
- a page that is live and not past its expiry, under a site's root page in one of its languages, with no view
  restriction on it or above;
- an image or document outside the private collections (those under a view restriction, with all they hold);
- a snippet with a publishing state (topics, organisations, glossary terms) once it is live and until its expiry;
  other snippets always.

Expiry counts from its time, not from when the task worker unpublishes the item (scheduling.tasks), so that a
reader never gets an expired page while the worker catches up; `expiry_times` lets the response cache and
`Cache-Control` end what they keep at the next expiry.

Nothing else is shown publicly, to staff either while they read the public site, so that one copy of a public
response serves everyone. `readers()` is the definition in force for the request being served (the serving apps
keep one per content version); outside a request it is worked out afresh.
"""

import contextlib
from contextvars import ContextVar
from functools import cached_property

from django.db.models import Q
from django.utils import timezone

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    DraftStateMixin,
    Locale,
    Page,
    PageViewRestriction,
    Site,
    TranslatableMixin,
)

from .content import publishable_models

_in_force = ContextVar("readers", default=None)


def is_on_time(item):
    return item.live and (item.expire_at is None or item.expire_at > timezone.now())


def under_any(paths):
    """Pages at or below any of these tree paths (none when there are none)."""
    return Q(*[Q(path__startswith=path) for path in paths], _connector=Q.OR) or Q(pk__in=[])


class Readers:
    """What a stranger may see, each fact looked up on first use and kept for this object's life."""

    @cached_property
    def restricted_paths(self):
        """The tree paths of the pages under a view restriction (password, login or group)."""
        return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def root_paths(self):
        """The tree paths of every site's root page in every language: a page under none of them has no URL."""
        keys = Site.objects.values("root_page__translation_key")
        return tuple(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))

    @cached_property
    def private_collections(self):
        """Collections under a view restriction, with everything inside them."""
        ids = set()
        for collection in Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id")):
            ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
        return frozenset(ids)

    @cached_property
    def expiry_times(self):
        """When each live page and snippet expires, in order: what readers see changes at each of these times,
        with no content change before it (the same list in every process for one content version)."""
        times = set()
        for model in publishable_models():
            expiring = model.objects.filter(live=True, expire_at__isnull=False).order_by()  # by home_page_expiry
            times.update(expiring.values_list("expire_at", flat=True))
        return tuple(sorted(times))

    def on_time(self, queryset):
        """The live items of `queryset` (pages, or snippets with a publishing state) not past their expiry: by id,
        as the search backends filter only on indexed fields, and only once an expiry has passed."""
        queryset = queryset.filter(live=True)
        now = timezone.now()
        if not self.expiry_times or self.expiry_times[0] > now:
            return queryset
        expired = queryset.model.objects.filter(live=True, expire_at__lte=now).values_list("pk", flat=True)
        return queryset.exclude(pk__in=list(expired))

    @property
    def restricted_q(self):
        return under_any(self.restricted_paths)

    def pages(self, queryset=None, roots=None):
        """The pages of `queryset` (all pages by default) a stranger may see, under `roots` (every site's root in
        every language by default; the API narrows it to the request's site)."""
        queryset = Page.objects.all() if queryset is None else queryset
        root_paths = self.root_paths if roots is None else [root.path for root in roots]
        return self.on_time(queryset).exclude(self.restricted_q).filter(under_any(root_paths))

    def media(self, queryset):
        """The images or documents of `queryset` outside private collections."""
        private = self.private_collections
        return queryset.exclude(collection_id__in=private) if private else queryset

    def visible(self, queryset):
        """The items of `queryset` a stranger may see, whatever their model (pages, media, snippets)."""
        model = queryset.model
        if issubclass(model, Page):
            return self.pages(queryset)
        if issubclass(model, AbstractImage | AbstractDocument):
            return self.media(queryset)
        if issubclass(model, DraftStateMixin):
            return self.on_time(queryset)
        return queryset

    def can_see(self, item):
        if item is None:
            return False
        if isinstance(item, DraftStateMixin) and not is_on_time(item):
            return False
        return self.in_public_place(item)

    def in_public_place(self, item):
        """Whether readers see `item` whenever it is live and on time: a page under a site's root with no view
        restriction, an image or document outside the private collections; any snippet. (A page just unpublished
        or expired was seen by readers until then if it is in a public place.)"""
        if isinstance(item, Page):
            path = item.path
            return path.startswith(self.root_paths) and not (
                self.restricted_paths and path.startswith(self.restricted_paths)
            )
        if isinstance(item, AbstractImage | AbstractDocument):
            return item.collection_id not in self.private_collections
        return True

    def shown(self, item):
        """The item itself if a stranger may see it, else None."""
        return item if self.can_see(item) else None

    def localized(self, item, locale=None):
        """A page or snippet in the reader's language (`locale`, else the active one) where that translation may
        be seen, else the item itself where it may, else None: never a draft, restricted or private one."""
        if not isinstance(item, TranslatableMixin):
            return self.shown(item)
        locale = locale or Locale.get_active()
        if item.locale_id != locale.pk:
            translation = item.get_translation_or_none(locale)
            if self.can_see(translation):
                return translation
        return self.shown(item)


def readers():
    """The definition in force for this request, or a fresh one."""
    return _in_force.get() or Readers()


@contextlib.contextmanager
def reading_as(definition):
    """Within this block, readers() is `definition` (one kept per content version, say)."""
    token = _in_force.set(definition)
    try:
        yield definition
    finally:
        _in_force.reset(token)
