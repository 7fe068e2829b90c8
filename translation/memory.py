"""Translation memory, from approved translations only: when a translated page or snippet is published (reviewers
publish; approval publishes), each of its strings that a person translated is remembered with its translation.

A new translation then gets, for each string with no translation yet, the remembered translation of the same
source text as a suggestion (a machine-type string the translator confirms, see translation.open_strings), and the
footer offers a near match beside a string the memory has no exact match for. Similarity is difflib's ratio over
the plain text, 2·M/T (M matching characters of T in both strings): a near match is one of 85% or more.
"""

import difflib
import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.signals import page_published, published
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .field_strings import translation_that_made
from .models import MemoryEntry
from .open_strings import MISSING, counted_translations, plain, segment_translations

# The tool_name of a string the memory filled in: exact matches as it is, near matches with their similarity.
MEMORY = "translation memory"
NEAR_MATCH = 0.85


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def languages(translation):
    return translation.source.locale.language_code, translation.target_locale.language_code


def remember(translation):
    """Keeps the counted strings of an approved translation, the latest approval of a source text winning."""
    source_language, target_language = languages(translation)
    now = timezone.now()
    entries = {
        digest(segment.string.data): MemoryEntry(
            source_language=source_language,
            target_language=target_language,
            source_digest=digest(segment.string.data),
            source_text=segment.string.data,
            target_text=existing.data,
            approved_at=now,
        )
        for segment, existing in counted_translations(translation)
    }
    MemoryEntry.objects.bulk_create(
        entries.values(),
        update_conflicts=True,
        unique_fields=["source_language", "target_language", "source_digest"],
        update_fields=["source_text", "target_text", "approved_at"],
    )
    return len(entries)


def memory_suggestions(translation):
    """The strings whose translation the memory filled in, plain (source, translation), for the reviewer to check:
    a translator who confirms one keeps it; one who changes it makes it their own."""
    return [
        (plain(segment.string.data), plain(existing.data))
        for segment, existing in segment_translations(translation)
        if existing is not None and existing.tool_name.startswith(MEMORY)
    ]


def untranslated_segments(translation):
    segments = StringSegment.objects.filter(source=translation.source).select_related("string").order_by("order")
    translated = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, translation_of__segments__source=translation.source
        ).values_list("translation_of_id", "context_id")
    )
    return [segment for segment in segments if (segment.string_id, segment.context_id) not in translated]


def offer_from_memory(translation):
    """Fills each string that has no translation with the memory's translation of the same source text, as a
    suggestion; returns how many strings it filled."""
    source_language, target_language = languages(translation)
    missing = untranslated_segments(translation)
    remembered = dict(
        MemoryEntry.objects.filter(
            source_language=source_language,
            target_language=target_language,
            source_digest__in={digest(segment.string.data) for segment in missing},
        ).values_list("source_digest", "target_text")
    )
    filled = 0
    with transaction.atomic():
        for segment in missing:
            text = remembered.get(digest(segment.string.data))
            if text is not None and suggest(translation, segment, text, MEMORY):
                filled += 1
    return filled


def suggest(translation, segment, text, tool_name):
    """Saves a suggestion for a string unless it has a translation by now; True when it was saved."""
    _found, created = StringTranslation.objects.get_or_create(
        translation_of_id=segment.string_id,
        locale=translation.target_locale,
        context_id=segment.context_id,
        defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE, "tool_name": tool_name},
    )
    return created


@dataclass(frozen=True)
class NearMatch:
    similarity: int  # percent
    source: str  # the remembered source, plain
    translation: str  # its approved translation, plain
    target_text: str  # its approved translation as stored
    changes: tuple  # (how, words): "same", "removed" (in the remembered source only) or "added" (in this one only)

    def as_json(self):
        return {
            "similarity": self.similarity,
            "source": self.source,
            "translation": self.translation,
            "changes": [list(change) for change in self.changes],
        }


def word_changes(remembered, current):
    """How the current text differs from the remembered one, word by word."""
    old, new = remembered.split(), current.split()
    changes = []
    for how, old_start, old_end, new_start, new_end in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if how == "equal":
            changes.append(("same", " ".join(new[new_start:new_end])))
            continue
        if old_end > old_start:
            changes.append(("removed", " ".join(old[old_start:old_end])))
        if new_end > new_start:
            changes.append(("added", " ".join(new[new_start:new_end])))
    return tuple(changes)


def best_match(text, candidates):
    """The candidate (plain source, entry) most similar to the text at NEAR_MATCH or more, with its ratio."""
    best, best_ratio = None, NEAR_MATCH
    for source, entry in candidates:
        shorter, longer = sorted((len(text), len(source)))
        if not longer or 2 * shorter / (shorter + longer) < best_ratio:
            continue  # too different in length to reach the ratio
        matcher = difflib.SequenceMatcher(None, source, text, autojunk=False)
        if matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio and ratio < 1:
            best, best_ratio = (source, entry), ratio
    return best, best_ratio


def near_matches(translation, open_items):
    """A near match from the memory for each open string with no translation at all, by segment id."""
    wanted = [item for item in open_items if item.reason == MISSING and item.segment_id]
    if not wanted:
        return {}
    candidates = candidates_of(translation)
    found = {}
    for item in wanted:
        match, ratio = best_match(item.source, candidates)
        if match is not None:
            source, entry = match
            found[item.segment_id] = NearMatch(
                similarity=int(ratio * 100),
                source=source,
                translation=plain(entry.target_text),
                target_text=entry.target_text,
                changes=word_changes(source, item.source),
            )
    return found


def use_near_match(translation, segment_id):
    """Saves the near match of an untranslated string as its suggestion; False when there is none (any more)."""
    segment = StringSegment.objects.filter(source=translation.source, pk=segment_id).select_related("string").first()
    if segment is None or segment not in untranslated_segments(translation):
        return False
    match, ratio = best_match(plain(segment.string.data), candidates_of(translation))
    if match is None:
        return False
    return suggest(translation, segment, match[1].target_text, f"{MEMORY} ({int(ratio * 100)}% match)")


def candidates_of(translation):
    """The memory of the translation's languages, each entry with its plain source text."""
    source_language, target_language = languages(translation)
    entries = MemoryEntry.objects.filter(source_language=source_language, target_language=target_language)
    return [(plain(entry.source_text), entry) for entry in entries.only("source_text", "target_text")]


def remember_published(instance):
    """Remembers an approved translation as it is published."""
    if getattr(instance, "locale_id", None) in (None, Locale.get_default().pk):
        return
    translation = translation_that_made(instance)
    if translation is not None:
        remember(translation)


def page_was_published(sender, instance, **_signal_arguments):
    remember_published(instance)


def snippet_was_published(sender, instance, **_signal_arguments):
    if not isinstance(instance, Page):  # pages send both signals
        remember_published(instance)


def translation_created(sender, instance, created, **_signal_arguments):
    """However a translation is started (submitted alone, with its subtree, in a batch), the memory fills it."""
    if created:
        offer_from_memory(instance)


def connect():
    post_save.connect(translation_created, sender=Translation, dispatch_uid="translation_memory_offer")
    page_published.connect(page_was_published, dispatch_uid="translation_memory_page")
    published.connect(snippet_was_published, dispatch_uid="translation_memory_snippet")
