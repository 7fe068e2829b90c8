"""What the compatibility modules assume of Wagtail and wagtail-localize still holds. These fail loudly on an
upgrade that changes one of them: read translation/compat.py, api/compat.py, search/compat.py and webhooks/compat.py,
then adapt or drop the item."""

import html
import importlib.metadata
import inspect
import json
import re
from datetime import timedelta
from pathlib import Path

from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

import wagtail_localize
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail_localize.views.update_translations import UpdateTranslationsForm
from wagtail_localize.wagtail_hooks import ConvertToAliasPageActionMenuItem, RestartTranslationPageActionMenuItem

import pytest
from django_tasks_db.models import DBTaskResult

from api import compat as api_compat
from delivery import compat as delivery_compat
from media_storage import compat as media_storage_compat
from search import compat as search_compat
from search import engine
from search.facts import database_backend
from search.tasks import update_search_index
from translation import compat
from translation.guards import GUARDED_VIEWS
from webhooks import compat as webhooks_compat

EDITOR_BUNDLE = Path(wagtail_localize.__file__).parent / "static/wagtail_localize/js/wagtail-localize.js"


def url_names(resolver=None, namespace=""):
    """Every named URL of the project, namespaced as `reverse` takes it."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def test_written_for_the_installed_versions():
    assert importlib.metadata.version("wagtail-localize") == compat.WRITTEN_FOR_VERSION
    assert importlib.metadata.version("wagtail") == api_compat.WRITTEN_FOR_VERSION
    assert importlib.metadata.version("wagtail") == delivery_compat.WRITTEN_FOR_VERSION
    assert importlib.metadata.version("wagtail") == media_storage_compat.WRITTEN_FOR_VERSION
    assert importlib.metadata.version("django-tasks-db") == search_compat.WRITTEN_FOR_TASKS_DB_VERSION


def test_every_rendition_wagtail_makes_passes_the_two_methods_we_wrap():
    """get_rendition and get_renditions make what they miss through create_rendition(s), which we wrap; a single
    filter goes from create_renditions to create_rendition."""
    assert AbstractImage.create_rendition.made_once and AbstractImage.create_renditions.made_once
    assert "self.create_rendition(filter)" in inspect.getsource(AbstractImage.get_rendition)
    assert "self.create_renditions(*not_found)" in inspect.getsource(AbstractImage.get_renditions)
    assert "self.create_rendition(filter)" in inspect.getsource(AbstractImage.create_renditions.__wrapped__)


def test_wagtails_engine_backend_and_its_indexes_use_our_shared_client():
    backend = search_compat.EngineSearchBackend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "compat_check_"})
    assert backend.es is engine.client("http://127.0.0.1:9")
    assert backend.get_index_for_model(Page).es is backend.es


@pytest.mark.django_db
def test_waiting_task_retries_are_rows_we_can_merge(settings):
    """django-tasks-db keeps a deferred task as a READY row with its keyword arguments under args_kwargs."""
    settings.TASKS = settings.DATABASE_TASKS
    later = update_search_index.using(run_after=timezone.now() + timedelta(minutes=1))
    later.enqueue(page_ids=[1, 2], attempt=3)
    later.enqueue(page_ids=[2, 5], attempt=1)
    assert search_compat.merge_waiting_retries(update_search_index, [7], 0) == ([1, 2, 5, 7], 3)
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_the_database_backend_reads_each_search_field_of_a_page_once(monkeypatch):
    """modelsearch's indexer reads every field once per column it fills (search.compat.PreparedOnce)."""
    from news.models import NewsArticlePage

    backend = get_search_backend(database_backend())
    assert isinstance(backend.get_index_for_model(Page), search_compat.FlatTitleNorms)
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    reads = []
    body = NewsArticlePage.search_body
    monkeypatch.setattr(NewsArticlePage, "search_body", lambda page: reads.append(page.pk) or body(page))
    backend.add(article)
    assert reads == [article.pk]


@pytest.mark.django_db
def test_a_save_sets_the_title_norm_of_its_own_entry_only():
    """search.compat.FlatTitleNorms: a save no longer scans the whole index for entries at the default norm."""
    from news.models import NewsArticlePage

    backend = get_search_backend(database_backend())
    first, second = NewsArticlePage.objects.filter(locale__language_code="en")[:2]
    first.index_entries.update(title_norm=1.0)
    second.index_entries.update(title_norm=1.0)
    backend.add(first)
    assert first.index_entries.get().title_norm != 1.0
    assert second.index_entries.get().title_norm == 1.0


def test_the_guarded_views_and_posted_actions_still_exist():
    assert set(GUARDED_VIEWS) <= set(url_names())
    assert {ConvertToAliasPageActionMenuItem.name, RestartTranslationPageActionMenuItem.name} == set(
        compat.EDITOR_ACTIONS
    )


