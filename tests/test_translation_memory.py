"""Translation memory (issue 25): only approved translations are remembered; a new translation gets the memory's
translation of the same text as a suggestion the translator confirms, and a near match beside a similar one."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest

from translation.memory import MEMORY, remember, word_changes
from translation.models import MemoryEntry
from translation.open_strings import SUGGESTED, open_strings

from .factories import publish_article
from .helpers import messages_of, translate_all, translation_of
from .test_translation_trust import save_string, segment_of, submit

pytestmark = pytest.mark.django_db

# A tip of the demo, translated (and so approved) when the demo was loaded.
TIP = "Say no to disposable chopsticks, cups and straws; carry your own."


def remembered(text):
    return MemoryEntry.objects.filter(source_text=text, target_language="zh-hans").values_list("target_text", flat=True)


def submitted_article(client, paragraphs, slug="memory-test"):
    article = publish_article("Saving water in Guiyang", slug=slug)
    article.body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    article.save_revision().publish()
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        {"locales": [Locale.objects.get(language_code="zh-hans").pk]},
    )
    return article, translation_of(article)


def translated(translation, text):
    segment = segment_of(translation, text)
    return StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    ).first()


def open_reasons(translation):
    return {item.source: (item.reason, item.explanation) for item in open_strings(translation)}


def test_the_demo_remembers_its_approved_translations():
    assert "一次性筷子" in remembered(TIP).get()
    assert MemoryEntry.objects.filter(target_language="zh-hans").count() > 250


def test_an_exact_match_is_filled_in_as_a_suggestion_the_translator_confirms(staff_client):
    editor = staff_client("editor")
    _article, translation = submitted_article(editor, [TIP, "A sentence never translated before."])
    reason, explanation = open_reasons(translation)[TIP]
    assert reason == SUGGESTED and explanation.startswith("Suggested by translation memory")
    filled = translated(translation, TIP)
    assert filled.tool_name == MEMORY and "一次性筷子" in filled.data

    translator = staff_client("translator")
    keep = reverse("translation_keep_string", args=[translation.pk, segment_of(translation, TIP).pk])
    translator.post(keep)
    assert TIP not in open_reasons(translation)
    assert "A sentence never translated before." in open_reasons(translation)


def test_only_approved_translations_are_remembered(staff_client):
    new_text = "Guiyang's residents fixed 300 leaking taps in one week."
    editor = staff_client("editor")
    _article, translation = submitted_article(editor, [new_text])
    translator = staff_client("translator")
    translate_all(translation, text="贵阳居民一周修好了三百个漏水龙头")
    assert not remembered(new_text)  # saved by the translator, not approved
    assert submit(translator, translation).status_code == 302
    assert not remembered(new_text)  # submitted, not approved

    reviewer = staff_client("reviewer")
    response = reviewer.post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    assert any("Approved and published" in message for message in messages_of(response))
    assert list(remembered(new_text)) == [translated(translation, new_text).data]


def test_machine_suggestions_are_never_remembered(staff_client):
    editor = staff_client("editor")
    _article, translation = submitted_article(editor, ["A machine will guess this sentence."])
    staff_client("translator").post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert translated(translation, "A machine will guess this sentence.").translation_type == "machine"
    remember(translation)  # as if it were published: a suggestion is not a translation
    assert not remembered("A machine will guess this sentence.")


def test_a_near_match_is_offered_beside_the_string_with_its_differences_marked(staff_client):
    similar = TIP.replace("cups and straws", "cups and plastic straws")
    editor = staff_client("editor")
    article, translation = submitted_article(editor, [similar])
    translator = staff_client("translator")
    chinese = article.get_translation(translation.target_locale)
    page = translator.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk])).content.decode()
    assert 'data-near-match="9' in page  # 90% or more similar
    assert "cups and <ins>plastic</ins> straws;" in page

    state = translator.get(reverse("translation_editor_state", args=[translation.pk])).json()
    segment = segment_of(translation, similar)
    assert state["near"][str(segment.pk)]["similarity"] >= 85
    assert ["added", "plastic"] in state["near"][str(segment.pk)]["changes"]

    translator.post(reverse("translation_use_memory_match", args=[translation.pk, segment.pk]))
    used = translated(translation, similar)
    assert used.tool_name.startswith(f"{MEMORY} (9") and "一次性筷子" in used.data
    assert open_reasons(translation)[similar][0] == SUGGESTED  # to adapt, then save or keep


def test_words_the_memory_had_are_marked_removed():
    changes = word_changes("Take batteries and paint to the bin.", "Take batteries to the bin.")
    assert changes == (("same", "Take batteries"), ("removed", "and paint"), ("same", "to the bin."))


def test_a_dissimilar_string_gets_no_near_match(staff_client):
    editor = staff_client("editor")
    _article, translation = submitted_article(editor, ["Completely unrelated words about the weather."])
    segment = segment_of(translation, "Completely unrelated words about the weather.")
    state = staff_client("translator").get(reverse("translation_editor_state", args=[translation.pk])).json()
    assert str(segment.pk) not in state["near"]
    response = staff_client("translator").post(
        reverse("translation_use_memory_match", args=[translation.pk, segment.pk])
    )
    assert "no near match" in " ".join(messages_of(response))


def test_the_reviewer_sees_which_strings_the_memory_filled(staff_client):
    editor = staff_client("editor")
    article, translation = submitted_article(editor, [TIP])
    translator = staff_client("translator")
    translator.post(reverse("translation_keep_string", args=[translation.pk, segment_of(translation, TIP).pk]))
    translate_all(translation)
    assert submit(translator, translation).status_code == 302
    chinese = article.get_translation(translation.target_locale)
    page = staff_client("reviewer").get(reverse("wagtailadmin_pages:edit", args=[chinese.pk])).content.decode()
    assert "Translation memory: 1 string was filled in from an approved translation" in page
    assert "data-memory-suggestion" in page and "一次性筷子" in page


def test_memory_matches_are_for_editors_of_the_translation_and_not_in_review(staff_client):
    similar = TIP.replace("straws", "spoons")
    _article, translation = submitted_article(staff_client("editor"), [similar])
    segment = segment_of(translation, similar)
    use = reverse("translation_use_memory_match", args=[translation.pk, segment.pk])
    assert staff_client("editor").post(use).status_code == 403  # editors do not edit the Chinese tree

    translator = staff_client("translator")
    save_string(translator, translation, similar, "不用一次性筷子、杯子和勺子；自带。")
    translate_all(translation)
    submit(translator, translation)
    translated(translation, similar).delete()
    response = translator.post(use)
    assert response.status_code == 302 and "waiting for review" in " ".join(messages_of(response))
    assert translated(translation, similar) is None
