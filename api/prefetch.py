"""Loads, in a few queries, everything a page of API results refers to, so that the number of queries
of a listing does not grow with `limit`.

Rich text links, image and document blocks and translations would otherwise each cost a query per item.
`prefetch_for(pages, request)` collects their ids from the raw content of all items, fetches them in bulk
and publishes the result in a context variable that the link handlers and chooser blocks read first.
"""

import contextlib
import contextvars
import re
from collections import defaultdict

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.translation import get_language

from wagtail import blocks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page

from delivery.changes import per_version
from home.api_fields import DeclaredField
from home.visibility import readers

from .media import RENDITION_SPECS

_prefetched = contextvars.ContextVar("api_prefetched", default=None)
LINK = re.compile(r"<a\b[^>]*\blinktype=\"(page|document)\"[^>]*>")
LINK_ID = re.compile(r"\bid=\"(\d+)\"")


def cached(kind, ids):
    """The prefetched objects for these ids, or None when any is not prefetched."""
    store = _prefetched.get()
    if store is None:
        return None
    objects = store[kind]
    keys = [str(i) for i in ids]
    if not all(key in objects for key in keys):
        return None
    return [objects[key] for key in keys]


def localized(instance):
    """A snippet or page as readers of the active language see it (readers().localized), prefetched when
    possible."""
    store = _prefetched.get()
    if store is not None:
        key = (type(instance), instance.translation_key, store["locale_ids"].get(get_language()))
        if key in store["localized"]:
            return store["localized"][key]
    return readers().localized(instance)


NOT_PREFETCHED = object()


def link_target(page):
    """Where a rich text link to `page` points in the active language, from this listing's prefetched pages
    readers may see (else the page itself if they may); NOT_PREFETCHED outside a listing."""
    store = _prefetched.get()
    if store is None:
        return NOT_PREFETCHED
    key = (page.translation_key, store["locale_ids"].get(get_language()))
    return store["link_targets"].get(key) or readers().shown(page)


def translations_of(page):
    """The live, public translations of a page, prefetched when possible."""
    store = _prefetched.get()
    if store is not None and page.translation_key in store["translations"]:
        return store["translations"][page.translation_key]
    return list(page.live_translations())


def declared_fields(model, shown=None):
    """The page type's API fields declared with a serializer of home.api_fields (only those `shown`, when given),
    as (name, serializer)."""
    return [
        (api_field.name, api_field.serializer)
        for api_field in getattr(model, "api_fields", ())
        if isinstance(api_field.serializer, DeclaredField) and (shown is None or api_field.name in shown)
    ]


def collect_references(block, raw, refs):
    """Walks a block's raw (JSON) value, noting the pages, images and documents it refers to."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                collect_references(child_block, child.get("value"), refs)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            collect_references(block.child_block, item.get("value") if isinstance(item, dict) else item, refs)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            collect_references(child_block, raw.get(name), refs)
    elif isinstance(block, ImageChooserBlock):
        refs["images"].add(int(raw))
    elif isinstance(block, DocumentChooserBlock):
        refs["documents"].add(int(raw))
    elif isinstance(block, blocks.RichTextBlock):
        for tag in LINK.finditer(raw):
            found = LINK_ID.search(tag.group(0))
            if found:
                refs["pages" if tag.group(1) == "page" else "documents"].add(int(found.group(1)))


@contextlib.contextmanager
def prefetch_for(pages, request=None, shown=None):
    """Within this block, serialising `pages` costs a fixed number of queries; only what the fields `shown` in
    the response need is fetched (everything when not given)."""
    refs = defaultdict(set)
    by_model = defaultdict(list)
    prefetch_related_objects(pages, "locale")
    for page in pages:
        by_model[type(page)].append(page)
        deferred = page.get_deferred_fields()  # reading a deferred stream field would cost a query per page
        for field in page._meta.get_fields():
            wanted = shown is None or field.name in shown
            if isinstance(field, StreamField) and field.attname not in deferred and wanted:
                raw = getattr(getattr(page, field.attname), "raw_data", None)
                collect_references(field.stream_block, list(raw) if raw is not None else None, refs)
    for model, items in by_model.items():
        lookups = [lookup for name, field in declared_fields(model, shown) for lookup in field.prefetch(name)]
        if lookups:
            prefetch_related_objects(items, *lookups)

    image_model, document_model = get_image_model(), get_document_model()
    store = {
        "pages": {str(p.pk): p for p in Page.objects.filter(pk__in=refs["pages"]).defer_streamfields().specific()},
        "images": {
            str(i.pk): i
            for i in image_model.objects.filter(pk__in=refs["images"]).prefetch_renditions(*RENDITION_SPECS)
        },
        "documents": {str(d.pk): d for d in document_model.objects.filter(pk__in=refs["documents"])},
        "translations": defaultdict(list),
    }
    keys = {page.translation_key for page in pages} if shown is None or "translations" in shown else set()
    for translation in (
        readers().pages(Page.objects.filter(translation_key__in=keys)).select_related("locale").order_by("locale_id")
    ):
        store["translations"][translation.translation_key].append(translation)
    store["locale_ids"] = locale_ids(request)
    store["localized"] = localized_snippets(pages, store["locale_ids"], shown)
    linked_keys = {page.translation_key for page in store["pages"].values()}
    linked = Page.objects.filter(translation_key__in=linked_keys, locale_id__in={p.locale_id for p in pages})
    store["link_targets"] = {
        (page.translation_key, page.locale_id): page for page in readers().pages(linked).defer_streamfields()
    }
    token = _prefetched.set(store)
    try:
        yield
    finally:
        _prefetched.reset(token)


def locale_ids(request):
    """Each language code's locale id, looked up once a content version."""
    return per_version(request, "locale ids", lambda: dict(Locale.objects.values_list("language_code", "pk")))


def localized_snippets(pages, locale_ids_by_language, shown):
    """The versions, in each listed page's language, of the snippets and pages they link to (topics,
    organisations, a news article's program), else the source-language one; pages only when live and public."""
    keys_by_model = defaultdict(set)
    locale_ids = {page.locale_id for page in pages}
    for page in pages:
        for linked in (item for name, field in declared_fields(type(page), shown) for item in field.linked(page, name)):
            keys_by_model[type(linked)].add(linked.translation_key)
    found = {}
    default_id = locale_ids_by_language.get(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    for model, keys in keys_by_model.items():
        candidates = model.objects.filter(translation_key__in=keys, locale_id__in=locale_ids | {default_id})
        items = readers().visible(candidates)
        by_key_locale = {(item.translation_key, item.locale_id): item for item in items}
        for key in keys:
            for locale_id in locale_ids:
                found[(model, key, locale_id)] = by_key_locale.get((key, locale_id)) or by_key_locale.get(
                    (key, default_id)
                )
    return found