def test_our_views_answer_at_wagtail_localizes_addresses():
    """Only true while the translation app comes before wagtail_localize in INSTALLED_APPS."""
    assert resolve("/admin/localize/translate/1/pofile/upload/").url_name == "translation_upload_pofile"
    assert resolve("/admin/localize/update/1/").url_name == "translation_update_as_drafts"
    assert resolve("/admin/localize/submit/page/1/").url_name == "translation_submit_page"
    assert resolve("/admin/localize/submit/snippet/resources/topic/1/").url_name == "translation_submit_snippet"
    assert resolve(reverse("wagtail_localize:submit_page_translation", args=[1])).url_name == "translation_submit_page"


def test_the_sync_form_still_offers_publishing_which_we_remove():
    assert compat.SYNC_PUBLISH_FIELD in UpdateTranslationsForm.base_fields


def test_the_side_by_side_editor_still_publishes_and_renders_its_footer_as_we_expect():
    bundle = EDITOR_BUNDLE.read_text(encoding="utf-8")
    assert f'name:"{compat.EDITOR_PUBLISH_FIELD}",value:"{compat.EDITOR_PUBLISH_VALUE}"' in bundle
    assert 'createElement("footer",{className:"footer' in bundle  # hidden by templates/translation/editor_footer.html


@pytest.mark.django_db
def test_the_editor_still_takes_its_lock_and_string_errors_from_the_props_we_change(staff_client):
    """compat.editor_props sets object.isLocked and a string translation's error; the editor's bundle must still
    read both from its props (a locked editor offers no Edit button; an error marks a string for attention)."""
    from .helpers import chinese_translation, english_article

    page_html = staff_client("translator").get(f"/admin/pages/{chinese_translation(english_article()).pk}/edit/")
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', page_html.content.decode()).group(1)))
    assert isinstance(props["object"]["isLocked"], bool)
    assert {"segment_id", "error", "data"} <= set(props["initialStringTranslations"][0])
    bundle = EDITOR_BUNDLE.read_text(encoding="utf-8")
    assert "isLocked" in bundle and "isErrored:!!e.error" in bundle
    # static/js/translation_footer.js puts this English heading in the admin's language
    assert "title:`${r.sourceLocale.displayName} to ${r.locale.displayName} translation`" in bundle


@pytest.mark.django_db
def test_wagtails_api_router_reaches_requests_and_serializers(client):
    response = client.get("/api/v2/pages/find/", {"html_path": "/en/news/"})
    assert response.status_code == 302
    assert hasattr(response.wsgi_request, "wagtailapi_router")
    page = client.get(response["Location"]).json()
    assert page["meta"]["detail_url"].endswith(f"/api/v2/pages/{page['id']}/")


def test_wagtails_serializer_builder_takes_a_parsed_field_configuration():
    from wagtail.api.v2.views import BaseAPIViewSet

    parameters = list(inspect.signature(BaseAPIViewSet._get_serializer_class).parameters)
    assert parameters[:4] == ["router", "model", "fields_config", "show_details"]


@pytest.mark.django_db
def test_fields_reach_wagtails_serializer_builder(client):
    article = client.get("/api/v2/pages/", {"type": "news.NewsArticlePage", "fields": "_,date", "limit": 1}).json()
    assert set(article["items"][0]) == {"id", "type", "meta", "date"}
    assert set(article["items"][0]["meta"]) == {"type"}


@pytest.mark.django_db
def test_wagtail_reuses_a_site_remembered_on_the_request(rf, django_assert_num_queries):
    from wagtail.models import Site

    request, site = rf.get("/"), Site.objects.get(is_default_site=True)
    api_compat.remember_site(request, site)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site


@pytest.mark.django_db
def test_wagtail_saves_drafts_and_file_sizes_with_only_the_bookkeeping_fields_we_skip():
    from django.db.models.signals import post_save

    from wagtail.documents import get_document_model

    saved = []

    def remember(sender, instance, update_fields=None, **kwargs):
        saved.append((type(instance).__name__, frozenset(update_fields or ())))

    article = Page.objects.live().filter(depth=4).first().specific
    document = get_document_model().objects.first()
    post_save.connect(remember)
    try:
        article.save_revision()
        article.save_revision(changed=False)
        document.file_size = None
        document.get_file_size()
    finally:
        post_save.disconnect(remember)
    page_saves = [fields for name, fields in saved if name == type(article).__name__]
    assert page_saves and all(fields and fields <= delivery_compat.DRAFT_BOOKKEEPING_FIELDS for fields in page_saves)
    assert ("Document", frozenset({"file_size"})) in saved
    assert frozenset({"file_size"}) <= delivery_compat.MEDIA_BOOKKEEPING_FIELDS


@pytest.mark.django_db
def test_wagtail_works_out_a_renditions_size_before_rendering_and_varies_its_key_with_the_focal_point():
    from .factories import make_image

    image = make_image("Compat image", size=(1600, 900))
    for spec in ("fill-390x390|format-webp", "max-800x800|format-avif", "width-333|format-jpeg", "min-3000x100"):
        rendition = image.get_rendition(spec)
        assert delivery_compat.rendition_size(image, spec) == (rendition.width, rendition.height), spec
    fill, whole = (delivery_compat.rendition_variant(image, spec) for spec in ("fill-50x50", "max-50x50"))
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 100, 100, 20, 20
    assert delivery_compat.rendition_variant(image, "fill-50x50") != fill
    assert delivery_compat.rendition_variant(image, "max-50x50") == whole


