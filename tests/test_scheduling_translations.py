"""A reviewer's approval can have a Chinese translation go live with its English source, or at a time of its own;
a translation that follows its source moves when the source's schedule moves, and is unscheduled when it is
cancelled."""

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

import pytest

from translation.review import edit_url

from .helpers import (
    change_first_paragraph,
    chinese_translation,
    english_article,
    messages_of,
    run_worker,
    translate_all,
    translation_of,
)
from .test_scheduling import schedule, soon, wait_until

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(client, staff_client):
    """An English article changed and scheduled to go live again in an hour, its Chinese translation finished and
    submitted; the client is the reviewer's."""
    article = change_first_paragraph(english_article(), "<p>The rooftop garden feeds 30 families.</p>")
    translation = translation_of(article)
    translation.source.update_from_db()
    translate_all(translation, "屋顶花园")
    staff_client("translator").post(reverse("translation_submit_for_review", args=[translation.pk]))
    client.logout()
    article.title = "Rooftop gardens"
    schedule(article, go_live_at=soon(3600))
    staff_client("reviewer")
    return article, chinese_translation(article), translation


def approve(client, translation, **choice):
    return client.post(reverse("translation_review_action", args=[translation.pk, "approve"]), choice)


def scheduled_at(page):
    return page.revisions.exclude(approved_go_live_at=None).values_list("approved_go_live_at", flat=True).first()


@override_settings(TASKS=settings.DATABASE_TASKS)
def test_a_translation_goes_live_with_its_source_and_follows_its_schedule(client, in_review):
    article, chinese, translation = in_review
    editor = client.get(edit_url(chinese)).content.decode()
    assert 'value="with_source"' in editor  # the reviewer is offered the English page's time

    response = approve(client, translation, go_live="with_source")
    assert any("goes live on" in message for message in messages_of(response))
    assert scheduled_at(chinese) == scheduled_at(article)
    assert "屋顶花园" not in client.get(chinese.url).content.decode()

    moment = soon(2)
    schedule(article, go_live_at=moment)  # the editor brings the English page forward
    assert scheduled_at(chinese) == moment
    wait_until(moment)
    run_worker()
    client.logout()
    assert "Rooftop gardens" in client.get(article.url).content.decode()
    assert "屋顶花园" in client.get(chinese.url).content.decode()


@override_settings(TASKS=settings.DATABASE_TASKS)
def test_a_translation_following_its_source_goes_live_when_the_source_is_published_early(client, in_review):
    article, chinese, translation = in_review
    approve(client, translation, go_live="with_source")
    article.go_live_at = None
    article.save_revision().publish()  # the editor publishes the English page now after all
    run_worker()
    client.logout()
    assert "屋顶花园" in client.get(chinese.url).content.decode()


def test_a_translation_following_a_cancelled_schedule_is_unscheduled(client, admin_user, in_review):
    article, chinese, translation = in_review
    approve(client, translation, go_live="with_source")
    revision = article.revisions.get(approved_go_live_at__isnull=False)
    client.force_login(admin_user)
    client.post(reverse("wagtailadmin_pages:revisions_unschedule", args=[article.pk, revision.pk]))
    assert scheduled_at(article) is None and scheduled_at(chinese) is None


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ({"go_live": "at", "go_live_at": "2020-01-01T09:00"}, "Choose a time in the future"),
        ({"go_live": "at", "go_live_at": "next Tuesday"}, "Give the date and time"),
        ({"go_live": "at", "go_live_at": "2099-02-30T09:00"}, "Give the date and time"),
        ({"go_live": "whenever"}, "Choose when the translation goes live"),
    ],
)
def test_a_go_live_that_cannot_be_carried_out_is_refused_with_its_reason(client, in_review, choice, message):
    _article, chinese, translation = in_review
    response = approve(client, translation, **choice)
    assert any(message in text for text in messages_of(response))
    chinese.refresh_from_db()
    assert chinese.workflow_in_progress and scheduled_at(chinese) is None


def test_approval_is_only_ever_a_post(client, in_review):
    """A link or a prefetch (GET) must not approve and publish: only the footer's form does."""
    _article, chinese, translation = in_review
    assert client.get(reverse("translation_review_action", args=[translation.pk, "approve"])).status_code == 405
    chinese.refresh_from_db()
    assert chinese.workflow_in_progress


def test_a_translation_can_go_live_at_its_own_time(client, in_review):
    _article, chinese, translation = in_review
    approve(client, translation, go_live="at", go_live_at="2099-05-01T09:30")
    chinese.refresh_from_db()
    assert not chinese.workflow_in_progress
    assert scheduled_at(chinese).isoformat().startswith("2099-05-01T01:30")  # 09:30 in the admin's Asia/Shanghai
