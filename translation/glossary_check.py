"""Glossary flags for translators and reviewers: a translated string whose source names a glossary term, but whose
translation has neither the term's form in the target language nor one of its synonyms there. A flag warns in the
side-by-side editor and its review footer; it never stops a translation from being saved, submitted or approved."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import ngettext

from wagtail_localize.models import StringSegment

from glossary.terms import entries_in, live_entries, mentions


@dataclass
class GlossaryFlag:
    source: str
    translation: str
    missing: list = field(default_factory=list)  # [(source form, target forms)], the target's preferred form first

    def as_json(self):
        return {
            "source": self.source,
            "translation": self.translation,
            "missing": [{"term": term, "expected": forms[0], "accepted": list(forms)} for term, forms in self.missing],
        }


def glossary_flags(translation):
    """The flags of a translation's translated strings, in the order of its source."""
    source_language = translation.source.locale.language_code
    target_language = translation.target_locale.language_code
    entries = live_entries()
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .select_related("string")
        .order_by("order")
    )
    flags = []
    for segment in segments:
        if segment.translation is None:
            continue  # untranslated strings have their own count in the footer
        source, translated = strip_tags(segment.string.data), strip_tags(segment.translation)
        flag = GlossaryFlag(source=source, translation=translated)
        for entry in entries_in(source, entries, source_language):
            expected = entry.forms_in(target_language)
            if expected and not any(mentions(translated, form) for form in expected):
                term = next(form for form in entry.forms_in(source_language) if mentions(source, form))
                flag.missing.append((term, expected))
        if flag.missing:
            flags.append(flag)
    return flags


def flags_summary(count):
    return ngettext(
        "Glossary: %(count)d translated string does not use the glossary's term.",
        "Glossary: %(count)d translated strings do not use the glossary's terms.",
        count,
    ) % {"count": count}