@pytest.mark.django_db
def test_wagtail_hands_the_publish_signal_a_scheduled_revision_still_marked_and_unpublishes_before_deleting():
    from wagtail.models import Revision
    from wagtail.signals import page_published, page_unpublished

    from scheduling.tasks import carry_out_schedules

    heard = []

    def listen(sender, instance, revision=None, **kwargs):
        heard.append((instance.pk, revision and webhooks_compat.published_on_schedule(revision)))

    article = Page.objects.live().filter(depth=4).first().specific
    article.go_live_at = timezone.now() - timedelta(seconds=1)
    revision = article.save_revision()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=article.go_live_at)
    page_published.connect(listen)
    page_unpublished.connect(listen)
    try:
        carry_out_schedules.call()
        Page.objects.get(pk=article.pk).delete()
    finally:
        page_published.disconnect(listen)
        page_unpublished.disconnect(listen)
    assert heard == [(article.pk, True), (article.pk, None)]


@pytest.mark.django_db
def test_a_snippets_plain_field_is_one_segment_named_by_the_field():
    from wagtail_localize.models import StringSegment, TranslationSource

    from glossary.models import GlossaryTerm

    term = GlossaryTerm.objects.filter(locale__language_code="en").exclude(synonyms="").first()
    source = TranslationSource.objects.get_for_instance(term)
    segment = StringSegment.objects.get(source=source, context__path=compat.field_segment_path("synonyms"))
    assert segment.string.data == term.synonyms


@pytest.mark.django_db
def test_wagtail_localizes_translation_creator_starts_translations_in_the_order_given():
    from wagtail.models import Locale

    from news.models import NewsArticlePage

    chinese = Locale.objects.get(language_code="zh-hans")
    articles = list(NewsArticlePage.objects.filter(locale__language_code="en").order_by("-path")[:2])
    translations = compat.start_translations(None, chinese, articles)
    assert [translation.source.object_id for translation in translations] == [a.translation_key for a in articles]
    assert all(translation.target_locale == chinese and translation.enabled for translation in translations)


@pytest.mark.parametrize(
    ("translated", "allowed"),
    [
        ('<a id="a1">链接</a>和<b>粗体</b>', True),
        ('<a id="a2">链接</a>', False),  # a link id the source does not have
        ("<p>段落</p>", False),  # a block tag
        ('<b class="x">粗体</b>', False),  # an attribute
    ],
)
def test_wagtail_localize_refuses_the_translated_markup_it_would_mark_as_an_error(translated, allowed):
    source = '<a id="a1">link</a> and <b>bold</b>'
    try:
        compat.check_translated_html(source, translated)
    except ValueError:
        assert not allowed
    else:
        assert allowed


@pytest.mark.django_db
def test_postgresql_searches_match_the_text_our_index_covers():
    """search.compat.create_document_index: modelsearch still matches `title || body`, which our index covers."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: apt-get install -y postgresql, then bash tools/start_postgres.sh and "
            "DATABASE_URL=postgres://cms:cms@127.0.0.1:5432/cms make test"
        )
    with CaptureQueriesContext(connection) as queries:
        list(Page.objects.search("water", backend=database_backend()))
    search_sql = next(query["sql"] for query in queries if "@@" in query["sql"])
    assert '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@' in search_sql
    matching = "SELECT id FROM wagtailsearch_indexentry WHERE (title || body) @@ to_tsquery('water')"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {matching}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert search_compat.DOCUMENT_INDEX in plan, plan


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("block", "switch"),
    [("checking_each_listed_page", "enable_bitmapscan"), ("looking_words_up_in_the_index", "enable_indexscan")],
)
def test_the_planner_switches_hold_within_their_block_and_only_there(block, switch):
    """search.compat's planner blocks: a search among listed pages checks their entries one by one (no bitmap
    scans); whether a word is used anywhere is looked up in the text index (no ordered walk of the pages)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: apt-get install -y postgresql, then bash tools/start_postgres.sh and "
            "DATABASE_URL=postgres://cms:cms@127.0.0.1:5432/cms make test"
        )

    def setting():
        with connection.cursor() as cursor:
            cursor.execute(f"SHOW {switch}")
            return cursor.fetchone()[0]

    with getattr(search_compat, block)():
        assert setting() == "off"
    assert setting() == "on"
    with pytest.raises(ZeroDivisionError), getattr(search_compat, block)():
        raise ZeroDivisionError("a failed search")
    assert setting() == "on"


@pytest.mark.django_db
@pytest.mark.parametrize("by_relevance", [True, False])
def test_a_database_search_gives_its_values_without_its_objects(by_relevance):
    """search.compat.matching_values reads the search's own queryset (on SQLite and PostgreSQL alike)."""
    search = Page.objects.live().search("water", order_by_relevance=by_relevance, backend=database_backend())
    pages = [(page.pk, page.title) for page in search[:5]]
    assert len(pages) > 1
    assert search_compat.matching_values(search[:5], "pk", "title") == pages
