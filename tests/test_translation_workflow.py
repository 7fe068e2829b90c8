"""Side-by-side translation: drafts until reviewed, syncing keeps translations, PO files, machine
translation, roles and the status report."""

import html
import json
import re

from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

import pytest

from resources.models import Topic
from translation.open_strings import open_strings
from translation.roles import setup_roles
from translation.status import MISSING, OUT_OF_DATE, UP_TO_DATE, translation_statuses

from .factories import make_staff, publish_article
from .helpers import (
    change_first_paragraph,
    chinese_translation,
    english_article,
    messages_of,
    translate_all,
    translation_of,
)

pytestmark = pytest.mark.django_db


def assert_refused(response):
    """Wagtail's admin answers a refused action with 403, or a redirect carrying a permission message."""
    if response.status_code == 302:
        assert any("permission" in message.lower() for message in messages_of(response)), messages_of(response)
    else:
        assert response.status_code == 403


def new_english_article(title="Water week in Qinhuangdao"):
    return publish_article(title, slug="water-week")


def submit_for_translation(client, page):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [Locale.objects.get(language_code="zh-hans").pk]},
    )


# -- nothing untranslated goes live --------------------------------------------------------------------


def test_submitting_for_translation_creates_a_draft_not_a_live_chinese_page(staff_client):
    editor = staff_client("editor")
    article = new_english_article()
    response = submit_for_translation(editor, article)
    assert response.status_code == 302
    chinese = article.get_translation(Locale.objects.get(language_code="zh-hans"))
    assert not chinese.live
    editor.logout()
    assert editor.get(f"/zh-hans/news/{article.slug}/").status_code == 404


def test_publish_button_refuses_an_incomplete_translation(staff_client):
    reviewer = staff_client("reviewer")
    article = english_article()
    change_first_paragraph(article, "<p>A brand new English paragraph.</p>")
    TranslationSource.update_or_create_from_instance(article)
    chinese = chinese_translation(article)
    live_body = list(chinese.body.raw_data)

    response = reviewer.post(reverse("wagtailadmin_pages:edit", args=[chinese.pk]), {"action": "publish"})
    assert response.status_code == 302
    assert any(
        "1 string still needs a translator: “A brand new English paragraph.” (The English changed" in message
        for message in messages_of(response)
    )
    chinese.refresh_from_db()
    assert list(chinese.body.raw_data) == live_body
    assert "A brand new English paragraph" not in reviewer.get(chinese.url).content.decode()


def test_review_workflow_publishes_only_after_approval(staff_client, client):
    article = english_article()
    change_first_paragraph(article, "<p>The workshop trained 45 residents.</p>")
    translation = translation_of(article)
    translation.source.update_from_db()
    chinese = chinese_translation(article)

    translator = staff_client("translator")
    submit_url = reverse("translation_submit_for_review", args=[translation.pk])
    response = translator.post(submit_url)
    assert any("needs a translator" in message for message in messages_of(response))
    chinese.refresh_from_db()
    assert not chinese.workflow_in_progress

    translate_all(translation, "工作坊培训了45名居民")
    translator.post(submit_url)
    chinese.refresh_from_db()
    assert chinese.workflow_in_progress
    translator.logout()
    assert "工作坊培训了45名居民" not in client.get(chinese.url).content.decode()

    reviewer = staff_client("reviewer")
    response = reviewer.post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    assert response.status_code == 302
    reviewer.logout()
    assert "工作坊培训了45名居民" in client.get(chinese.url).content.decode()


def test_a_translator_cannot_approve_their_own_work(staff_client):
    article = english_article()
    change_first_paragraph(article, "<p>Changed.</p>")
    translation = translation_of(article)
    translation.source.update_from_db()
    translate_all(translation)
    translator = staff_client("translator")
    translator.post(reverse("translation_submit_for_review", args=[translation.pk]))
    response = translator.post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    assert_refused(response)
    assert not chinese_translation(article).body.raw_data[0]["value"].startswith("<p>已翻译")


# -- syncing after a source change ----------------------------------------------------------------------


def test_sync_marks_only_the_changed_segment_and_keeps_every_other_translation(staff_client, client):
    article = english_article()
    translation = translation_of(article)
    chinese = chinese_translation(article)
    before = dict(
        StringTranslation.objects.filter(
            context__object=translation.source.object, locale=translation.target_locale
        ).values_list("context__path", "data")
    )

    change_first_paragraph(article, "<p>Over 45 residents came, and they asked for a second workshop.</p>")
    editor = staff_client("editor")
    update_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert "publish_translations" not in editor.get(update_url).content.decode()
    response = editor.post(update_url, {"publish_translations": "on"})
    assert response.status_code == 302

    [changed] = open_strings(translation)  # the earlier Chinese paragraph, offered as a suggestion
    assert (changed.source, changed.reason) == (
        "Over 45 residents came, and they asked for a second workshop.",
        "changed_in_source",
    )
    segments = StringSegment.objects.filter(source=translation.source).annotate_translation(translation.target_locale)
    assert {segment.context.path: segment.translation for segment in segments} == before  # every other one kept

    editor.logout()
    chinese.refresh_from_db()
    assert chinese.live
    assert "second workshop" not in client.get(chinese.url).content.decode()


# -- roles and permissions ------------------------------------------------------------------------------


