"""End to end in Chromium (issue 25): an editor submits the demo's six tip sheets as one batch from the page
listing; machine translation runs on the worker with a progress bar; a translator confirms the memory's suggestions
on the second tip sheet; an XLIFF file goes to an "agency" (a translate-toolkit script) and comes back; a reviewer
approves item by item; the batch goes live in Chinese together, beside the English."""

import time
import urllib.error
import urllib.request

from django.db import OperationalError
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

import pytest
from playwright.sync_api import expect
from translate.storage.xliff2 import Xliff2File

from batches.models import Batch
from tests.batch_helpers import english_tip_sheets, new_tip_sheets
from tests.browser.test_translation_review import log_in
from tests.factories import make_staff
from tests.helpers import run_worker
from translation.memory import digest
from translation.models import MemoryEntry

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# What the memory keeps of the tip sheets: three strings of the second one (Green Consumption).
REMEMBERED = ["Green Consumption tips", "Carry your own bag", "Choose durable products"]


def keep_only_some_memory(sheets):
    """Forgets every approved string of the tip sheets but REMEMBERED."""
    sources = [TranslationSource.objects.get_for_instance(sheet) for sheet in sheets]
    texts = StringSegment.objects.filter(source__in=sources).values_list("string__data", flat=True)
    forgotten = MemoryEntry.objects.filter(source_text__in=list(texts))
    forgotten.exclude(source_digest__in=[digest(text) for text in REMEMBERED]).delete()


def agency(content):
    """A translation agency's tool: every string that is only a suggestion (or empty) gets the agency's text."""
    store = Xliff2File.parsestring(content)
    for unit in store.units:
        state = unit.xmlelement.get("state")
        if state != "translated":
            unit.target = f"（译）{unit.source}"
            unit.marktranslated()
    return bytes(store)


def run_worker_beside_the_browser():
    """The worker beside the live server: on the tests' in-memory SQLite a request still being answered holds a
    table lock, and the worker's claim (BEGIN EXCLUSIVE) is answered "locked" at once; the claim is tried again,
    as a worker polling for tasks would on its next round. PostgreSQL never says so."""
    for _attempt in range(50):
        try:
            return run_worker()
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(0.1)
    raise AssertionError("the worker never got the database")


def public_status(url):
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - the local live server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def submit_from_the_listing(editor, base, sheets):
    """1. The editor ticks the six tip sheets in the page listing and submits them as one batch."""
    editor.goto(f"{base}{reverse('wagtailadmin_explore', args=[sheets[0].get_parent().pk])}")
    for sheet in sheets:
        editor.locator(f"input[data-bulk-action-checkbox][data-object-id='{sheet.pk}']").check()
    footer = editor.locator("[data-bulk-action-footer]")
    footer.get_by_role("button", name="More").click()
    editor.wait_for_timeout(500)  # Wagtail binds the dropdown's bulk action links once it has been shown
    footer.get_by_role("link", name="Translate the selected pages as one batch").click()
    editor.fill("input[name=name]", "Tip sheets 2026")
    editor.fill("input[name=due_date]", "2099-06-30")
    editor.get_by_role("button", name="Submit the batch").click()
    expect(editor.locator("[data-batch-items] tbody tr")).to_have_count(6)
    expect(editor.locator("[data-memory-filled]")).to_have_attribute("data-memory-filled", str(len(REMEMBERED)))
    return Batch.objects.get()


def machine_translate(translator, base, batch, tmp_path):
    """2. Machine translation runs on the worker; the progress bar follows it, then the items' states show."""
    translator.goto(f"{base}{reverse('batches:detail', args=[batch.pk])}")
    translator.click("[data-machine-translate]")
    expect(translator.locator("[data-progress-label]")).to_contain_text("Waiting for the worker")
    # The page keeps polling; its polls fail while the worker holds the database (see run_worker_beside_the_browser)
    # and succeed again after, when it shows the end and reloads.
    translator.route("**/progress/", lambda route: route.abort())
    run_worker_beside_the_browser()
    translator.unroute("**/progress/")
    expect(translator.locator("[data-progress-label]")).to_contain_text("Done", timeout=30_000)
    progress = translator.locator("progress")
    assert progress.get_attribute("value") == progress.get_attribute("max")
    translator.screenshot(path=str(tmp_path / "batch-after-machine.png"), full_page=True)


