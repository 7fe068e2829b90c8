"""Translation batches (issue 25): submitting many pages at once, machine translation of the whole batch on the
worker, approval item by item and publishing together; each refusal over HTTP."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

import pytest

from batches.items import APPROVED, IN_REVIEW, PUBLISHED, SCHEDULED, TRANSLATING, item_states
from batches.models import Batch, MachineState
from resources.models import ResourceIndexPage
from translation.memory import MEMORY

from .batch_helpers import batch_form, bulk_submit, new_tip_sheets, submitted_batch, translate_and_submit_every_page
from .factories import make_staff, publish_article
from .helpers import messages_of, run_worker

pytestmark = pytest.mark.django_db


def assert_refused(response):
    """Wagtail's admin answers a refused view with 403, or a redirect to the dashboard (with its message)."""
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home"), response


def states_of(batch, role="editor"):
    return {state.item.pk: state for state in item_states(batch, make_staff(role))}


def test_the_bulk_action_submits_the_tip_sheets_as_one_batch_filled_from_memory(staff_client):
    sheets = new_tip_sheets()
    batch = submitted_batch(staff_client("editor"), sheets, name="Tip sheets")
    assert batch.name == "Tip sheets" and batch.due_date == datetime.date(2099, 1, 31)
    assert [item.translation.source.object_id for item in batch.items.all()] == [s.translation_key for s in sheets]
    chinese = Locale.objects.get(language_code="zh-hans")
    assert all(not sheet.get_translation(chinese).live for sheet in sheets)  # drafts until reviewed
    # Every string of the tip sheets was approved in the demo: the memory fills them all, as suggestions.
    assert batch.memory_filled >= 6 * 10
    states = states_of(batch).values()
    assert all(state.state == TRANSLATING and state.open_count == state.memory_count for state in states)
    page = staff_client("editor").get(reverse("batches:detail", args=[batch.pk])).content.decode()
    assert f'data-memory-filled="{batch.memory_filled}"' in page and page.count("data-item=") == 6


def test_a_section_with_its_subpages_comes_with_the_snippets_they_use_that_have_no_translation(staff_client):
    from resources.models import Topic

    editor = staff_client("editor")
    index = ResourceIndexPage.objects.get(locale__language_code="en")
    new_tip_sheets()
    topic = Topic.objects.get(locale__language_code="zh-hans", slug="water-conservation")
    topic.delete()  # the Water Conservation tip sheet's topic has no Chinese translation now
    response = editor.post(f"{reverse('batches:new')}?page={index.pk}", batch_form(include_subpages="on"))
    assert response.status_code == 302
    batch = Batch.objects.latest("pk")
    targets = [item.translation.source.specific_content_type.model for item in batch.items.all()]
    assert targets.count("topic") == 1 and targets.index("topic") == 0  # snippets first, then pages
    assert len(targets) == 1 + 1 + index.get_descendants().count()


def test_the_page_button_offers_a_batch_with_its_subpages(staff_client):
    editor = staff_client("editor")
    index = ResourceIndexPage.objects.get(locale__language_code="en")
    explorer = editor.get(reverse("wagtailadmin_explore", args=[index.get_parent().pk])).content.decode()
    assert f"{reverse('batches:new')}?page={index.pk}" in explorer
    form = editor.get(f"{reverse('batches:new')}?page={index.pk}").content.decode()
    assert "subpages, with the snippets they use" in form and 'name="include_subpages"' in form


