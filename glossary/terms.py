"""The live glossary as search, machine translation and review use it: each term's forms by language, and where
they occur in a text."""

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from home.text import CJK
from home.visibility import readers

from .models import GlossaryTerm


@dataclass(frozen=True)
class GlossaryEntry:
    forms: dict  # language code -> the forms in that language, the preferred one first

    def forms_in(self, language):
        return self.forms.get(language, ())

    def preferred(self, language):
        forms = self.forms_in(language)
        return forms[0] if forms else None


def live_entries():
    """Every published term with its published translations (one query); a term not yet translated has English
    forms only."""
    grouped = defaultdict(dict)
    for term in readers().visible(GlossaryTerm.objects.all()).select_related("locale").order_by("pk"):
        grouped[term.translation_key][term.locale.language_code] = tuple(term.forms)
    return [GlossaryEntry(forms) for forms in grouped.values()]


@functools.lru_cache(maxsize=4096)
def form_pattern(form):
    """Chinese forms match anywhere (Chinese has no spaces between words); others match whole words, in any case,
    with any spacing or hyphen between their words and a plural ending ("community leaders", "low-carbon")."""
    words = [re.escape(word) for word in re.split(r"[\s\-]+", form.strip()) if word]
    body = r"[\s\-]*".join(words)
    if CJK.search(form):
        return re.compile(body, re.IGNORECASE)
    return re.compile(rf"(?<!\w){body}(?:s|es)?(?!\w)", re.IGNORECASE)


def mentions(text, form):
    return bool(form) and form_pattern(form).search(text) is not None


def entries_in(text, entries, language=None):
    """The entries one of whose forms (in `language`, or in any language) occurs in the text."""
    found = []
    for entry in entries:
        forms = entry.forms_in(language) if language else [f for fs in entry.forms.values() for f in fs]
        if any(mentions(text, form) for form in forms):
            found.append(entry)
    return found


def translation_pairs(entries, source, target):
    """Each form of a term in the source language with the term's preferred form in the target language, for
    terms that have both; a form claimed by two terms goes to the first."""
    pairs = {}
    for entry in entries:
        preferred = entry.preferred(target)
        if preferred:
            for form in entry.forms_in(source):
                pairs.setdefault(form.lower(), (form, preferred))
    return list(pairs.values())
