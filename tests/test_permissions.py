"""The permissions matrix in the README, walked cell by cell over HTTP as a user of each role.

Each action is done the way a browser or a script would do it (GET and POST of the admin URLs, not only looking for
buttons); its effect is then read from the database. A refused action must also leave the public site as it was.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

import polib
import pytest
from bs4 import BeautifulSoup

from glossary.models import GlossaryTerm
from news.models import NewsArticlePage, NewsIndexPage
from resources.models import Topic

from .factories import make_staff, publish_article
from .permission_batches import BATCH_ACTIONS

pytestmark = pytest.mark.django_db

ROLES = {
    "Editors": "editor",
    "Simplified Chinese translators": "translator",
    "Simplified Chinese reviewers": "reviewer",
}
ROLES |= {"Moderators": "moderator", "No group": "nogroup"}
TREES = {"English": "en", "Chinese": "zh-hans", "–": "en"}


def read_matrix():
    """(action, tree, role, allowed) for every cell of the README's permissions table."""
    text = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- permissions-matrix -->\n(.+?)<!-- /permissions-matrix -->", text, re.DOTALL).group(1)
    header, _rule, *rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()]
    return [
        (action, tree, role, answer == "yes")
        for action, tree, *answers in rows
        for role, answer in zip(header[2:], answers, strict=True)
    ]


@dataclass
class Targets:
    """What the actions act on, in one language: a news article, the newsroom above it, a topic and a glossary
    term."""

    language: str

    def __post_init__(self):
        self.article = NewsArticlePage.objects.get(
            locale__language_code=self.language, slug__startswith="successful-community"
        )
        self.newsroom = NewsIndexPage.objects.get(locale__language_code=self.language, slug="news")
        self.topic = Topic.objects.get(locale__language_code=self.language, slug="low-carbon")
        english_term = GlossaryTerm.objects.get(locale__language_code="en", term="Water Conservation")
        self.glossary_term = english_term.get_translation(Locale.objects.get(language_code=self.language))

    def translation(self, instance=None):
        instance = instance or self.article
        return Translation.objects.get(
            source__object_id=instance.translation_key, target_locale__language_code=self.language
        )


def form_round_trip(client, url, **changes):
    """Loads an admin form, changes some fields and posts it back, as a browser would."""
    response = client.get(url)
    if response.status_code != 200:
        return response
    soup = BeautifulSoup(response.content, "html.parser")
    form = next(
        form
        for form in soup.find_all("form")
        if form.find(attrs={"name": "title"}) or form.find(id="id_name") or form.find(id="id_term")
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name, kind = field.get("name"), field.get("type")
        if not name or kind in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            option = field.find("option", selected=True)
            data[name] = option.get("value") if option else ""
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return client.post(url, {**data, **changes})


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def put_string(client, translation, text):
    """Saves one string of a translation through wagtail-localize's editor API, as the side-by-side editor does."""
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    client.put(url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded")
    return StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale, data=text
    ).exists()


# -- the actions: each does one thing as the logged-in client and says whether it took effect -----------------------


def view_in_admin(client, user, targets):
    return client.get(edit_url(targets.article)).status_code == 200


def save_draft(client, user, targets):
    if targets.language != "en":
        return put_string(client, targets.translation(), "草稿译文")
    form_round_trip(client, edit_url(targets.newsroom), title="Newsroom draft")
    targets.newsroom.refresh_from_db()
    return targets.newsroom.draft_title == "Newsroom draft" and targets.newsroom.title != "Newsroom draft"


def submit(client, user, targets):
    if targets.language == "en":
        article = publish_article("Rain gardens in Kunming", slug="rain-gardens")
        chinese = Locale.objects.get(language_code="zh-hans")
        client.post(reverse("wagtail_localize:submit_page_translation", args=[article.pk]), {"locales": [chinese.pk]})
        return article.has_translation(chinese)
    client.post(reverse("translation_submit_for_review", args=[targets.translation().pk]))
    return targets.article.workflow_in_progress


def approve(client, user, targets):
    submitter = Client()
    submitter.force_login(make_staff("admin"))
    page = targets.article
    submitter.post(reverse("translation_submit_for_review", args=[targets.translation().pk]))
    assert NewsArticlePage.objects.get(pk=page.pk).workflow_in_progress
    client.post(reverse("translation_review_action", args=[targets.translation().pk, "approve"]))
    return not NewsArticlePage.objects.get(pk=page.pk).workflow_in_progress


def publish(client, user, targets):
    if targets.language == "en":
        form_round_trip(client, edit_url(targets.newsroom), title="Newsroom", **{"action-publish": "action-publish"})
        return NewsIndexPage.objects.get(pk=targets.newsroom.pk).title == "Newsroom"
    before = targets.article.live_revision_id
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes when the request commits
        client.post(edit_url(targets.article), {"action": "publish"})
    return NewsArticlePage.objects.get(pk=targets.article.pk).live_revision_id != before


def unpublish(client, user, targets):
    client.post(reverse("wagtailadmin_pages:unpublish", args=[targets.article.pk]))
    return not Page.objects.get(pk=targets.article.pk).live


def delete(client, user, targets):
    client.post(reverse("wagtailadmin_pages:delete", args=[targets.article.pk]))
    return not Page.objects.filter(pk=targets.article.pk).exists()


def move(client, user, targets):
    archive = NewsIndexPage(title="Archive", slug="archive", locale=targets.newsroom.locale)
    targets.newsroom.get_parent().add_child(instance=archive)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[targets.article.pk, archive.pk]))
    return Page.objects.get(pk=targets.article.pk).get_parent().pk == archive.pk


