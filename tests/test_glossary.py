"""The glossary serves search (synonyms, across languages with "All languages"), machine translation (DeepL's
glossary API over real HTTP, and the development translator) and review (flags on translated strings)."""

import http.server
import json
import threading
from urllib.parse import parse_qs

from django.core.cache import cache
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.strings import StringValue

import pytest

from glossary.models import GlossaryTerm
from search import service
from search.backends.base import SearchRequest
from translation.glossary_check import glossary_flags
from translation.machine import DeepLTranslator, GlossaryTranslator

from .factories import glossary_term, publish_article
from .helpers import change_first_paragraph, english_article, translation_of

pytestmark = pytest.mark.django_db


def titles(query, language="en", **options):
    return [hit.page.title for hit in service.search(SearchRequest(query=query, language=language, **options)).hits]


def test_synonyms_are_written_with_either_semicolon():
    term = GlossaryTerm(term="Water Conservation", synonyms="water saving; save water；节水\n")
    assert term.forms == ["Water Conservation", "water saving", "save water", "节水"]


# -- search ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "language", "title"),
    [
        ("省水", "zh-hans", "节约用水小贴士"),  # the page says 节约用水 and 节水, never 省水
        ("碳足迹", "zh-hans", "低碳小贴士"),
        ("garbage sorting", "en", "Waste Management tips"),
        ("IDRC", "en", "Harmony in China"),  # the page names the International Development Research Center
        ("满地可银行", "zh-hans", "和谐在中国"),  # Bank of Montreal as Hong Kong writes it
    ],
)
def test_a_synonym_finds_the_page_in_the_same_language(backend, query, language, title):
    assert titles(query, language)[:1] == [title]


def test_all_languages_matches_the_other_languages_term(backend):
    english_only = titles("garbage sorting")
    assert "垃圾管理小贴士" not in english_only
    everywhere = titles("garbage sorting", all_languages=True)
    assert {"Waste Management tips", "垃圾管理小贴士"} <= set(everywhere[:3])


def test_a_term_added_in_the_admin_applies_to_the_next_search(backend, staff_client):
    publish_article("Solar kettles for Qinhuangdao", text="A heliostat follows the sun all day.")
    assert "Solar kettles for Qinhuangdao" not in titles("sky mirror")
    editor = staff_client("editor")
    add_url = reverse(GlossaryTerm.snippet_viewset.get_url_name("add"))
    response = editor.post(
        f"{add_url}?locale=en", {"term": "heliostat", "synonyms": "sky mirror", "action-publish": "publish"}
    )
    assert response.status_code == 302
    assert titles("sky mirror")[:1] == ["Solar kettles for Qinhuangdao"]


def test_a_draft_term_does_not_change_search(backend):
    publish_article("Solar kettles for Qinhuangdao", text="A heliostat follows the sun all day.")
    glossary_term("heliostat", "sky mirror", live=False)
    assert "Solar kettles for Qinhuangdao" not in titles("sky mirror")


def test_glossary_names_are_not_corrected_as_typos(client):
    response = client.get("/en/search/?q=NTCMC")
    assert "Did you mean" not in response.content.decode()


# -- machine translation --------------------------------------------------------------------------------


class StandInDeepL(http.server.BaseHTTPRequestHandler):
    """DeepL's translate and glossary endpoints on loopback, keeping glossaries and the requests made."""

    glossaries, requests = {}, []

    def answer(self, status, payload=None):
        data = json.dumps(payload, ensure_ascii=False).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.requests.append(("GET", self.path, {}))
        self.answer(200, {"glossaries": list(self.glossaries.values())})

    def do_DELETE(self):
        self.requests.append(("DELETE", self.path, {}))
        self.glossaries.pop(self.path.rsplit("/", 1)[1], None)
        self.answer(204)

    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        self.requests.append(("POST", self.path, {**form, "authorization": [self.headers["Authorization"]]}))
        if self.path.endswith("/glossaries"):
            glossary_id = f"g{len(self.requests)}"
            self.glossaries[glossary_id] = {
                "glossary_id": glossary_id,
                "name": form["name"][0],
                "source_lang": form["source_lang"][0],
                "target_lang": form["target_lang"][0],
                "entries": form["entries"][0],
            }
            self.answer(201, self.glossaries[glossary_id])
        else:
            self.answer(200, {"translations": [{"text": f"译文：{text}"} for text in form["text"]]})

    def log_message(self, *args):
        pass


