"""Nothing hidden reaches a stranger, whatever happens: Hypothesis drives random drafts, new revisions, publishes and
unpublishes, view restrictions (login, password, groups) on articles and sections, private collections, unpublished
translations of pages and of topics, featured pages, rich-text links, and images and documents placed on pages.

Every page, topic, image and document the machine makes carries markers (in its title, slug or file name). After
each step an oracle written here, apart from home.visibility, says which markers a stranger may see; every reader
surface is then asked as a stranger (see `surfaces`), directly and through nginx as deployed: directly, no hidden
marker may appear anywhere and every visible page must be listed, shown and in the sitemap; through the proxy,
which may keep a public answer for its max-age, no marker that was never public may ever appear.
PRIVACY_REPLAY_EXAMPLES runs more examples (PRIVACY_REPLAY_RANDOM: random ones; PRIVACY_REPLAY_NO_SHRINK: a failure
reported as found, for checking that the test catches a guard removed on purpose)."""

import datetime
import os

from django.core.cache import caches
from django.db import transaction
from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage
from resources.snippets import PageTopic, Topic
from search import service

from .factories import make_document, make_image, private_collection
from .helpers import add_archive_sections, pick, replay, toggle_view_restriction
from .privacy_surfaces import client_getter, surfaces
from .proxy import caching_proxy  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]
RESTRICTIONS = ["login", "password", "groups"]
picks = st.integers(min_value=0, max_value=1000)


def restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def private_collections():
    private = set()
    for collection in Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection")):
        private.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return private


