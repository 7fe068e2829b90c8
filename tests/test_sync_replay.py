"""The sync endpoint keeps an app exactly in step with the public site, in each language, whatever happens: Hypothesis
drives random sequences of publishes, new revisions, drafts, unpublishes, deletes, moves, view restrictions,
translations and image and document changes, with apps syncing (in small pages) after random steps; after every
sync, the app's copy must equal what the listing endpoints serve at that moment. SYNC_REPLAY_EXAMPLES runs more."""

import datetime
import os

from django.core.cache import caches
from django.db import transaction
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from news.models import NewsArticlePage, NewsIndexPage

from .engine_index import unindexed
from .factories import make_document, make_image, private_collection
from .helpers import SyncedApp, add_archive_sections, pick, public_set, replay, synced_set, toggle_view_restriction

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]
DATE = datetime.date(2011, 11, 1)
SCOPES = [*LANGUAGES, None]
titles = st.text(alphabet="abcdefgh 水节能", min_size=1, max_size=12).map(str.strip).filter(bool)
picks = st.integers(min_value=0, max_value=1000)


class SiteAndApps(RuleBasedStateMachine):
    """The demo site plus an archive section in each language, and an app per language (and one for all)."""

    client = None

    @initialize()
    def set_up(self):
        self.transaction = transaction.atomic()
        self.transaction.__enter__()
        for cache in caches.all():
            cache.clear()
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        add_archive_sections(self.locales)
        self.private = private_collection()
        self.apps = {scope: self.new_app(scope) for scope in SCOPES}
        self.created = 0

    def new_app(self, scope):
        """An app after its initial sync (in large pages: the demo site is the same each time), then syncing in
        pages of three, so that deltas span pages."""
        app = SyncedApp(self.client, scope, limit=100)
        self.sync_and_compare(app)
        app.limit = 3
        return app

    def teardown(self):
        if hasattr(self, "transaction"):
            transaction.set_rollback(True)
            self.transaction.__exit__(None, None, None)

    def sync_and_compare(self, app):
        app.sync()
        assert synced_set(app) == public_set(self.client, app.locale)

    def articles(self):
        return NewsArticlePage.objects.all()

    def next_slug(self, title):
        self.created += 1
        return f"{slugify(title, allow_unicode=True) or 'article'}-{self.created}"

    @rule(language=st.sampled_from(LANGUAGES), index=picks, title=titles, publish=st.booleans())
    def add_article(self, language, index, title, publish):
        section = pick(NewsIndexPage.objects.filter(locale=self.locales[language]), index)
        article = NewsArticlePage(
            title=title, slug=self.next_slug(title), date=DATE, body=[("paragraph", "<p>Text</p>")]
        )
        section.add_child(instance=article)
        revision = article.save_revision()
        if publish:
            revision.publish()

    @rule(index=picks, title=titles, publish=st.booleans())
    def edit(self, index, title, publish):
        article = pick(self.articles(), index)
        article.title = title
        revision = article.save_revision()
        if publish:
            revision.publish()

    @rule(index=picks)
    def unpublish(self, index):
        article = pick(self.articles().live(), index)
        if article is not None:
            article.unpublish()

    @rule(index=picks)
    def delete(self, index):
        article = pick(self.articles(), index)
        if article is not None:
            article.delete()

    @rule(index=picks, section=picks)
    def move(self, index, section):
        article = pick(self.articles(), index)
        if article is not None:
            target = pick(
                NewsIndexPage.objects.filter(locale=article.locale).exclude(pk=article.get_parent().pk), section
            )
            if target is not None:
                article.move(target, "last-child")

    @rule(language=st.sampled_from(LANGUAGES), kind=st.sampled_from(["password", "login"]))
    def restrict_or_open_the_archive(self, language, kind):
        toggle_view_restriction(NewsIndexPage.objects.get(slug="archive", locale=self.locales[language]), kind)

    @rule(index=picks, publish=st.booleans())
    def translate(self, index, publish):
        english = self.articles().filter(locale=self.locales["en"])
        chinese = self.articles().filter(locale=self.locales["zh-hans"])
        untranslated = english.exclude(translation_key__in=chinese.values("translation_key"))
        article = pick(untranslated, index)
        if article is not None:
            revision = article.copy_for_translation(self.locales["zh-hans"]).save_revision()
            if publish:
                revision.publish()

    @rule(kind=st.sampled_from(["image", "document"]), title=titles, private=st.booleans())
    def add_file(self, kind, title, private):
        collection = self.private if private else None
        self.created += 1
        if kind == "image":
            make_image(f"{title} {self.created}", collection, size=(160, 90))
        else:
            make_document(f"{title} {self.created}", collection)

    @rule(
        kind=st.sampled_from(["image", "document"]),
        index=picks,
        change=st.sampled_from(["title", "collection", "delete"]),
        title=titles,
    )
    def change_file(self, kind, index, change, title):
        model = get_image_model() if kind == "image" else get_document_model()
        item = pick(model.objects.all(), index)
        if item is None:
            return
        if change == "delete":
            item.delete()
            return
        if change == "title":
            item.title = title
        else:
            root = Collection.get_first_root_node()
            item.collection = root if item.collection_id == self.private.pk else self.private
        item.save()

    @rule(scope=st.sampled_from(SCOPES))
    def sync(self, scope):
        self.sync_and_compare(self.apps[scope])

    @precondition(lambda self: self.created)
    @rule(scope=st.sampled_from(SCOPES))
    def a_new_app_joins(self, scope):
        self.apps[scope] = self.new_app(scope)


@pytest.mark.slow
def test_every_app_stays_in_step_with_the_public_site(client):
    SiteAndApps.client = client
    examples = int(os.environ.get("SYNC_REPLAY_EXAMPLES", "30"))
    with unindexed():  # what the apps are told is under test here, not search (the privacy replay asks search)
        replay(SiteAndApps, examples=examples, steps=25, randomize=bool(os.environ.get("SYNC_REPLAY_EXAMPLES")))
