"""Translators can trust what goes live: a suggestion is not a translation, and what the reviewer approves is what
is published (issue 29, findings 1 and 2). The browser walks the same through the admin in tests/browser."""

import html
import json
import re
from urllib.parse import urlencode

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from wagtail_localize.models import StringSegment, StringTranslation

import pytest
from django_tasks_db.models import DBTaskResult

from translation.open_strings import open_strings, plain
from translation.status import translation_statuses

from .factories import make_staff
from .helpers import (
    change_first_paragraph,
    chinese_translation,
    english_article,
    messages_of,
    run_worker,
    translation_of,
)

pytestmark = pytest.mark.django_db

DATELINE = "GUIYANG - Residents of Guiyang fixed 300 leaking taps."


def article_with_a_new_paragraph(text=DATELINE):
    """The demo article with one more paragraph, published (which syncs it): one string left to translate."""
    article = english_article()
    article.body.append(("paragraph", f"<p>{text}</p>"))
    article.save_revision().publish()
    return article, translation_of(article)


def segment_of(translation, text):
    return StringSegment.objects.get(source=translation.source, string__data=text)


def save_string(client, translation, text, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment_of(translation, text).pk])
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def editor_props(client, page):
    page_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return json.loads(html.unescape(re.search(r'data-props="([^"]*)"', page_html).group(1))), page_html


def submit(client, translation):
    return client.post(reverse("translation_submit_for_review", args=[translation.pk]))


# -- a suggestion is not a translation -------------------------------------------------------------------


def test_glossary_fill_is_a_suggestion_that_blocks_submit_and_publish_by_name(staff_client, client):
    article, translation = article_with_a_new_paragraph()
    translator = staff_client("translator")
    translator.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"})
    filled = StringTranslation.objects.get(translation_of__data=DATELINE, locale=translation.target_locale)
    assert "GUIYANG" in filled.data  # the glossary-only translator left the English as it was

    [suggestion] = open_strings(translation)
    assert suggestion.reason == "suggested" and suggestion.keepable
    response = submit(translator, translation)
    assert any("1 string still needs a translator: “GUIYANG - Residents" in m for m in messages_of(response))
    chinese = chinese_translation(article)
    assert not chinese.workflow_in_progress

    staff_client("reviewer").post(reverse("wagtailadmin_pages:edit", args=[chinese.pk]), {"action": "publish"})
    assert "GUIYANG" not in client.get(chinese.url).content.decode()

    props, page_html = editor_props(staff_client("translator"), chinese)
    [shown] = [t for t in props["initialStringTranslations"] if t["segment_id"] == suggestion.segment_id]
    assert shown["error"].startswith("Suggested by Glossary only")  # the editor marks it as needing attention
    assert 'data-open-count="1"' in page_html and "1 string still needs a translator." in page_html


def test_a_string_left_as_the_english_counts_once_kept_as_it_is(staff_client):
    _article, translation = article_with_a_new_paragraph("UNDP")
    translator = staff_client("translator")
    assert save_string(translator, translation, "UNDP", "UNDP").status_code == 201
    [same] = open_strings(translation)
    assert same.reason == "same_as_source"

    state = translator.get(reverse("translation_editor_state", args=[translation.pk])).json()
    assert state["status"] == "1 string still needs a translator." and state["open"][0]["keepable"]
    translator.post(reverse("translation_keep_string", args=[translation.pk, same.segment_id]))
    assert open_strings(translation) == []
    assert translator.get(reverse("translation_editor_state", args=[translation.pk])).json()["status"] == (
        "Every string is translated."
    )

    save_string(translator, translation, "UNDP", "undp")  # another text: what was kept no longer covers it
    assert [item.reason for item in open_strings(translation)] == ["same_as_source"]


def test_a_translation_without_any_chinese_is_still_english(staff_client):
    _article, translation = article_with_a_new_paragraph("Residents planted trees.")
    translator = staff_client("translator")
    save_string(translator, translation, "Residents planted trees.", "Residents planted many trees.")
    assert [item.reason for item in open_strings(translation)] == ["still_in_source_language"]
    save_string(translator, translation, "Residents planted trees.", "居民们种了树。")
    assert open_strings(translation) == []