def test_machine_translation_of_the_batch_runs_on_the_worker_and_keeps_what_people_wrote(staff_client, database_tasks):
    sheets = new_tip_sheets()
    batch = submitted_batch(staff_client("editor"), sheets)
    StringTranslation.objects.filter(tool_name=MEMORY).delete()  # nothing remembered: all to the machine
    first = batch.items.first().translation
    segment = first.source.stringsegment_set.order_by("order").first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=first.target_locale,
        data="译者写的",
        translation_type="manual",
    )
    translator = staff_client("translator")
    response = translator.post(reverse("batches:machine", args=[batch.pk]))
    assert "Machine translation of" in " ".join(messages_of(response))
    batch.refresh_from_db()
    assert batch.machine_state == MachineState.QUEUED and batch.machine_total > 50
    assert translator.get(reverse("batches:progress", args=[batch.pk])).json()["done"] == 0

    run_worker()
    progress = translator.get(reverse("batches:progress", args=[batch.pk])).json()
    assert progress["state"] == "done" and progress["done"] == progress["total"] == batch.machine_total
    kept = StringTranslation.objects.get(translation_of=segment.string, context=segment.context)
    assert kept.data == "译者写的" and kept.translation_type == "manual"
    suggested = StringTranslation.objects.filter(translation_type="machine", locale=first.target_locale)
    assert suggested.filter(data__contains="节能").exists() or suggested.count() >= batch.machine_total
    again = translator.post(reverse("batches:machine", args=[batch.pk]))
    assert "already" in " ".join(messages_of(again))


def test_reviewers_approve_item_by_item_and_the_batch_goes_live_together(staff_client, client):
    sheets = new_tip_sheets()[:3]
    batch = submitted_batch(staff_client("editor"), sheets)
    translate_and_submit_every_page(batch, staff_client("translator"))
    assert {state.state for state in states_of(batch).values()} == {IN_REVIEW}

    reviewer = staff_client("reviewer")
    for item in batch.items.all()[:2]:
        response = reviewer.post(reverse("batches:approve", args=[batch.pk, item.pk]))
        assert "Approved" in " ".join(messages_of(response))
    states = states_of(batch, "reviewer")
    assert [state.state for state in states.values()] == [APPROVED, APPROVED, IN_REVIEW]
    chinese = Locale.objects.get(language_code="zh-hans")
    assert not sheets[0].get_translation(chinese).live  # approved is not yet published

    response = reviewer.post(reverse("batches:publish", args=[batch.pk]), {"go_live": "now"})
    assert "Published 2 approved items together. 1 item is not approved yet" in " ".join(messages_of(response))
    assert [state.state for state in states_of(batch, "reviewer").values()] == [PUBLISHED, PUBLISHED, IN_REVIEW]
    for sheet in sheets[:2]:
        assert client.get(sheet.get_translation(chinese).url).status_code == 200
    assert client.get(sheets[2].get_translation(chinese).url or "/zh-hans/nothing/").status_code == 404


def test_a_batch_can_be_scheduled_to_go_live_together(staff_client, client, database_tasks):
    sheets = new_tip_sheets()[:2]
    batch = submitted_batch(staff_client("editor"), sheets)
    translate_and_submit_every_page(batch, staff_client("translator"))
    reviewer = staff_client("reviewer")
    for item in batch.items.all():
        reviewer.post(reverse("batches:approve", args=[batch.pk, item.pk]))
    moment = timezone.localtime() + datetime.timedelta(hours=2)
    response = reviewer.post(
        reverse("batches:publish", args=[batch.pk]),
        {"go_live": "at", "go_live_at": moment.strftime("%Y-%m-%dT%H:%M")},
    )
    assert "2 approved items go live on" in " ".join(messages_of(response))
    assert {state.state for state in states_of(batch, "reviewer").values()} == {SCHEDULED}
    chinese = Locale.objects.get(language_code="zh-hans")
    for sheet in sheets:
        translated = sheet.get_translation(chinese).specific
        assert not translated.live and translated.get_latest_revision().approved_go_live_at is not None


# -- refusals ---------------------------------------------------------------------------------------------


def test_only_people_who_submit_translations_start_a_batch(staff_client):
    sheets = new_tip_sheets()
    translator = staff_client("translator")
    assert_refused(translator.get(f"{reverse('batches:new')}?page={sheets[0].pk}"))
    response = bulk_submit(translator, sheets)
    assert response.status_code == 200 and not Batch.objects.exists()  # every page listed as not allowed


def test_a_due_date_in_the_past_is_refused_with_the_form(staff_client):
    sheets = new_tip_sheets()
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = bulk_submit(staff_client("editor"), sheets, due=yesterday)
    assert response.status_code == 200 and "Choose a due date from today on." in response.content.decode()
    assert not Batch.objects.exists()