class StrangersView(RuleBasedStateMachine):
    """The demo site plus an archive section in each language, where the machine's articles live. Each sequence
    starts with one of every hidden thing: a public and a private image and document, a draft, an article showing
    all four files and linking to the draft, a featured article under a view restriction, a topic not yet
    published with an unpublished translation, and an unpublished Chinese translation."""

    client = proxy = None

    @initialize()
    def set_up(self):
        self.transaction = transaction.atomic()
        self.transaction.__enter__()
        self.first_new_page = Page.objects.order_by("-pk").values_list("pk", flat=True).first() + 1
        for cache in caches.all():
            cache.clear()
        self.proxy.restart()  # with an empty cache
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        self.archive = add_archive_sections(self.locales)
        self.private = private_collection()
        self.numbered, self.ever_public, self.sync_token = 0, set(), None
        self.markers = set()
        for kind in ("image", "document"):
            self.add_file(kind, private=False)
            self.add_file(kind, private=True)
        self.add_article(image=1, document=1, link=0)
        draft = self.machine_pages().get()
        draft.unpublish()
        self.add_article(image=1, document=1, link=0)
        self.link(index=1, linked_index=0)
        self.file_under_a_new_topic(live=False, translated=True, index=1)
        self.translate(index=1, publish=False)
        self.add_article(image=0, document=0, link=1)
        self.restrict_or_open(index=3, section=False, kind="groups")  # by id: the Chinese translation is third
        self.feature(index=3)

    def teardown(self):
        if hasattr(self, "transaction"):
            changed = Page.objects.filter(Q(pk__gte=self.first_new_page) | Q(depth=2))  # new pages and home pages
            changed = list(changed.values_list("pk", flat=True))
            transaction.set_rollback(True)
            self.transaction.__exit__(None, None, None)
            if service.engine_configured():  # the engine's index is not rolled back: the next sequence starts clean
                service.apply_updates(changed)

    def marker(self, kind):
        """A new marker: lower case, so that it survives slugs and file names; no marker contains another."""
        self.numbered += 1
        marker = f"{kind}{self.numbered:03d}q"
        self.markers.add(marker)
        return marker

    def machine_pages(self):
        sections = NewsIndexPage.objects.filter(slug="archive")
        return NewsArticlePage.objects.filter(Q(*[Q(path__startswith=s.path) for s in sections], _connector=Q.OR))

    def files(self, model):
        """The machine's images or documents (their titles are markers)."""
        return model.objects.filter(title__in=self.markers).order_by("pk")

    def publish(self, page):
        page.save_revision().publish()

    # -- rules -----------------------------------------------------------------------------------------------

    @rule(image=picks, document=picks, link=picks)
    def add_article(self, image, document, link):
        title, slug = self.marker("title"), self.marker("slug")
        linked = pick(self.machine_pages(), link)
        text = f'<a linktype="page" id="{linked.pk}">a related one</a>' if linked else "more soon"
        body = [("paragraph", f"<p>A story from the harbour, and {text}.</p>")]
        picture = pick(self.files(get_image_model()), image)
        if picture:
            body.append(("image", {"image": picture, "alt_text": "", "caption": ""}))
        attachment = pick(self.files(get_document_model()), document)
        if attachment:
            body.append(("document", {"document": attachment, "title": "The deck"}))
        article = NewsArticlePage(
            title=f"Harbour {title}", slug=slug, date=datetime.date(2012, 5, 1), body=body, lead_image=picture
        )
        self.archive.add_child(instance=article)
        self.publish(article)

    @rule(index=picks, publish=st.booleans())
    def new_revision(self, index, publish):
        article = pick(self.machine_pages(), index)
        if article is not None:
            article.title = f"Harbour {self.marker('draft')}"
            revision = article.save_revision()
            if publish:
                revision.publish()

    @rule(index=picks)
    def unpublish(self, index):
        article = pick(self.machine_pages().live(), index)
        if article is not None:
            article.unpublish()

    @rule(index=picks)
    def publish_latest(self, index):
        article = pick(self.machine_pages(), index)
        if article is not None:
            article.get_latest_revision().publish()

    @rule(index=picks, section=st.booleans(), kind=st.sampled_from(RESTRICTIONS))
    def restrict_or_open(self, index, section, kind):
        pages = NewsIndexPage.objects.filter(slug="archive") if section else self.machine_pages()
        page = pick(pages, index)
        if page is not None:
            toggle_view_restriction(page, kind)

    @rule(index=picks, publish=st.booleans())
    def translate(self, index, publish):
        english = self.machine_pages().filter(locale=self.locales["en"])
        chinese = self.machine_pages().filter(locale=self.locales["zh-hans"])
        article = pick(english.exclude(translation_key__in=chinese.values("translation_key")), index)
        if article is not None:
            translation = article.copy_for_translation(self.locales["zh-hans"])
            translation.title = f"港口 {self.marker('chinese')}"
            revision = translation.save_revision()
            if publish:
                revision.publish()

    @rule(kind=st.sampled_from(["image", "document"]), private=st.booleans())
    def add_file(self, kind, private):
        collection = self.private if private else None
        if kind == "image":
            make_image(self.marker("image"), collection, size=(160, 90))
        else:
            make_document(self.marker("document"), collection)

    @rule(kind=st.sampled_from(["image", "document"]), index=picks)
    def move_file(self, kind, index):
        item = pick(self.files(get_image_model() if kind == "image" else get_document_model()), index)
        if item is not None:
            root = Collection.get_first_root_node()
            item.collection = root if item.collection_id == self.private.pk else self.private
            item.save()

    @rule()
    def open_or_close_the_private_collection(self):
        restrictions = CollectionViewRestriction.objects.filter(collection=self.private)
        if restrictions.exists():
            restrictions.delete()
        else:
            CollectionViewRestriction.objects.create(collection=self.private, restriction_type="login")

    @rule(index=picks)
    def feature(self, index):
        article = pick(self.machine_pages(), index)
        if article is not None:
            home = HomePage.objects.get(locale=self.locales["en"])
            home.featured_pages.create(page=article)
            self.publish(home)

    @rule(index=picks, linked_index=picks)
    def link(self, index, linked_index):
        article, linked = pick(self.machine_pages(), index), pick(self.machine_pages(), linked_index)
        if article is not None and linked is not None:
            article.body.append(("paragraph", f'<p>See <a linktype="page" id="{linked.pk}">this</a>.</p>'))
            self.publish(article)

    @rule(live=st.booleans(), translated=st.booleans(), index=picks)
    def file_under_a_new_topic(self, live, translated, index):
        topic = Topic.objects.create(name=self.marker("topic"), slug=self.marker("topicslug"), live=live)
        if translated:
            translation = topic.copy_for_translation(self.locales["zh-hans"])
            translation.name, translation.live = self.marker("thema"), False
            translation.save()
        chosen = pick(self.machine_pages().filter(locale=self.locales["en"]), index)
        for article in self.machine_pages().filter(translation_key=getattr(chosen, "translation_key", None)):
            PageTopic.objects.create(page=article, topic=topic)
            if article.live:
                self.publish(article)

    @rule(index=picks)
    def publish_a_topic(self, index):
        topic = pick(Topic.objects.filter(live=False), index)
        if topic is not None:
            topic.live = True
            topic.save()

    # -- what a stranger may see, by the oracle -----------------------------------------------------------

    def visible_texts(self):
        restricted, private = restricted_paths(), private_collections()
        texts = []
        for page in self.machine_pages().filter(live=True):
            if not any(page.path.startswith(path) for path in restricted):
                texts += [page.title, page.slug]
        for model in (get_image_model(), get_document_model()):
            for item in self.files(model).exclude(collection_id__in=private):
                texts += [item.title, item.file.name]
        texts += Topic.objects.filter(live=True).values_list("name", flat=True)
        texts += Topic.objects.filter(live=True).values_list("slug", flat=True)
        return " ".join(texts)

    def visible_pages(self):
        restricted = restricted_paths()
        return [p for p in self.machine_pages().live() if not any(p.path.startswith(r) for r in restricted)]

    @invariant()
    def strangers_see_exactly_what_they_may(self):
        if not hasattr(self, "archive"):
            return
        seen = self.visible_texts()
        visible = {marker for marker in self.markers if marker in seen}
        hidden = self.markers - visible
        self.ever_public |= visible
        pages = list(self.machine_pages().order_by("pk"))
        files = [self.files(get_image_model()), self.files(get_document_model())]
        answers, self.sync_token = surfaces(client_getter(self.client), pages, *files, token=self.sync_token)
        for url, body in answers.items():
            leaked = [marker for marker in hidden if marker in body]
            assert not leaked, f"{url} shows hidden {leaked}"
        for page in self.visible_pages():
            assert page.title in answers[page.url] and page.slug in answers["/sitemap.xml"], page.url
            assert page.title in answers["/api/v2/pages/?limit=100"], page.title
        never_public = self.markers - self.ever_public
        proxied, _token = surfaces(self.proxy.get, pages, *files)
        for url, body in proxied.items():
            leaked = [marker for marker in never_public if marker in body]
            assert not leaked, f"through the proxy, {url} shows never public {leaked}"


@pytest.mark.slow
def test_strangers_never_see_what_is_hidden(client, caching_proxy):  # noqa: F811
    StrangersView.client, StrangersView.proxy = client, caching_proxy
    if service.engine_configured():
        service.rebuild()  # an index of this test's pages only
    examples = int(os.environ.get("PRIVACY_REPLAY_EXAMPLES", "2"))
    replay(
        StrangersView,
        examples=examples,
        steps=15,
        randomize=bool(os.environ.get("PRIVACY_REPLAY_RANDOM")),
        shrink=not os.environ.get("PRIVACY_REPLAY_NO_SHRINK"),
    )