def copy(client, user, targets):
    client.post(
        reverse("wagtailadmin_pages:copy", args=[targets.article.pk]),
        {"new_title": "A copy", "new_slug": "a-copy", "new_parent_page": targets.newsroom.pk},
    )
    return Page.objects.filter(slug="a-copy").exists()


def convert_to_alias(client, user, targets):
    client.post(reverse("wagtail_localize:convert_to_alias", args=[targets.article.pk]))
    return Page.objects.get(pk=targets.article.pk).alias_of_id is not None


def stop_sync(client, user, targets):
    translation = targets.translation()
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    translation.refresh_from_db()
    return not translation.enabled


def restart_sync(client, user, targets):
    translation = targets.translation()
    Translation.objects.filter(pk=translation.pk).update(enabled=False)
    client.post(edit_url(targets.article), {"localize-restart-translation": "Start Synced translation"})
    translation.refresh_from_db()
    return translation.enabled


def sync_translations(client, user, targets):
    source = TranslationSource.objects.get_for_instance(targets.article)
    before = source.last_updated_at
    client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
    source.refresh_from_db()
    return source.last_updated_at != before


def download_po(client, user, targets):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[targets.translation().pk]))
    return response.status_code == 200 and b"msgid" in response.content


def upload_po(client, user, targets):
    translation = targets.translation()
    po = polib.pofile(translation.export_po().__unicode__())
    entry = next(entry for entry in po if entry.msgstr)
    entry.msgstr = "离线修改的译文"
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("zh.po", str(po).encode()), "next": "/admin/"},
    )
    return StringTranslation.objects.filter(locale=translation.target_locale, data="离线修改的译文").exists()


def machine_translate(client, user, targets):
    translation = targets.translation()
    StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_of__segments__source=translation.source,
        context__object_id=translation.source.object_id,
    ).delete()
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"})
    return StringTranslation.objects.filter(locale=translation.target_locale, tool_name__gt="").exists()


def snippet_edit(target, field, english, chinese):
    """Edits the target snippet: the English one in its admin form (saving a draft), the Chinese one side by side."""

    def act(client, user, targets):
        snippet = getattr(targets, target)
        if targets.language != "en":
            return put_string(client, targets.translation(snippet), chinese)
        form_round_trip(
            client, reverse(snippet.snippet_viewset.get_url_name("edit"), args=[snippet.pk]), **{field: english}
        )
        return type(snippet).objects.get(pk=snippet.pk).get_latest_revision().content[field] == english

    return act


def own_upload(model, user):
    """A file this user uploaded: Wagtail lets uploaders edit their own files unless something says otherwise."""
    item = model.objects.order_by("pk").first()
    model.objects.filter(pk=item.pk).update(uploaded_by_user=user)
    return item


def media_action(model, url_prefix, action):
    def act(client, user, targets):
        item = own_upload(model, user)
        url = reverse(f"{url_prefix}:{action}", args=[item.pk])
        if action == "delete":
            client.post(url)
            return not model.objects.filter(pk=item.pk).exists()
        form_round_trip(client, url, title="Renamed upload")
        return model.objects.get(pk=item.pk).title == "Renamed upload"

    return act


def read_search_report(client, user, targets):
    return client.get(reverse("search_report")).status_code == 200