# -- one snapshot is reviewed and published ---------------------------------------------------------------


def submitted_translation(staff_client, text="居民们修好了三百个漏水的水龙头。"):
    article, translation = article_with_a_new_paragraph()
    translator = staff_client("translator")
    save_string(translator, translation, DATELINE, text)
    assert submit(translator, translation).status_code == 302
    chinese = chinese_translation(article)
    assert chinese.workflow_in_progress
    return article, translation, chinese, translator


def test_nothing_changes_a_translation_while_it_waits_for_review(staff_client):
    _article, translation, chinese, translator = submitted_translation(staff_client)
    response = save_string(translator, translation, DATELINE, "贵州贵阳的居民们修好了水龙头。")
    assert response.status_code == 409 and "waiting for review" in response.json()["detail"]
    reviewer = staff_client("reviewer")
    assert save_string(reviewer, translation, DATELINE, "贵州贵阳").status_code == 409  # the reviewer neither
    segment = segment_of(translation, DATELINE)
    translator = staff_client("translator")
    response = translator.post(reverse("translation_keep_string", args=[translation.pk, segment.pk]))
    assert any("waiting for review" in m for m in messages_of(response))
    assert StringTranslation.objects.get(translation_of__data=DATELINE).data == "居民们修好了三百个漏水的水龙头。"

    props, page_html = editor_props(translator, chinese)
    assert props["object"]["isLocked"]  # no Edit buttons in the editor
    assert "it cannot be changed until the reviewer approves it or requests changes" in page_html


def test_approval_publishes_what_was_submitted_and_nothing_later(staff_client, client):
    _article, translation, chinese, _translator = submitted_translation(staff_client)
    later = chinese.get_latest_revision_as_object()
    later.title = "稍后的草稿标题"
    later.save_revision()  # a draft saved after submitting (Wagtail would publish the latest revision)

    reviewer = staff_client("reviewer")
    response = reviewer.post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    assert f"Approved and published “{chinese.title}”." in messages_of(response)  # the Chinese title
    reader_page = client.get(chinese.url).content.decode()
    assert "居民们修好了三百个漏水的水龙头。" in reader_page and "稍后的草稿标题" not in reader_page


def test_a_translation_changed_since_it_was_submitted_cannot_be_approved(staff_client, client):
    _article, translation, chinese, _translator = submitted_translation(staff_client)
    StringTranslation.objects.filter(translation_of__data=DATELINE).update(data="贵州贵阳")  # past the editor

    reviewer = staff_client("reviewer")
    _props, page_html = editor_props(reviewer, chinese)
    assert 'data-review-action="approve"' not in page_html and "data-review-blocker" in page_html
    assert 'data-review-action="reject"' in page_html
    response = reviewer.post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    assert any("changed since it was submitted" in m for m in messages_of(response))
    assert "贵州贵阳" not in client.get(chinese.url).content.decode()
    chinese.refresh_from_db()
    assert chinese.workflow_in_progress

    workflow_menu = reviewer.get(reverse("wagtailadmin_home")).content.decode()  # Wagtail's own approve asks too
    assert f"/admin/pages/{chinese.pk}/workflow/action/approve/" not in workflow_menu

    reviewer.post(reverse("translation_review_action", args=[translation.pk, "reject"]))
    chinese.refresh_from_db()
    assert not chinese.workflow_in_progress  # open again for the translator


def test_the_status_report_shows_string_edits_not_yet_published(staff_client):
    article, translation, _chinese, _translator = submitted_translation(staff_client)
    staff_client("reviewer").post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    [status] = [s for s in translation_statuses() if s.source.pk == article.pk]
    assert status.reason == "Translated and published"

    translator = staff_client("translator")
    save_string(translator, translation, DATELINE, "贵州省贵阳市的居民们修好了三百个漏水的水龙头。")
    [status] = [s for s in translation_statuses() if s.source.pk == article.pk]
    assert status.reason == "Translated, not yet published"