def test_translators_cannot_edit_publish_or_delete_english_pages(staff_client):
    translator = staff_client("translator")
    article = english_article()
    assert_refused(translator.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    response = translator.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), {"title": "Hijacked", "action-publish": "publish"}
    )
    assert_refused(response)
    article.refresh_from_db()
    assert article.title != "Hijacked"
    assert_refused(translator.post(reverse("wagtailadmin_pages:delete", args=[article.pk])))
    assert Page.objects.filter(pk=article.pk).exists()


def test_translators_edit_the_chinese_tree_but_cannot_publish_or_delete_there(staff_client):
    translator = staff_client("translator")
    chinese = chinese_translation(english_article())
    response = translator.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk]))
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()
    assert 'data-review-action="submit"' in response.content.decode()
    assert_refused(translator.post(reverse("wagtailadmin_pages:edit", args=[chinese.pk]), {"action": "publish"}))

    draft = chinese_translation(english_article())
    draft.unpublish()
    assert_refused(translator.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])))
    assert Page.objects.filter(pk=draft.pk).exists()


def test_translators_edit_chinese_snippets_but_not_english_ones(staff_client):
    translator = staff_client("translator")
    english = Topic.objects.get(locale__language_code="en", slug="low-carbon")
    chinese = english.get_translation(Locale.objects.get(language_code="zh-hans"))
    assert_refused(translator.get(reverse("wagtailsnippets_resources_topic:edit", args=[english.pk])))
    assert translator.get(reverse("wagtailsnippets_resources_topic:edit", args=[chinese.pk])).status_code == 200
    english.refresh_from_db()
    assert english.name == "Low Carbon"


def test_editors_can_publish_english_but_not_chinese_pages():
    from django.contrib.auth import get_user_model

    from .factories import make_staff

    editor = make_staff("editor")
    article = english_article()
    assert article.permissions_for_user(editor).can_publish()
    assert not chinese_translation(article).permissions_for_user(editor).can_publish()
    reviewer = make_staff("reviewer")
    assert chinese_translation(article).permissions_for_user(reviewer).can_publish()
    assert not article.permissions_for_user(reviewer).can_edit()
    assert get_user_model().objects.filter(groups__name="Editors").count() == 1


def test_setup_roles_is_idempotent():
    from django.contrib.auth.models import Group

    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

    setup_roles()
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    setup_roles()
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count()) == counts
    chinese_home = Page.objects.get(depth=2, locale__language_code="zh-hans")
    assert WorkflowPage.objects.get(page=chinese_home).workflow.name == "Review Simplified Chinese translation"


# -- admin in Chinese -----------------------------------------------------------------------------------


def test_staff_can_choose_the_chinese_admin(staff_client):
    from wagtail.users.models import UserProfile

    translator = staff_client("translator")
    user = translator.get("/admin/").wsgi_request.user
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    page = translator.get("/admin/").content.decode()
    assert 'lang="zh-hans"' in page
    assert "搜索" in page
    options = translator.get(reverse("wagtailadmin_account")).content.decode()
    assert "简体中文" in options

    chinese = chinese_translation(english_article())
    editor_html = translator.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk])).content.decode()
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', editor_html).group(1)))
    fields = {segment["location"]["field"] for segment in props["segments"]}
    assert {"标题", "电头", "段落", "引语"} <= fields  # the editor names fields and blocks in Chinese
    assert 'data-heading="English译为简体中文"' in editor_html  # wagtail-localize's heading, put in Chinese
    newsroom = chinese.get_parent()
    assert "新闻文章" in translator.get(reverse("wagtailadmin_explore", args=[newsroom.pk])).content.decode()


# -- translation status report --------------------------------------------------------------------------


def status_of(page, statuses):
    return next(status for status in statuses if status.source.pk == page.pk and isinstance(status.source, Page))


def test_status_report_follows_source_edits_sync_and_translation(staff_client):
    article = english_article()
    assert status_of(article, translation_statuses()).state == UP_TO_DATE

    change_first_paragraph(article, "<p>A changed paragraph.</p>")  # publishing it syncs its translations
    status = status_of(article, translation_statuses())
    assert (status.state, status.reason, status.action_label) == (
        OUT_OF_DATE,
        "1 string needs a translator (1 changed in English)",
        "Translate",
    )

    translation = translation_of(article)

    translate_all(translation, "一个修改过的段落")
    assert status_of(article, translation_statuses()).reason == "Translated, not yet published"
    translation.source.create_or_update_translation(translation.target_locale, publish=False)
    chinese = chinese_translation(article)
    chinese.get_latest_revision().publish()
    assert status_of(article, translation_statuses()).state == UP_TO_DATE

    new = new_english_article()
    assert status_of(new, translation_statuses()).state == MISSING
    abandoned = publish_article("A draft nobody finished", publish=False)
    assert all(status.source.pk != abandoned.pk for status in translation_statuses())  # nobody's work yet

    report = staff_client("editor").get(reverse("translation_status_report") + "?state=missing")
    assert report.status_code == 200
    html = report.content.decode()
    assert new.title in html
    assert reverse("wagtail_localize:submit_page_translation", args=[new.pk]) in html
    assert article.title not in html


def test_setup_roles_renames_the_groups_of_before_keeping_their_members():
    from django.contrib.auth.models import Group

    from translation.roles import reviewers_group, translators_group

    translator = make_staff("translator", "tina")
    Group.objects.filter(name=translators_group("zh-hans")).update(name="Chinese translators")
    Group.objects.filter(name=reviewers_group("zh-hans")).update(name="Reviewers")
    setup_roles()
    assert not Group.objects.filter(name__in=["Chinese translators", "Reviewers"]).exists()
    assert translator.groups.get().name == "Simplified Chinese translators"
