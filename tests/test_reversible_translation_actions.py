"""Converting a translation to an alias, or stopping its synchronisation, keeps the translator's strings and the
page's revisions, and the admin offers the way back."""

from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale, Revision
from wagtail_localize.models import StringTranslation, Translation

import pytest

from resources.models import TipSheetPage

from .factories import make_staff

pytestmark = pytest.mark.django_db

CHINESE_TITLE = "能源效率小贴士"


def tip_sheets():
    english = TipSheetPage.objects.get(locale__language_code="en", slug="energy-efficiency")
    return english, TipSheetPage.objects.get(locale__language_code="zh-hans", slug="energy-efficiency")


def test_an_alias_made_by_a_reviewer_can_be_translated_again_with_its_old_strings(client):
    english, chinese = tip_sheets()
    strings_before = StringTranslation.objects.filter(locale=chinese.locale).count()
    revisions_before = Revision.page_revisions.filter(object_id=str(chinese.pk)).count()
    client.force_login(make_staff("reviewer"))
    client.post(reverse("wagtail_localize:convert_to_alias", args=[chinese.pk]))
    chinese.refresh_from_db()
    assert chinese.alias_of_id == english.pk
    assert StringTranslation.objects.filter(locale=chinese.locale).count() == strings_before
    assert Revision.page_revisions.filter(object_id=str(chinese.pk)).count() >= revisions_before

    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk])).content.decode()
    assert reverse("wagtail_localize:submit_page_translation", args=[english.pk]) in editor_view

    client.force_login(make_staff("editor"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
            {"locales": [Locale.objects.get(language_code="zh-hans").pk]},
        )
    chinese = TipSheetPage.objects.get(pk=chinese.pk)
    assert chinese.alias_of_id is None
    assert chinese.get_latest_revision_as_object().title == CHINESE_TITLE


def test_a_stopped_translation_is_restarted_with_every_string_kept(client):
    _english, chinese = tip_sheets()
    translation = Translation.objects.get(source__object_id=chinese.translation_key, target_locale=chinese.locale)
    strings_before = StringTranslation.objects.filter(locale=chinese.locale).count()
    client.force_login(make_staff("reviewer"))
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    translation.refresh_from_db()
    assert not translation.enabled
    assert (
        "localize-restart-translation"
        in client.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk])).content.decode()
    )

    client.post(reverse("wagtailadmin_pages:edit", args=[chinese.pk]), {"localize-restart-translation": "1"})
    translation.refresh_from_db()
    assert translation.enabled
    assert StringTranslation.objects.filter(locale=chinese.locale).count() == strings_before
    assert TipSheetPage.objects.get(pk=chinese.pk).title == CHINESE_TITLE
