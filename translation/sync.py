"""English changes reach translators by themselves. Publishing a page or snippet that is the source of synced
translations queues `sync_translations` (django-tasks: a worker runs it when background tasks are on). The sync
reads the published source again, keeps every unchanged string's translation, and offers a changed string the
translation its text had before (or else the translation memory's), as a suggestion: translation.open_strings
counts it only once a translator saves or keeps it. The live translations stay as they are until a reviewer
approves the new ones."""

import contextlib
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.models import Page
from wagtail.signals import page_published, published
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from django_tasks import task

from .memory import offer_from_memory, suggest, untranslated_segments
from .open_strings import EARLIER_TRANSLATION


@task()
def sync_translations(source_id):
    """Brings a translation source and its enabled translations up to date with the published source; returns how
    many translations it looked at."""
    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return 0
    with transaction.atomic():
        source.update_from_db()
        translations = list(source.translations.filter(enabled=True).select_related("target_locale"))
        for translation in translations:
            offer_suggestions(translation)
            with contextlib.suppress(ValidationError):  # as wagtail-localize's own sync does
                source.update_target_view_restrictions(translation.target_locale)
    return len(translations)


def offer_suggestions(translation):
    """Suggestions for the strings a sync left untranslated: each place's earlier translation, then the memory's."""
    offer_earlier_translations(translation)
    offer_from_memory(translation)


def offer_earlier_translations(translation):
    """Fills each changed string that has no translation with the translation its place (block or field) last had,
    as a suggestion; a place that now holds several untranslated strings is left to the translator."""
    locale = translation.target_locale
    untranslated = {segment.pk for segment in untranslated_segments(translation)}
    by_place = defaultdict(list)
    for segment in StringSegment.objects.filter(source=translation.source):
        by_place[segment.context_id].append(segment)
    for context_id, here in by_place.items():
        missing = [segment for segment in here if segment.pk in untranslated]
        if len(missing) != 1:
            continue
        earlier = (
            StringTranslation.objects.filter(context_id=context_id, locale=locale, has_error=False)
            .exclude(translation_of_id__in=[s.string_id for s in here])
            .order_by("-updated_at")
            .first()
        )
        if earlier is not None:
            suggest(translation, missing[0], earlier.data, EARLIER_TRANSLATION)


def queue_sync(instance):
    source = TranslationSource.objects.filter(
        object_id=getattr(instance, "translation_key", None), locale_id=getattr(instance, "locale_id", None)
    ).first()
    if source is not None and source.translations.filter(enabled=True).exists():
        sync_translations.enqueue(source_id=source.pk)


def page_was_published(sender, instance, **_signal_arguments):
    queue_sync(instance)


def snippet_was_published(sender, instance, **_signal_arguments):
    if not isinstance(instance, Page):  # pages send both signals
        queue_sync(instance)


def connect():
    page_published.connect(page_was_published, dispatch_uid="translation_sync_page")
    published.connect(snippet_was_published, dispatch_uid="translation_sync_snippet")
