"""Keeps the change record (models.ChangeRecord) that the sync endpoint reads.

After every change that can alter whether readers see a page, image or document, or how it is summarised, the
objects it may have affected are looked at again in the same transaction, after the content version was advanced
(which queues concurrent writers on its row): each one's record takes the new version, and says whether readers
may see it now. Versions therefore follow commit order, and a client that has read every record up to a version
has missed nothing committed before it. Which objects a change affects:
- a page saved (published, unpublished, a new revision published; not a draft saved): that page, and the pages
  under it when its URL changed;
- a page moved, or a view restriction added or removed: the page and everything under it;
- a page, image or document deleted: that object;
- an image or document saved: that object (moved into a private collection, for one);
- a snippet, image or document saved or deleted: the pages that show it (by Wagtail's reference index), whose
  content changed with it;
- a collection restricted, unrestricted or moved: the images and documents in it and in the collections under it;
- a site saved or deleted: every page.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import post_page_move

from home.visibility import Readers

from .changes import advance, bookkeeping_only, current, watched
from .models import ChangeRecord

PAGE, IMAGE, DOCUMENT = ChangeRecord.Kind.PAGE, ChangeRecord.Kind.IMAGE, ChangeRecord.Kind.DOCUMENT

BATCH = 500


def record(kind, affected_ids, public_now):
    """Gives every object in `affected_ids` (ids, or a query of them) a new version: those in `public_now`
    ((id, locale id) pairs) are public, the others not. Objects never public get no record."""
    with transaction.atomic():
        advance()
        number, changed_at = current()
        stamp = {"sequence": number, "changed_at": changed_at}
        ChangeRecord.objects.filter(kind=kind, object_id__in=affected_ids).update(public=False, **stamp)
        records = [
            ChangeRecord(kind=kind, object_id=pk, locale_id=locale_id, public=True, **stamp)
            for pk, locale_id in public_now
        ]
        ChangeRecord.objects.bulk_create(
            records,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=["public", "sequence", "changed_at", "locale"],
        )


def record_pages(pages):
    """The pages of the query `pages` looked at again."""
    ids = pages.values("pk")
    public = Readers().pages(Page.objects.filter(pk__in=ids))
    record(PAGE, ids, public.values_list("pk", "locale_id"))


def record_page_tree(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        record_pages(Page.objects.descendant_of(page, inclusive=True))


def record_media(model, items):
    """The images or documents of the query `items` looked at again."""
    kind = IMAGE if issubclass(model, AbstractImage) else DOCUMENT
    public = Readers().media(items)
    record(kind, items.values("pk"), ((pk, None) for pk in public.values_list("pk", flat=True)))


def record_collection_tree(collection_id):
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return
    inside = collection.get_descendants(inclusive=True)
    for model in media_models():
        record_media(model, model.objects.filter(collection__in=inside))


def record_everything():
    """Every page, image and document looked at again: fills the record of a site that had content before it
    existed, or repairs it after changes made around the models (raw SQL, QuerySet.update())."""
    record_pages(Page.objects.all())
    for model in media_models():
        record_media(model, model.objects.all())


def media_models():
    return [model for model in apps.get_models() if issubclass(model, (AbstractImage, AbstractDocument))]


def remember_url_path(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a page is saved, its URL path as stored: when it changes, the pages under it change URL too."""
    if isinstance(instance, Page) and instance.pk and not raw and not bookkeeping_only(instance, update_fields):
        stored = Page.objects.filter(pk=instance.pk).values_list("url_path", flat=True).first()
        instance._stored_url_path = stored


def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or bookkeeping_only(instance, update_fields):
        return
    if isinstance(instance, Page):
        if getattr(instance, "_stored_url_path", instance.url_path) != instance.url_path:
            record_page_tree(instance.pk)
        else:
            record_pages(Page.objects.filter(pk=instance.pk))
    elif isinstance(instance, (AbstractImage, AbstractDocument)):
        record_media(type(instance), type(instance).objects.filter(pk=instance.pk))
        record_pages_showing(instance)
    elif isinstance(instance, Collection):
        # The admin moves a collection after saving it, with no signal of its own.
        transaction.on_commit(lambda: record_collection_tree(instance.pk))
    else:
        changed(instance)


def deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        if sender is Page:  # a page type's row and its base row are deleted together: one change
            record(PAGE, [instance.pk], [])
    elif isinstance(instance, AbstractImage):
        record(IMAGE, [instance.pk], [])
    elif isinstance(instance, AbstractDocument):
        record(DOCUMENT, [instance.pk], [])
    else:
        changed(instance, showing=False)  # the pages showing it were looked at before, in deleting()


def changed(instance, showing=True):
    """A view restriction, a site, or another object readers may see (a snippet), saved or deleted."""
    if isinstance(instance, PageViewRestriction):
        record_page_tree(instance.page_id)
    elif isinstance(instance, CollectionViewRestriction):
        record_collection_tree(instance.collection_id)
    elif isinstance(instance, Site):
        record_pages(Page.objects.all())
    elif showing and readers_may_see(instance):
        record_pages_showing(instance)


def deleting(sender, instance, **kwargs):
    """Before an image, document or snippet is deleted (Wagtail then forgets the references to it)."""
    if not isinstance(instance, Page) and readers_may_see(instance):
        record_pages_showing(instance)


def readers_may_see(instance):
    """An object of the project's models (not a migration's historical one) that the content version watches."""
    return instance._meta.apps is apps and watched(type(instance))


def record_pages_showing(instance):
    """The pages whose live content refers to `instance`, by Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(instance).filter(base_content_type=page_type)
    ids = {int(pk) for pk in references.values_list("object_id", flat=True)}
    if ids:
        record_pages(Page.objects.filter(pk__in=ids))


def moved(sender, instance, **kwargs):
    record_page_tree(instance.pk)


def record_existing_content(**kwargs):
    """After migrate: a site upgraded to a release with the change record gets one for what it already has."""
    if not ChangeRecord.objects.exists():
        record_everything()


def record_content_changes():
    pre_save.connect(remember_url_path, dispatch_uid="delivery:record:url_path")
    post_save.connect(saved, dispatch_uid="delivery:record:saved")
    pre_delete.connect(deleting, dispatch_uid="delivery:record:deleting")
    post_delete.connect(deleted, dispatch_uid="delivery:record:deleted")
    post_page_move.connect(moved, dispatch_uid="delivery:record:moved")