@pytest.fixture
def deepl():
    StandInDeepL.glossaries, StandInDeepL.requests = {}, []
    server = http.server.HTTPServer(("127.0.0.1", 0), StandInDeepL)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    cache.clear()
    yield DeepLTranslator({"AUTH_KEY": "k:fx", "API_URL": f"http://127.0.0.1:{server.server_port}/v2/translate"})
    server.shutdown()


def translate(translator, text):
    en, zh = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="zh-hans")
    return translator.translate(en, zh, [StringValue(text)])[StringValue(text)].data


def test_deepl_is_sent_the_glossary_once_and_again_when_it_changes(deepl):
    assert translate(deepl, "Save water") == "译文：Save water"
    created = [form for method, path, form in StandInDeepL.requests if method == "POST" and "glossaries" in path]
    assert len(created) == 1
    assert created[0]["source_lang"] == ["en"] and created[0]["target_lang"] == ["zh"]
    entries = created[0]["entries"][0].splitlines()
    assert "Water Conservation\t节约用水" in entries and "water saving\t节约用水" in entries
    assert "NTCMC\t全国市长培训中心" in entries
    first = next(iter(StandInDeepL.glossaries))
    sent = [form for method, path, form in StandInDeepL.requests if path.endswith("/translate")]
    assert sent[-1]["glossary_id"] == [first] and sent[-1]["target_lang"] == ["ZH-HANS"]
    assert sent[-1]["source_lang"] == ["EN"] and sent[-1]["authorization"] == ["DeepL-Auth-Key k:fx"]

    translate(deepl, "Save energy")  # the same glossary: not sent again
    assert sum(1 for method, path, _form in StandInDeepL.requests if method == "POST" and "glossaries" in path) == 1

    glossary_term("heliostat", "sky mirror", chinese="定日镜")
    translate(deepl, "A heliostat")
    assert list(StandInDeepL.glossaries) != [first] and len(StandInDeepL.glossaries) == 1  # replaced, old deleted
    assert "heliostat\t定日镜" in next(iter(StandInDeepL.glossaries.values()))["entries"].splitlines()
    sent = [form for method, path, form in StandInDeepL.requests if path.endswith("/translate")]
    assert sent[-1]["glossary_id"] == list(StandInDeepL.glossaries)


def test_the_development_translator_puts_the_glossary_terms_in_place():
    text = '<a id="a1">NTCMC</a> trained mayors in <b>water conservation</b>.'
    assert translate(GlossaryTranslator({}), text) == '<a id="a1">全国市长培训中心</a> trained 市长 in <b>节约用水</b>.'


# -- review flags --------------------------------------------------------------------------------------


def test_a_translation_without_the_glossary_term_is_flagged_and_one_with_a_synonym_is_not(staff_client):
    article = english_article()
    change_first_paragraph(article, "<p>Tips for water conservation at home.</p>")
    translation = translation_of(article)
    translation.source.update_from_db()
    segment = translation.source.stringsegment_set.get(string__data="Tips for water conservation at home.")

    def translate_segment(text):
        segment.string.translations.update_or_create(
            locale=translation.target_locale, context=segment.context, defaults={"data": text}
        )
        return [flag for flag in glossary_flags(translation) if flag.source == segment.string.data]

    flags = translate_segment("在家节省用水的小贴士。")
    assert [(term, forms[0]) for term, forms in flags[0].missing] == [("Water Conservation", "节约用水")]
    assert translate_segment("在家节水的小贴士。") == []  # 节水 is a listed synonym

    translate_segment("在家节省用水的小贴士。")
    translator = staff_client("translator")
    chinese = article.get_translation(translation.target_locale)
    page = translator.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk])).content.decode()
    assert "data-glossary-flag" in page and "节约用水" in page
    response = translator.get(reverse("translation_editor_state", args=[translation.pk]))
    flagged = [flag for flag in response.json()["flags"] if flag["source"] == "Tips for water conservation at home."]
    assert flagged[0]["missing"][0]["expected"] == "节约用水"
    assert "节水" in flagged[0]["missing"][0]["accepted"]


def test_glossary_flags_are_for_staff_who_may_edit_the_translation(client, staff_client):
    url = reverse("translation_editor_state", args=[translation_of(english_article()).pk])
    assert client.get(url).status_code == 302  # to the login page
    assert staff_client("nogroup").get(url).status_code in (302, 403)
