"""What counts as translated, in one place: the editor, its footer, Submit for review, Publish, approval and the
status report all ask `open_strings`.

A string counts as translated when a person wrote its translation. Text filled in by a machine translator or the
glossary, or offered from an earlier translation after the source changed, is a suggestion; so is text that is
still the source text (the same, or with no character of the target language's script). A suggestion counts once
a translator saves it in the editor, or keeps it as it is with one click (`keep`).
"""

import hashlib
import json
import re
from dataclasses import dataclass

from django.db.models import Max
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail_localize.models import OverridableSegment, SegmentOverride, StringSegment, StringTranslation

from .models import KeptString

# The tool_name of a suggestion made from a string's earlier translation (translation.sync offers them).
EARLIER_TRANSLATION = "the earlier translation"

# Scripts of target languages not written in Latin letters: a translation into one of these without a single
# character of its script is still in the source language.
SCRIPTS = {"zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")}
LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
WORDS_OR_NUMBERS = re.compile(r"[^\W_]", re.UNICODE)

MISSING, SUGGESTED, CHANGED_IN_SOURCE, SAME_AS_SOURCE, STILL_IN_SOURCE_LANGUAGE, OBJECT_MISSING = (
    "missing",
    "suggested",
    "changed_in_source",
    "same_as_source",
    "still_in_source_language",
    "object_missing",
)


@dataclass(frozen=True)
class OpenString:
    """A string of the source that still needs a translator, and why."""

    segment_id: int | None
    source: str
    translation: str
    reason: str
    explanation: str

    @property
    def keepable(self):
        """A translation is there: the translator may keep it as it is."""
        return self.reason in (SUGGESTED, CHANGED_IN_SOURCE, SAME_AS_SOURCE, STILL_IN_SOURCE_LANGUAGE)

    def as_json(self):
        return {
            "segment_id": self.segment_id,
            "source": self.source,
            "translation": self.translation,
            "reason": self.reason,
            "explanation": self.explanation,
            "keepable": self.keepable,
        }


def plain(html):
    return " ".join(strip_tags(html).split())


def is_suggestion(source, translated, target_language):
    """Why this translation is only a suggestion, or None when it counts."""
    if translated.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return CHANGED_IN_SOURCE if translated.tool_name == EARLIER_TRANSLATION else SUGGESTED
    text, original = plain(translated.data), plain(source)
    if not WORDS_OR_NUMBERS.search(original):
        return None  # "+", "%": nothing a translator could write otherwise
    if text.casefold() == original.casefold():
        return SAME_AS_SOURCE
    script = SCRIPTS.get(target_language.split("-")[0].lower())
    if script and LETTERS.search(text) and not script.search(text):
        return STILL_IN_SOURCE_LANGUAGE
    return None


def explain(reason, translated, source_language, target_language):
    if reason == CHANGED_IN_SOURCE:
        return _("The %(language)s changed; its earlier translation is offered: check it, then save it or keep it.") % {
            "language": source_language
        }
    if reason == SUGGESTED:
        return _("Suggested by %(tool)s: check it, then save it or keep it as it is.") % {
            "tool": translated.tool_name or _("a machine translator")
        }
    if reason == SAME_AS_SOURCE:
        return _("The same as the %(language)s: translate it, or keep it if it is a name or a number.") % {
            "language": source_language
        }
    if reason == STILL_IN_SOURCE_LANGUAGE:
        return _("Still in %(source)s, not in %(target)s: translate it, or keep it as it is.") % {
            "source": source_language,
            "target": target_language,
        }
    return _("Not translated yet.")


def translations_of(segments, locale):
    """The StringTranslations of these segments in the locale, by (string id, context id), with what was kept."""
    found = StringTranslation.objects.filter(
        locale=locale,
        has_error=False,
        translation_of_id__in=[segment.string_id for segment in segments],
        context_id__in={segment.context_id for segment in segments},
    ).select_related("kept")
    return {(t.translation_of_id, t.context_id): t for t in found}


