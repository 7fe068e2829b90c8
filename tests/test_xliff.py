"""XLIFF 2.0 export and import (issue 25), read and written by an independent tool: translate-toolkit, as a
translation agency's software would. Every refusal leaves every string as it was."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import pytest
from translate.storage.xliff2 import Xliff2File

from translation.memory import MEMORY
from translation.open_strings import open_strings
from translation.xliff import TOOL_NAME

from .batch_helpers import new_tip_sheets, submitted_batch, translate_and_submit_every_page
from .helpers import change_first_paragraph, english_article, messages_of, translation_of

pytestmark = pytest.mark.django_db


def agency_translates(content, translate=lambda source: f"译文：{source}", which=lambda unit: not unit.target):
    """What an agency's tool does: reads the file, fills the targets (every empty one), writes the file back."""
    store = Xliff2File.parsestring(content)
    for unit in store.units:
        if which(unit):
            unit.target = translate(unit.source)
    return bytes(store)


def notes_of(unit, category):
    """A unit's notes of a category. XLIFF 2 keeps notes on the <unit>; translate-toolkit's getnotes() looks in the
    <segment>, so they are read from its unit element."""
    notes = unit.getunitelement().find(unit.namespaced("notes"))
    return [note.text for note in notes.iterchildren(unit.namespaced("note")) if note.get("category") == category]


def upload(client, url, content, name="batch.xlf"):
    return client.post(url, {"file": SimpleUploadedFile(name, content, content_type="application/xliff+xml")})


def all_strings():
    return sorted(StringTranslation.objects.values_list("pk", "data", "translation_type"))


@pytest.fixture
def batch_without_memory(staff_client):
    batch = submitted_batch(staff_client("editor"), new_tip_sheets()[:2])
    StringTranslation.objects.filter(tool_name=MEMORY).delete()
    return batch


def test_a_batch_goes_to_an_agency_and_comes_back_translated(staff_client, batch_without_memory):
    batch = batch_without_memory
    translator = staff_client("translator")
    response = translator.get(reverse("batches:xliff", args=[batch.pk]))
    assert response["Content-Type"].startswith("application/xliff+xml")
    assert response["Content-Disposition"] == 'attachment; filename="tip-sheets-2026-zh-hans.xlf"'

    store = Xliff2File.parsestring(response.content)
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "zh-Hans"
    units = [unit for unit in store.units if unit.source.startswith("LED lamps use about 75% less")]
    assert units, [unit.source for unit in store.units][:5]
    assert notes_of(units[0], "location") == ["Tip sheet: Energy Efficiency tips › tips › text"]

    response = upload(translator, reverse("batches:xliff_upload", args=[batch.pk]), agency_translates(response.content))
    assert any(message.startswith("Imported the XLIFF file:") for message in messages_of(response))
    for item in batch.items.all():
        assert not open_strings(item.translation)
    imported = StringTranslation.objects.filter(tool_name=TOOL_NAME)
    assert imported.filter(
        data="译文：LED lamps use about 75% less electricity than incandescent bulbs and last many times longer."
    ).exists()
    assert set(imported.values_list("translation_type", flat=True)) == {"manual"}


def test_glossary_terms_of_a_string_are_in_its_notes(staff_client, batch_without_memory):
    content = staff_client("translator").get(reverse("batches:xliff", args=[batch_without_memory.pk])).content
    glossary_notes = [note for unit in Xliff2File.parsestring(content).units for note in notes_of(unit, "glossary")]
    assert "community → 社区" in glossary_notes or any("→" in note for note in glossary_notes), glossary_notes


