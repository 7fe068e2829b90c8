"""The demo loader builds the site from the pages kept in the repository, can run again safely, and refuses bad
input cleanly."""

from pathlib import Path

from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation

import pytest

from demo.builder import build_demo_site
from demo.source_pages import NEWSLETTER_FILE, SOURCE_DIR, SourcePageError, load_source_pages
from home.models import ContactSettings, HomePage
from news.models import NewsArticlePage

from .engine_index import unindexed

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "strings": StringTranslation.objects.count(),
    }


def test_a_second_run_changes_nothing(capsys):
    before = snapshot()
    call_command("load_demo_content")
    assert "nothing to do" in capsys.readouterr().out
    assert snapshot() == before


def test_a_missing_source_page_fails_clearly_and_changes_nothing(tmp_path):
    (tmp_path / NEWSLETTER_FILE).write_text((SOURCE_DIR / NEWSLETTER_FILE).read_text())
    Page.objects.filter(depth__gt=1).delete()
    before = snapshot()
    with pytest.raises(SourcePageError, match=r"Source page not found: .*harmony-in-china.md"):
        build_demo_site(tmp_path)
    assert snapshot() == before


def test_source_pages_become_five_dated_stories_with_their_datelines():
    seeds = load_source_pages()
    assert [(story.dateline, story.date.isoformat()) for story in seeds.stories] == [
        ("BEIJING", "2007-10-20"),
        ("QINHUANGDAO", "2007-10-25"),
        ("QINHUANGDAO", "2007-10-25"),
        ("CHINA", "2007-10-25"),
        ("BEIJING", "2007-10-25"),
    ]
    quotes = [block for story in seeds.stories for block in story.blocks if block.kind == "quote"]
    assert {quote.attribution for quote in quotes} == {
        "Wang Zhongping",
        "Zhang Yongli",
        "Geng Shigang",
        "Xue Yanyan",
        "Wu Ju",
        "Michael Bloomfield",
    }
    assert seeds.program.tip_sheet_topics[1] == "Green Consumption"  # the original's typo is corrected


def test_contact_details_come_from_the_newsletter():
    contact = ContactSettings.objects.get()
    assert (contact.email, contact.phone, contact.fax) == ("harmony@islandnet.com", "(250) 380-3001", "(250) 280-0887")
    names = dict(HomePage.objects.values_list("locale__language_code", "organisation_name"))
    assert names == {"en": "Harmony Foundation of Canada", "zh-hans": "加拿大和谐基金会"}


@pytest.mark.slow
def test_a_fresh_database_is_built_whole(tmp_path):
    Page.objects.filter(depth__gt=1).delete()
    with unindexed():
        call_command("load_demo_content", verbosity=0)
    assert NewsArticlePage.objects.live().filter(locale__language_code="zh-hans").count() == 5
    assert Path(get_document_model().objects.get(title="Water Conservation-CH").file.path).read_bytes()[:5] == b"%PDF-"
