"""Languages come from the settings (issue 29, finding 7): Traditional Chinese added to LANGUAGES and
WAGTAIL_CONTENT_LANGUAGES, with its locale and a translated home page, gets its own translators, reviewers and review
workflow from setup_roles, and a news article walks through it to readers at /zh-hant/."""

from urllib.parse import urlencode

from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowPage
from wagtail_localize.models import StringSegment
from wagtail_localize.operations import translate_object

import pytest

from home.models import HomePage
from news.models import NewsIndexPage
from translation.open_strings import open_strings
from translation.roles import reviewers_group, setup_roles, translators_group

from .factories import make_staff
from .helpers import english_article, messages_of, translation_of

pytestmark = pytest.mark.django_db

LANGUAGES = [("en", "English"), ("zh-hans", "Simplified Chinese"), ("zh-hant", "Traditional Chinese")]


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@override_settings(LANGUAGES=LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=LANGUAGES)
def test_a_third_language_added_in_the_settings_gets_its_own_team_and_review():
    hant = Locale.objects.create(language_code="zh-hant")
    for page in (
        HomePage.objects.get(locale__language_code="en"),
        NewsIndexPage.objects.get(locale__language_code="en"),
    ):
        translate_object(page, [hant])  # as an editor submits the home page and newsroom for translation
        page.get_translation(hant).save_revision().publish()  # and, here, their translations were approved
    groups = setup_roles()
    assert {translators_group("zh-hant"), reviewers_group("zh-hant")} <= set(groups)
    assert translators_group("zh-hant") == "Traditional Chinese translators"
    hant_home = Page.objects.get(depth=2, locale=hant)
    assert WorkflowPage.objects.get(page=hant_home).workflow.name == "Review Traditional Chinese translation"

    article = english_article()
    translate_object(article, [hant])
    translation = translation_of(article, "zh-hant")
    hant_article = article.get_translation(hant)
    translator = logged_in(make_staff("translator", "tang", language="zh-hant"))
    assert logged_in(make_staff("translator", "tina")).get(f"/admin/pages/{hant_article.pk}/edit/").status_code == 403
    for item in open_strings(translation):
        segment = StringSegment.objects.get(pk=item.segment_id)
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        value = f"繁體 {segment.order}"
        response = translator.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201)
    response = translator.post(reverse("translation_submit_for_review", args=[translation.pk]))
    assert any("was submitted for review" in m for m in messages_of(response))

    simplified_reviewer = logged_in(make_staff("reviewer", "rui"))
    simplified_reviewer.post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    assert Client().get(f"/zh-hant/news/{article.slug}/").status_code == 404  # not theirs to approve
    reviewer = logged_in(make_staff("reviewer", "ruth", language="zh-hant"))
    reviewer.post(reverse("translation_review_action", args=[translation.pk, "approve"]))
    reader = Client().get(f"/zh-hant/news/{article.slug}/")
    assert reader.status_code == 200 and "繁體" in reader.content.decode()
    english_page = Client().get(article.url).content.decode()
    assert f'hreflang="zh-hant" href="http://testserver/zh-hant/news/{article.slug}/"' in english_page