def test_one_page_has_its_own_xliff_beside_the_po_file(staff_client):
    article = english_article()
    change_first_paragraph(article, "<p>Residents of <b>Guiyang</b> fixed 300 taps.</p>")
    translation = translation_of(article)
    translation.source.update_from_db()
    translator = staff_client("translator")
    content = translator.get(reverse("translation_xliff", args=[translation.pk])).content
    translated = agency_translates(
        content,
        lambda source: source.replace("Residents of", "居民：").replace("fixed", "修"),
        which=lambda unit: "Guiyang" in unit.source,  # the changed paragraph, offered its earlier translation
    )
    response = upload(translator, reverse("translation_xliff_upload", args=[translation.pk]), translated)
    assert "Imported the XLIFF file: 1 string changed." in messages_of(response)
    assert StringTranslation.objects.filter(data="居民： <b>Guiyang</b> 修 300 taps.").exists()


# -- refusals: the reason, and nothing changed --------------------------------------------------------------


def refused(client, url, content, reason):
    before = all_strings()
    response = upload(client, url, content)
    assert response.status_code == 302
    text = " ".join(messages_of(response))
    assert "The XLIFF file was not imported" in text and reason in text, text
    assert all_strings() == before


def test_a_file_from_another_batch_is_refused(staff_client, batch_without_memory):
    translator = staff_client("translator")
    content = agency_translates(translator.get(reverse("batches:xliff", args=[batch_without_memory.pk])).content)
    other = submitted_batch(staff_client("editor"), new_tip_sheets()[2:4], name="Other")
    url = reverse("batches:xliff_upload", args=[other.pk])
    refused(staff_client("translator"), url, content, "This file was not exported from here")


def test_strings_changed_in_the_source_since_the_export_are_refused(staff_client):
    article = english_article()
    translation = translation_of(article)
    translator = staff_client("translator")
    content = agency_translates(translator.get(reverse("translation_xliff", args=[translation.pk])).content)
    change_first_paragraph(article, "<p>A paragraph written after the export.</p>")
    translation.source.update_from_db()
    url = reverse("translation_xliff_upload", args=[translation.pk])
    refused(staff_client("translator"), url, content, "no longer match their source")


@pytest.mark.parametrize(
    ("target", "reason"),
    [("<b>粗体", "a tag is not closed"), ("<b>粗体</b>", "its tags differ from the source"), ("<p>段</p>", "")],
)
def test_broken_or_changed_markup_is_refused(staff_client, batch_without_memory, target, reason):
    translator = staff_client("translator")
    content = translator.get(reverse("batches:xliff", args=[batch_without_memory.pk])).content
    url = reverse("batches:xliff_upload", args=[batch_without_memory.pk])
    refused(translator, url, agency_translates(content, lambda source: target), reason or "cannot be used")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'msgid ""\nmsgstr ""\n', "This is not a valid XLIFF file"),
        (b'<?xml version="1.0"?><xliff version="1.2"/>', "This is not an XLIFF 2 file"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "This is not a valid XLIFF file"),
    ],
)
def test_what_is_not_an_xliff_2_file_is_refused(staff_client, batch_without_memory, content, reason):
    url = reverse("batches:xliff_upload", args=[batch_without_memory.pk])
    refused(staff_client("translator"), url, content, reason)


def test_a_file_for_another_language_is_refused(staff_client, batch_without_memory):
    translator = staff_client("translator")
    content = translator.get(reverse("batches:xliff", args=[batch_without_memory.pk])).content
    content = content.replace(b'trgLang="zh-Hans"', b'trgLang="fr"')
    refused(translator, reverse("batches:xliff_upload", args=[batch_without_memory.pk]), content, "for fr")


def test_an_item_waiting_for_review_cannot_change(staff_client, batch_without_memory):
    translator = staff_client("translator")
    content = translator.get(reverse("batches:xliff", args=[batch_without_memory.pk])).content
    translate_and_submit_every_page(batch_without_memory, translator)
    url = reverse("batches:xliff_upload", args=[batch_without_memory.pk])
    refused(translator, url, agency_translates(content), "is waiting for review")


def test_an_upload_without_a_file_says_so(staff_client, batch_without_memory):
    response = staff_client("translator").post(reverse("batches:xliff_upload", args=[batch_without_memory.pk]))
    assert "Choose an XLIFF file to upload." in " ".join(messages_of(response))