# -- English changes reach translators by themselves --------------------------------------------------------

CHANGED = "<p>Over 45 residents came, and they asked for a second workshop.</p>"


@override_settings(TASKS=settings.DATABASE_TASKS)
def test_publishing_the_english_syncs_in_the_background_offering_the_earlier_translation(staff_client, client):
    article = english_article()
    translation = translation_of(article)
    chinese = chinese_translation(article)
    earlier = {s.context.path: s.translation for s in segments_with_translations(translation)}
    reader_before = client.get(chinese.url).content.decode()

    change_first_paragraph(article, CHANGED)
    assert open_strings(translation) == []  # queued: the editor's publish did not wait for the sync
    assert DBTaskResult.objects.filter(task_path="translation.sync.sync_translations").count() == 1
    run_worker()

    [changed] = open_strings(translation)
    assert changed.source == plain(CHANGED) and changed.reason == "changed_in_source"
    after = {s.context.path: s.translation for s in segments_with_translations(translation)}
    assert after == earlier  # the changed paragraph offered its earlier Chinese, every other string kept
    assert client.get(chinese.url).content.decode() == reader_before  # readers see the reviewed Chinese still

    translator = staff_client("translator")
    props, _html = editor_props(translator, chinese)
    [shown] = [t for t in props["initialStringTranslations"] if t["segment_id"] == changed.segment_id]
    assert shown["error"].startswith("The English changed; its earlier translation is offered")
    [status] = [s for s in translation_statuses(user=make_staff("translator")) if s.source.pk == article.pk]
    assert status.reason == "1 string needs a translator (1 changed in English)" and status.action_url
    translator.post(reverse("translation_keep_string", args=[translation.pk, changed.segment_id]))
    assert open_strings(translation) == []


def segments_with_translations(translation):
    return StringSegment.objects.filter(source=translation.source).annotate_translation(translation.target_locale)


def test_a_translation_sent_back_is_submitted_again_into_the_same_review(staff_client):
    """staff_client logs the one test client in as each role in turn."""
    _article, translation, chinese, _translator = submitted_translation(staff_client)
    staff_client("reviewer").post(reverse("translation_review_action", args=[translation.pk, "reject"]))
    translator = staff_client("translator")
    fixed = "贵阳讯 - 居民们修好了三百个漏水的水龙头。"
    assert save_string(translator, translation, DATELINE, fixed).status_code == 200  # open again
    response = submit(translator, translation)
    assert any("was submitted for review" in m for m in messages_of(response))
    staff_client("reviewer").post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    translator.logout()
    assert fixed in translator.get(chinese.url).content.decode()


def test_approving_from_the_dashboard_menu_confirms_it(staff_client, client):
    article, _translation, chinese, _translator = submitted_translation(staff_client)
    reviewer = staff_client("reviewer")
    dashboard = reviewer.get(reverse("wagtailadmin_home")).content.decode()
    task_state = chinese.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[chinese.pk, "approve", task_state.pk])
    assert url in dashboard  # offered in the menu of pages awaiting review
    response = reviewer.post(url, headers={"x-requested-with": "XMLHttpRequest"})  # as the menu sends it
    assert response.status_code == 200
    assert messages_of(response) == [f"Approved and published “{chinese_translation(article).title}”."]
    assert "居民们修好了三百个漏水的水龙头。" in client.get(chinese.url).content.decode()


def test_the_translation_editor_previews_the_translation_as_it_stands(staff_client):
    _article, translation, chinese, _translator = submitted_translation(staff_client)
    reviewer = staff_client("reviewer")
    page_html = reviewer.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk])).content.decode()
    preview_url = reverse("wagtail_localize:preview_translation", args=[translation.pk])
    assert f'href="{preview_url}"' in page_html
    preview = reviewer.get(preview_url)
    assert preview.status_code == 200 and "居民们修好了三百个漏水的水龙头。" in preview.content.decode()
