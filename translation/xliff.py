"""XLIFF 2.0 for translation agencies, beside the PO files: one `<file>` per translation (a page, a snippet), one
`<unit>` per string, named by its place in the source, with notes that carry what a translator needs (the item,
the field, the glossary's terms in the string). Inline markup (links, bold) travels as text, the tags as the
source has them; a translator's tool keeps them as they are.

An upload is checked whole before anything is saved, as PO uploads are: a file for other translations, strings
changed in the source since the export, broken or changed markup, or an item waiting for review refuse the whole
file with the reason.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree import ElementTree

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException

from glossary.terms import entries_in, live_entries

from .compat import check_translated_html
from .guards import can_edit, in_review, target_of
from .open_strings import plain, segment_translations, why_open

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
MAX_XLIFF_FILE_SIZE = 5 * 1024 * 1024
TOOL_NAME = "XLIFF file"
BLOCK_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class XliffError(ValueError):
    """The uploaded file cannot be imported, for the reason given."""


def q(tag):
    return f"{{{NAMESPACE}}}{tag}"


def language_tag(locale):
    """The locale's code as BCP 47 writes it: zh-hans -> zh-Hans."""
    first, *rest = locale.language_code.split("-")
    return "-".join([first.lower(), *(part.title() if len(part) == 4 else part.upper() for part in rest)])


def file_id(translation):
    return f"t{translation.uuid.hex}"


def item_name(translation):
    """The item as its source names it ("Tip sheet: Energy Efficiency tips")."""
    source = translation.source.get_source_instance()
    kind = source._meta.verbose_name
    return f"{kind[:1].upper()}{kind[1:]}: {source.title if isinstance(source, Page) else source}"


def place(context_path):
    """A field's place for people: the block ids of its path left out ("tips › text")."""
    return " › ".join(part for part in context_path.split(".") if not BLOCK_ID.match(part))


def glossary_note(source, entries, source_language, target_language):
    pairs = []
    for entry in entries_in(plain(source), entries, source_language):
        preferred = entry.preferred(target_language)
        if preferred:
            pairs.append(f"{entry.preferred(source_language)} → {preferred}")
    return "; ".join(pairs)


def add_notes(parent, notes):
    container = ElementTree.SubElement(parent, q("notes"))
    for category, text in notes:
        if text:
            ElementTree.SubElement(container, q("note"), category=category).text = text


def export_xliff(translations):
    """The XLIFF 2.0 document of these translations (all into one language), with their current translations."""
    first = translations[0]
    source_language, target_language = first.source.locale.language_code, first.target_locale.language_code
    root = ElementTree.Element(
        q("xliff"), version="2.0", srcLang=language_tag(first.source.locale), trgLang=language_tag(first.target_locale)
    )
    entries = live_entries()
    for translation in translations:
        name = item_name(translation)
        xliff_file = ElementTree.SubElement(root, q("file"), id=file_id(translation))
        add_notes(xliff_file, [("item", name)])
        for segment, existing in segment_translations(translation):
            unit = ElementTree.SubElement(xliff_file, q("unit"), id=f"s{segment.order}", name=segment.context.path)
            glossary = glossary_note(segment.string.data, entries, source_language, target_language)
            add_notes(unit, [("location", f"{name} › {place(segment.context.path)}"), ("glossary", glossary)])
            xml_segment = ElementTree.SubElement(unit, q("segment"))
            ElementTree.SubElement(xml_segment, q("source")).text = segment.string.data
            if existing is not None:
                counted = why_open(segment, existing, target_language) is None
                xml_segment.set("state", "translated" if counted else "initial")
                ElementTree.SubElement(xml_segment, q("target")).text = existing.data
    ElementTree.register_namespace("", NAMESPACE)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


@dataclass
class Unit:
    file_id: str
    name: str
    source: str
    target: str | None
    state: str


@dataclass
class XliffDocument:
    target_language: str
    units: list = field(default_factory=list)


def text_of(element, where):
    if element is None:
        return None
    if len(element):
        raise XliffError(
            _("%(where)s holds inline codes; keep the tags as the exported text has them.") % {"where": where}
        )
    return element.text or ""