def add_search_synonym(client, user, targets):
    """The Searches report's fix: English terms take a revision, Chinese ones the translator's text of synonyms."""
    term = targets.glossary_term
    url = reverse("search_fix_synonym") + f"?language={targets.language}"
    client.post(url, {"query": "rainwater tanks", "term": term.pk})
    if targets.language == "en":
        return "rainwater tanks" in GlossaryTerm.objects.get(pk=term.pk).get_latest_revision().content["synonyms"]
    return StringTranslation.objects.filter(locale=term.locale, data__contains="rainwater tanks").exists()


def promote_for_search(client, user, targets):
    client.post(reverse("search_fix_promotion"), {"query": "rainwater tanks", "page": targets.article.pk})
    return SearchPromotion.objects.filter(page=targets.article).exists()


ACTIONS = {
    "view in the admin": view_in_admin,
    "edit and save a draft": save_draft,
    "submit (for translation / for review)": submit,
    "approve a translation": approve,
    "publish": publish,
    "unpublish": unpublish,
    "delete": delete,
    "move": move,
    "copy": copy,
    "convert to alias": convert_to_alias,
    "stop sync": stop_sync,
    "restart sync": restart_sync,
    "sync translations": sync_translations,
    "download PO file": download_po,
    "upload PO file": upload_po,
    "machine translate": machine_translate,
    "edit a snippet": snippet_edit("topic", "name", "Low Carbon (draft)", "低碳（修改）"),
    "edit a glossary term": snippet_edit("glossary_term", "term", "Water Conservation (draft)", "节约用水（修改）"),
    "edit an image (even one's own upload)": media_action(get_image_model(), "wagtailimages", "edit"),
    "delete an image (even one's own upload)": media_action(get_image_model(), "wagtailimages", "delete"),
    "edit a document (even one's own upload)": media_action(get_document_model(), "wagtaildocs", "edit"),
    "delete a document (even one's own upload)": media_action(get_document_model(), "wagtaildocs", "delete"),
    "read the search report": read_search_report,
    "add a search as a glossary synonym": add_search_synonym,
    "promote a page for a search": promote_for_search,
    **BATCH_ACTIONS,
}

MATRIX = read_matrix()


def public_site(client):
    """What readers see of the pages the actions touch, in both languages."""
    pages = [page for targets in map(Targets, ("en", "zh-hans")) for page in (targets.article, targets.newsroom)]
    seen = {}
    for page in pages:
        response = client.get(page.url)
        seen[page.url] = (response.status_code, BeautifulSoup(response.content, "html.parser").title.string)
    return seen


def test_every_action_of_the_matrix_is_walked():
    assert {action for action, *_cell in MATRIX} == set(ACTIONS)
    assert {role for _action, _tree, role, _allowed in MATRIX} == set(ROLES)
    assert len(MATRIX) == 46 * len(ROLES)


@pytest.mark.parametrize(
    ("action", "tree", "role", "allowed"),
    MATRIX,
    ids=[f"{action}|{tree}|{role}" for action, tree, role, _allowed in MATRIX],
)
def test_permissions_matrix(client, action, tree, role, allowed):
    user = make_staff(ROLES[role])
    targets = Targets(TREES[tree])
    reader = type(client)()
    before = public_site(reader)
    client.force_login(user)
    assert ACTIONS[action](client, user, targets) is allowed
    if not allowed:
        assert public_site(reader) == before


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete", "move"])
def test_bulk_actions_leave_a_translators_chinese_pages_alone(client, action):
    client.force_login(make_staff("translator"))
    article = Targets("zh-hans").article
    article.save_revision()  # something a bulk publish could push live
    before = Page.objects.filter(pk=article.pk).values("live", "path", "live_revision_id").get()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={article.pk}"
    client.post(url, {"move_applicable": "on", "chooser": Targets("zh-hans").newsroom.pk})
    assert Page.objects.filter(pk=article.pk).values("live", "path", "live_revision_id").get() == before


@pytest.mark.parametrize(
    ("model", "app_label"), [(get_image_model(), "wagtailimages"), (get_document_model(), "wagtaildocs")]
)
def test_bulk_deleting_media_takes_the_change_permission(client, model, app_label):
    user = make_staff("translator")
    client.force_login(user)
    item = own_upload(model, user)
    url = reverse("wagtail_bulk_action", args=[app_label, model._meta.model_name, "delete"]) + f"?id={item.pk}"
    assert client.post(url).status_code == 403
    assert model.objects.filter(pk=item.pk).exists()