def segment_translations(translation):
    """The source's string segments in order, each with its usable translation in the target locale (or None)."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    segments = list(segments.order_by("order"))
    translated = translations_of(segments, translation.target_locale)
    return [(segment, translated.get((segment.string_id, segment.context_id))) for segment in segments]


def kept_as_is(translated):
    kept = getattr(translated, "kept", None)  # the reverse one-to-one raises an AttributeError when there is none
    return kept is not None and kept.data == translated.data


def why_open(segment, existing, target_language):
    """Why a string still needs a translator, or None when its translation counts."""
    if existing is None:
        return MISSING
    if kept_as_is(existing):
        return None
    return is_suggestion(segment.string.data, existing, target_language)


def counted_translations(translation):
    """The source's strings whose translation counts, each with it: what a person translated, saved or kept."""
    code = translation.target_locale.language_code
    return [
        (segment, existing)
        for segment, existing in segment_translations(translation)
        if why_open(segment, existing, code) is None
    ]


def open_strings(translation):
    """The source's strings and linked objects that still need a translator, in the order of the source."""
    source, locale = translation.source, translation.target_locale
    source_language, target_language = source.locale.get_display_name(), locale.get_display_name()
    found = []
    for segment, existing in segment_translations(translation):
        reason = why_open(segment, existing, locale.language_code)
        if reason is None:
            continue
        found.append(
            OpenString(
                segment_id=segment.pk,
                source=plain(segment.string.data),
                translation=plain(existing.data) if existing else "",
                reason=reason,
                explanation=explain(reason, existing, source_language, target_language),
            )
        )
    for segment in source.relatedobjectsegment_set.select_related("object"):
        if not segment.object.has_translation(locale):
            name = str(segment.object.get_instance(source.locale))
            explanation = _("“%(name)s” has no %(language)s translation yet.") % {
                "name": name,
                "language": target_language,
            }
            found.append(OpenString(None, name, "", OBJECT_MISSING, explanation))
    return found


def keep(translation, segment_id, user):
    """Keeps a string's current translation as it is; False when the string has no translation to keep."""
    segment = StringSegment.objects.filter(source=translation.source, pk=segment_id).first()
    if segment is None:
        return False
    existing = translations_of([segment], translation.target_locale).get((segment.string_id, segment.context_id))
    if existing is None:
        return False
    keep_as_is(existing, user)
    return True


def keep_as_is(string_translation, user=None):
    KeptString.objects.update_or_create(
        string_translation=string_translation, defaults={"data": string_translation.data, "kept_by": user}
    )


def strings_digest(translation):
    """A digest of what the editor shows for a translation: every source string with its translation, and every
    overridden value (images, links). It changes with any edit, and with the source's strings."""
    source, locale = translation.source, translation.target_locale
    strings = [
        [segment.order, segment.string.data, getattr(existing, "data", None)]
        for segment, existing in segment_translations(translation)
    ]
    overridable = OverridableSegment.objects.filter(source=source)
    overrides = SegmentOverride.objects.filter(
        locale=locale, context_id__in=overridable.values("context_id"), has_error=False
    ).order_by("context_id")
    content = {"strings": strings, "overrides": list(overrides.values_list("context_id", "data_json"))}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def last_string_change(translation):
    """When a string of this translation was last saved (a change after the page was published is not live yet)."""
    source, locale = translation.source, translation.target_locale
    segments = StringSegment.objects.filter(source=source)
    changes = [
        StringTranslation.objects.filter(
            locale=locale,
            translation_of_id__in=segments.values("string_id"),
            context_id__in=segments.values("context_id"),
        ).aggregate(latest=Max("updated_at"))["latest"],
        SegmentOverride.objects.filter(
            locale=locale, context_id__in=OverridableSegment.objects.filter(source=source).values("context_id")
        ).aggregate(latest=Max("updated_at"))["latest"],
    ]
    return max((change for change in changes if change), default=source.last_updated_at)