def parse_xliff(upload):
    if upload is None:
        raise XliffError(_("Choose an XLIFF file to upload."))
    if upload.size > MAX_XLIFF_FILE_SIZE:
        raise XliffError(_("The XLIFF file is larger than 5 MB."))
    try:
        root = SafeElementTree.fromstring(upload.read())
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise XliffError(_("This is not a valid XLIFF file: %(error)s.") % {"error": error}) from error
    if root.tag != q("xliff") or not root.get("version", "").startswith("2."):
        raise XliffError(_("This is not an XLIFF 2 file: export one from this site and translate that."))
    document = XliffDocument(target_language=root.get("trgLang", ""))
    for xml_file in root.iter(q("file")):
        for unit in xml_file.iter(q("unit")):
            segments = unit.findall(q("segment"))
            if len(segments) != 1:
                raise XliffError(
                    _("Unit %(id)s has %(count)d segments; keep the one it was exported with.")
                    % {"id": unit.get("id"), "count": len(segments)}
                )
            where = _("Unit %(id)s") % {"id": unit.get("id")}
            document.units.append(
                Unit(
                    file_id=xml_file.get("id", ""),
                    name=unit.get("name", ""),
                    source=text_of(segments[0].find(q("source")), where) or "",
                    target=text_of(segments[0].find(q("target")), where),
                    state=segments[0].get("state", "initial"),
                )
            )
    if not document.units:
        raise XliffError(_("The XLIFF file contains no strings."))
    return document


class TagCounter(HTMLParser):
    """The tags of a string, as (name, id), and whether each closes where it opened."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.open, self.broken = Counter(), [], False

    def handle_starttag(self, tag, attrs):
        self.tags[(tag, dict(attrs).get("id"))] += 1
        if tag != "br":
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.broken = True


def tags_of(html):
    counter = TagCounter()
    counter.feed(html)
    counter.close()
    return counter.tags, counter.broken or bool(counter.open)


def markup_problem(source, target):
    """Why a translated string's markup cannot go into the page, or None: its tags must be the source's."""
    source_tags, _broken = tags_of(source)
    target_tags, broken = tags_of(target)
    if broken:
        return _("a tag is not closed where it opens")
    if target_tags != source_tags:
        return _("its tags differ from the source's (keep each link and style of the source, once)")
    try:
        check_translated_html(source, target)
    except ValueError as error:
        return str(error)
    return None


def check_xliff(document, translations, user):
    """The changes the document makes, as [(translation, segment, text)], or XliffError for the first problem."""
    by_file = {file_id(translation): translation for translation in translations}
    target_language = translations[0].target_locale
    if document.target_language.lower() != language_tag(target_language).lower():
        raise XliffError(
            _("The file is for %(found)s, not %(expected)s.")
            % {"found": document.target_language or "?", "expected": language_tag(target_language)}
        )
    strangers = sorted({unit.file_id for unit in document.units} - set(by_file))
    if strangers:
        raise XliffError(
            _("This file was not exported from here: it holds strings of other translations (%(ids)s).")
            % {"ids": ", ".join(strangers[:3])}
        )
    changes, stale = [], []
    for translation in {by_file[unit.file_id] for unit in document.units}:
        target = target_of(translation)
        if not can_edit(user, target):
            raise XliffError(_("You may not edit “%(title)s”.") % {"title": target})
        if in_review(target):
            raise XliffError(
                _("“%(title)s” is waiting for review; its strings cannot change until the reviewer decides.")
                % {"title": target}
            )
    current = {
        (file_id(translation), segment.context.path, segment.string.data): (translation, segment, existing)
        for translation in translations
        for segment, existing in segment_translations(translation)
    }
    for unit in document.units:
        found = current.get((unit.file_id, unit.name, unit.source))
        if found is None:
            stale.append(unit)
            continue
        translation, segment, existing = found
        if not unit.target or (unit.state == "initial" and existing is not None and unit.target == existing.data):
            continue  # left empty, or a suggestion sent out and returned unconfirmed
        problem = markup_problem(unit.source, unit.target)
        if problem:
            raise XliffError(
                _("The translation of “%(source)s” cannot be used: %(problem)s.")
                % {"source": plain(unit.source)[:60], "problem": problem}
            )
        confirmed = existing is not None and why_open(segment, existing, target_language.language_code) is None
        if not confirmed or existing.data != unit.target:
            changes.append((translation, segment, unit.target))
    if stale:
        raise XliffError(
            _(
                "%(count)d strings in the file no longer match their source (e.g. “%(example)s”). Export a fresh "
                "file and copy the translations into it."
            )
            % {"count": len(stale), "example": plain(stale[0].source)[:60]}
        )
    return changes


def import_xliff(upload, translations, user):
    """Imports a translated XLIFF file into these translations, all or nothing; returns how many strings changed."""
    changes = check_xliff(parse_xliff(upload), translations, user)
    with transaction.atomic():
        for translation, segment, text in changes:
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale=translation.target_locale,
                context_id=segment.context_id,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": TOOL_NAME,
                    "last_translated_by": user,
                    "has_error": False,
                    "field_error": "",
                },
            )
    return len(changes)
