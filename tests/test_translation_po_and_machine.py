"""Offline and machine translation: PO files checked whole before anything is saved, the configured machine
translator, and DeepL asked for Simplified Chinese over real HTTP."""

import http.server
import json
import threading
from urllib.parse import parse_qs

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import polib
import pytest

from news.models import NewsArticlePage
from translation.machine import DeepLTranslator

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
    assert any("Imported" in message for message in messages_of(response))
    stored = StringTranslation.objects.get(
        translation_of__data=quote.msgid, locale=translation.target_locale, context__path=quote.msgctxt
    )
    assert stored.data == "我非常高兴！（离线翻译）"


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
    assert '"machineTranslator": {"name": "Dummy translator"' in edit_page.content.decode().replace("&quot;", '"')
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


class RecordingDeepL(http.server.BaseHTTPRequestHandler):
    """A stand-in DeepL endpoint on loopback that records what our translator really sends over HTTP."""

    requests = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        form = parse_qs(body)
        RecordingDeepL.requests.append({"form": form, "authorization": self.headers["Authorization"]})
        payload = {"translations": [{"text": f"译文：{text}"} for text in form["text"]]}
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_deepl_is_asked_for_simplified_chinese():
    from wagtail_localize.strings import StringValue

    server = http.server.HTTPServer(("127.0.0.1", 0), RecordingDeepL)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        translator = DeepLTranslator(
            {"AUTH_KEY": "test-key:fx", "API_URL": f"http://127.0.0.1:{server.server_port}/v2/translate"}
        )
        en, zh = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="zh-hans")
        result = translator.translate(en, zh, [StringValue("Save water")])
    finally:
        server.shutdown()
    sent = RecordingDeepL.requests[-1]
    assert sent["form"]["target_lang"] == ["ZH-HANS"]
    assert sent["form"]["source_lang"] == ["EN"]
    assert sent["authorization"] == "DeepL-Auth-Key test-key:fx"
    assert result[StringValue("Save water")].data == "译文：Save water"