def confirm_memory_suggestions(translator):
    """3. On the second tip sheet, the translator confirms each of the memory's suggestions."""
    translator.locator("[data-batch-items] tbody tr").nth(1).locator("a").click()
    for _text in REMEMBERED:
        row = translator.locator("[data-open-string]").filter(has_text="Suggested by translation memory").first
        row.locator("[data-keep-string]").click()
        translator.wait_for_load_state()
    expect(translator.locator("[data-open-string]").filter(has_text="translation memory")).to_have_count(0)


def agency_round_trip(translator, base, batch, tmp_path):
    """4. The batch's XLIFF goes to the agency and comes back; the translator submits the pages for review."""
    translator.goto(f"{base}{reverse('batches:detail', args=[batch.pk])}")
    with translator.expect_download() as download:
        translator.click("[data-xliff-download]")
    exported = tmp_path / "batch.xlf"
    download.value.save_as(exported)
    returned = tmp_path / "batch-zh.xlf"
    returned.write_bytes(agency(exported.read_bytes()))
    translator.set_input_files("input[name=file]", str(returned))
    translator.click("[data-xliff-upload]")
    expect(translator.get_by_text("Imported the XLIFF file")).to_be_visible()
    expect(translator.locator("[data-open-count='0']")).to_have_count(6)
    translator.click("[data-submit-batch]")
    expect(translator.locator("[data-state='in_review']")).to_have_count(6)


def approve_and_publish(reviewer, base, batch, sheets, tmp_path):
    """5. The reviewer approves item by item, then 6. publishes the batch together."""
    reviewer.goto(f"{base}{reverse('batches:detail', args=[batch.pk])}")
    for _item in sheets:
        reviewer.locator("[data-approve-item]").first.click()
        reviewer.wait_for_load_state()
    expect(reviewer.locator("[data-state='approved']")).to_have_count(6)
    chinese = Locale.objects.get(language_code="zh-hans")
    assert public_status(f"{base}{sheets[0].get_translation(chinese).url}") == 404  # approved, not yet published
    reviewer.click("[data-publish-batch]")
    expect(reviewer.get_by_text("Published 6 approved items together.")).to_be_visible()
    expect(reviewer.locator("[data-state='published']")).to_have_count(6)
    reviewer.screenshot(path=str(tmp_path / "batch-published.png"), full_page=True)


def test_six_tip_sheets_translated_as_one_batch(live_server, new_page, tmp_path, settings):
    settings.TASKS = settings.DATABASE_TASKS  # machine translation waits for the worker
    keep_only_some_memory(english_tip_sheets())  # while their translation sources are there
    sheets = new_tip_sheets()
    pages = {}
    for role in ("editor", "translator", "reviewer"):
        make_staff(role)
        pages[role] = new_page()
        log_in(pages[role], live_server.url, f"{role}-user")
    batch = submit_from_the_listing(pages["editor"], live_server.url, sheets)
    machine_translate(pages["translator"], live_server.url, batch, tmp_path)
    confirm_memory_suggestions(pages["translator"])
    agency_round_trip(pages["translator"], live_server.url, batch, tmp_path)
    approve_and_publish(pages["reviewer"], live_server.url, batch, sheets, tmp_path)
    chinese = Locale.objects.get(language_code="zh-hans")
    for sheet in sheets:  # both languages live, the Chinese pages together
        assert public_status(f"{live_server.url}{sheet.url}") == 200
        assert public_status(f"{live_server.url}{sheet.get_translation(chinese).url}") == 200