def test_a_page_whose_parent_has_no_translation_is_refused(staff_client):
    article = publish_article("Water week", slug="water-week")
    Page.objects.filter(locale__language_code="zh-hans", depth=3, slug="news").delete()
    response = bulk_submit(staff_client("editor"), [article])
    assert response.status_code == 200
    assert "has no Simplified Chinese parent page yet" in response.content.decode()
    assert not Batch.objects.exists()


def test_a_chinese_page_cannot_start_a_batch(staff_client):
    chinese = Page.objects.filter(locale__language_code="zh-hans", depth=3).first()
    response = staff_client("editor").post(f"{reverse('batches:new')}?page={chinese.pk}", batch_form())
    assert "batches translate from English" in response.content.decode()
    assert not Batch.objects.exists()


def test_batch_actions_refuse_people_outside_them(staff_client):
    batch = submitted_batch(staff_client("editor"), new_tip_sheets()[:1])
    item = batch.items.get()
    assert staff_client("nogroup").get(reverse("batches:detail", args=[batch.pk])).url.startswith("/admin/login/")
    moderator = staff_client("moderator")  # English pages only, and no submitting for translation
    for url in (
        reverse("batches:detail", args=[batch.pk]),
        reverse("batches:progress", args=[batch.pk]),
        reverse("batches:xliff", args=[batch.pk]),
    ):
        assert_refused(moderator.get(url))
    translator = staff_client("translator")
    assert_refused(translator.post(reverse("batches:approve", args=[batch.pk, item.pk])))
    assert_refused(translator.post(reverse("batches:publish", args=[batch.pk])))
    assert translator.get(reverse("batches:approve", args=[batch.pk, item.pk])).status_code == 405


def test_approving_what_is_not_in_review_and_publishing_nothing_say_why(staff_client):
    batch = submitted_batch(staff_client("editor"), new_tip_sheets()[:1])
    item = batch.items.get()
    reviewer = staff_client("reviewer")
    response = reviewer.post(reverse("batches:approve", args=[batch.pk, item.pk]))
    assert "is not waiting for review" in " ".join(messages_of(response))
    response = reviewer.post(reverse("batches:publish", args=[batch.pk]))
    assert "No item of this batch is approved" in " ".join(messages_of(response))
    response = reviewer.post(reverse("batches:publish", args=[batch.pk]), {"go_live": "at", "go_live_at": "soon"})
    assert "Give the date and time" in " ".join(messages_of(response))


def test_a_snippet_in_the_batch_is_approved_when_translated_and_published_with_it(staff_client):
    from resources.models import Topic

    sheets = new_tip_sheets()[-1:]  # Water Conservation
    Topic.objects.get(locale__language_code="zh-hans", slug="water-conservation").delete()
    batch = submitted_batch(staff_client("editor"), sheets)
    topic_item, page_item = batch.items.all()
    assert topic_item.translation.source.specific_content_type.model == "topic"
    reviewer = staff_client("reviewer")
    response = reviewer.post(reverse("batches:approve", args=[batch.pk, topic_item.pk]))
    assert "still needs a translator" in " ".join(messages_of(response))  # the memory's text is a suggestion

    translate_and_submit_every_page(batch, staff_client("translator"))
    reviewer = staff_client("reviewer")  # one test client: logged in as the reviewer again
    for item in (topic_item, page_item):
        reviewer.post(reverse("batches:approve", args=[batch.pk, item.pk]))
    assert [state.state for state in states_of(batch, "reviewer").values()] == [APPROVED, APPROVED]
    reviewer.post(reverse("batches:publish", args=[batch.pk]), {"go_live": "now"})
    chinese_topic = Topic.objects.get(
        locale__language_code="zh-hans", translation_key=topic_item.translation.source.object_id
    )
    assert chinese_topic.live and chinese_topic.name.startswith("已翻译")
    assert [state.state for state in states_of(batch, "reviewer").values()] == [PUBLISHED, PUBLISHED]
