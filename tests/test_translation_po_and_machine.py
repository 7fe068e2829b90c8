"""Offline and machine translation: PO files checked whole before anything is saved, the configured machine
translator (DeepL over real HTTP is in test_glossary.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import polib
import pytest

from news.models import NewsArticlePage

from .helpers import change_first_paragraph, chinese_translation, english_article, messages_of, translation_of

pytestmark = pytest.mark.django_db


# -- PO files -------------------------------------------------------------------------------------------


def po_upload(client, translation, content, name="translation.po"):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content), "next": "/admin/"})


def test_po_round_trip_with_chinese_text(staff_client):
    translator = staff_client("translator")
    translation = translation_of(english_article())
    response = translator.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert len([entry for entry in po if not entry.obsolete]) > 5
    quote = next(entry for entry in po if entry.msgid.startswith("I am very pleased"))
    quote.msgstr = "我非常高兴！（离线翻译）"

    response = po_upload(translator, translation, str(po).encode())
    assert "Imported the PO file: 1 string changed." in messages_of(response)  # of all the strings in the file
    stored = StringTranslation.objects.get(
        translation_of__data=quote.msgid, locale=translation.target_locale, context__path=quote.msgctxt
    )
    assert stored.data == "我非常高兴！（离线翻译）"
    response = po_upload(translator, translation, str(po).encode())
    assert messages_of(response)[-1] == "The PO file changed no string: every translation in it was already there."


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("binary", "not a UTF-8 PO file"),
        ("garbage", "not a valid PO file"),
        ("no-header", "not exported from this translation"),
        ("other-translation", "not exported from this translation"),
        ("stale", "no longer match"),
        ("empty", "contains no strings"),
    ],
)
def test_bad_po_files_are_refused_and_change_nothing(staff_client, case, expected):
    translator = staff_client("translator")
    article = english_article()
    translation = translation_of(article)
    po = polib.pofile(
        translator.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).content.decode()
    )
    for entry in po:
        entry.msgstr = "篡改"
    other = translation_of(NewsArticlePage.objects.filter(locale__language_code="en").exclude(pk=article.pk).first())
    content = {
        "binary": b"\xff\xfe\x00\x01PO?",
        "garbage": b"Minutes of the meeting, not a PO file",
        "no-header": str(po).replace("X-WagtailLocalize-TranslationID", "X-Other").encode(),
        "other-translation": str(po).replace(str(translation.uuid), str(other.uuid)).encode(),
        "stale": str(po).replace('msgid "Wu Ju"', 'msgid "Wu Ju (renamed)"').encode(),
        "empty": f'msgid ""\nmsgstr ""\n"X-WagtailLocalize-TranslationID: {translation.uuid}\\n"\n'.encode(),
    }[case]
    before = list(StringTranslation.objects.order_by("pk").values_list("pk", "data"))
    response = po_upload(translator, translation, content)
    assert response.status_code == 302
    assert any(expected in message for message in messages_of(response)), messages_of(response)
    assert list(StringTranslation.objects.order_by("pk").values_list("pk", "data")) == before


# -- machine translation --------------------------------------------------------------------------------


def test_machine_translation_fills_missing_strings_with_the_configured_translator(staff_client):
    article = english_article()
    change_first_paragraph(article, "<p>Residents planted trees.</p>")
    translation = translation_of(article)
    translation.source.update_from_db()
    translator = staff_client("translator")
    edit_page = translator.get(reverse("wagtailadmin_pages:edit", args=[chinese_translation(article).pk]))
    assert '"machineTranslator": {"name": "Glossary only (development)"' in edit_page.content.decode().replace(
        "&quot;", '"'
    )
    response = translator.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.get(
        translation_of__data="Residents planted trees.", locale=translation.target_locale
    )
    assert machine.translation_type == "machine"


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_without_a_provider_the_machine_translation_button_is_absent(staff_client):
    translator = staff_client("translator")
    chinese = chinese_translation(english_article())
    page = translator.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk])).content.decode().replace("&quot;", '"')
    assert '"machineTranslator": null' in page
    translation = translation_of(english_article())
    assert translator.post(reverse("wagtail_localize:machine_translate", args=[translation.pk])).status_code == 404
