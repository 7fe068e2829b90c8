"""The content version: advanced by every change that can alter a public response (a page published, unpublished,
moved or deleted, a snippet, image, document, collection, site or setting saved or deleted, a view restriction
changed, and the search engine's index updated, which search/service.py reports itself), and not by a draft saved.
Every model is watched except the few that never reach a reader, so a new model is safe by default."""

import contextlib
import datetime
from collections import OrderedDict

from django.apps import apps
from django.db import connection
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.signals import page_unpublished, post_page_move

from .compat import DRAFT_BOOKKEEPING_FIELDS, MEDIA_BOOKKEEPING_FIELDS
from .models import ContentVersion

SINGLETON = 1
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

# Models whose rows never show in a public response: sessions, users and permissions, the admin's own records
# (revisions and drafts, logs, workflows, edit locks, tokens), task results, form submissions, search index rows
# (search/service.py advances the version when the engine takes an update), the reference index, renditions and
# embeds (made on first use, from what is watched) and translation bookkeeping (a translation reaches readers by
# being published, which saves the page).
UNWATCHED_APPS = {
    "sessions",
    "auth",
    "admin",
    "contenttypes",
    "django_tasks_database",
    "wagtailadmin",
    "wagtailembeds",
    "wagtailforms",
    "wagtailsearch",
    "wagtailusers",
    "wagtail_localize",
    "delivery",
    "scheduling",
    "webhooks",
    "search_insights",
}
UNWATCHED_MODEL_PREFIXES = (
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflow",
    "wagtailcore.task",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.group",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.uploadedfile",
    "wagtailcore.apitoken",
    "wagtailcore.referenceindex",
    "wagtailimages.rendition",
)


def watched(model):
    return model._meta.app_label not in UNWATCHED_APPS and not model._meta.label_lower.startswith(
        UNWATCHED_MODEL_PREFIXES
    )


def bookkeeping_only(instance, update_fields):
    """A save readers never see: a page's draft, edit lock or child count, or a file size read from storage."""
    if not update_fields:
        return False
    if isinstance(instance, Page):
        return set(update_fields) <= DRAFT_BOOKKEEPING_FIELDS
    if isinstance(instance, (AbstractImage, AbstractDocument)):
        return set(update_fields) <= MEDIA_BOOKKEEPING_FIELDS
    return False


def saved(sender, instance, update_fields=None, **_signal_arguments):
    """Editors save drafts all day: those leave every cached response valid."""
    if not bookkeeping_only(instance, update_fields):
        advance()


def advance(**_signal_arguments):
    """Moves the version on; inside the caller's transaction, so readers see the change and the new version
    together. The row update also queues concurrent writers, which keeps the numbers in commit order."""
    updated = ContentVersion.objects.filter(pk=SINGLETON).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        ContentVersion.objects.get_or_create(pk=SINGLETON, defaults={"number": 1, "changed_at": timezone.now()})


def current():
    """(number, changed_at) of the content readers see now: one small query, in plain SQL, since every anonymous
    request makes it and the ORM would spend more time building it than the database answering it."""
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, changed_at FROM {table} WHERE id = %s", [SINGLETON])  # noqa: S608
        row = cursor.fetchone()
    if row is None:
        return 0, EPOCH
    number, changed_at = row
    if isinstance(changed_at, str):  # SQLite keeps date-times as text, in UTC
        changed_at = datetime.datetime.fromisoformat(changed_at)
    if timezone.is_naive(changed_at):
        changed_at = timezone.make_aware(changed_at, datetime.UTC)
    return number, changed_at


PER_VERSION_ENTRIES = 2_000  # lookups kept per process (one per site host, image and base URL, ...)
_per_version = OrderedDict()  # key -> (version, value), least recently used first


def per_version(request, key, compute):
    """compute(), once per content version in this process, for the lookups every API request makes and only a
    content change can change (the site, view restrictions, private collections, locales). The version is the
    one the response cache read for this request; without it (staff requests), compute() runs once a request, and
    without a request, every time."""
    if request is None:
        return compute()
    version = getattr(request, "content_version", None)
    if version is None:
        per_request = getattr(request, "per_request_lookups", None)
        if per_request is None:
            per_request = request.per_request_lookups = {}
        if key not in per_request:
            per_request[key] = compute()
        return per_request[key]
    known = _per_version.get(key)
    if known is None or known[0] != version:
        known = _per_version[key] = (version, compute())
        if len(_per_version) > PER_VERSION_ENTRIES:
            _per_version.popitem(last=False)
    with contextlib.suppress(KeyError):  # another thread may have just dropped it
        _per_version.move_to_end(key)
    return known[1]


def watch_content_changes():
    for model in apps.get_models(include_auto_created=True):
        if watched(model):
            uid = f"delivery:{model._meta.label_lower}"
            post_save.connect(saved, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(advance, sender=model, dispatch_uid=f"{uid}:delete")
            m2m_changed.connect(advance, sender=model, dispatch_uid=f"{uid}:m2m")
    # Moves rewrite descendants' paths with bulk updates, which send no save signals.
    post_page_move.connect(advance, dispatch_uid="delivery:page_moved")
    page_unpublished.connect(advance, dispatch_uid="delivery:page_unpublished")
