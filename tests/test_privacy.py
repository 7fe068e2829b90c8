"""What a stranger may see (home.visibility), asked by the reader pages: restricted pages, drafts, unpublished
snippets and private files never show on a public page, in a link, in a listing or in the search index. The
findings of issue 21, one test each (the caching findings are in test_response_cache.py)."""

from wagtail.models import Locale, PageViewRestriction

import pytest

from home.text import page_body_text
from news.models import NewsArticlePage, NewsIndexPage
from resources.models import Organization, ProgramOrganization, ProgramPage, SuccessStoryPage, Topic
from resources.snippets import PageTopic
from search import service

from .factories import make_document, make_image, private_collection, publish_article, rich_article
from .helpers import get_html

pytestmark = pytest.mark.django_db


def english(model):
    return model.objects.filter(locale__language_code="en").first()


def restrict(page, kind="password"):
    extra = {"password": "secret"} if kind == "password" else {}
    PageViewRestriction.objects.create(page=page, restriction_type=kind, **extra)


@pytest.mark.parametrize("kind", ["password", "login"])
def test_a_restricted_page_is_not_featured_on_the_home_page(client, kind):
    home = english(SuccessStoryPage).get_parent().get_parent().specific
    story = english(SuccessStoryPage)
    home.featured_pages.create(page=story)
    home.save_revision().publish()
    assert story.title in get_html(client, home.url).get_text()

    restrict(story, kind)
    for _twice in range(2):  # built, then from the response cache
        html = get_html(client, home.url)
        assert story.title not in html.get_text()
        assert story.url not in str(html)


def test_a_restricted_program_is_not_linked_from_its_news(client):
    program = english(ProgramPage)
    article = NewsArticlePage.objects.filter(related_program=program).first()
    assert program.url in str(get_html(client, article.url))
    restrict(program)
    assert program.url not in str(get_html(client, article.url))


def test_a_restricted_section_leaves_the_menu(client):
    article = english(NewsArticlePage)
    resources = english(SuccessStoryPage).get_parent()
    assert resources.url in [a["href"] for a in get_html(client, article.url).select(".menu a")]
    restrict(resources, "login")
    assert resources.url not in [a["href"] for a in get_html(client, article.url).select(".menu a")]


def test_private_images_and_documents_are_not_shown_or_linked_on_pages(client):
    collection = private_collection()
    image, document = make_image("Secret photo", collection), make_document("Secret deck", collection)
    index = NewsIndexPage.objects.get(locale__language_code="en")
    article = rich_article(index, 7, image, document, english(ProgramPage))
    html = str(get_html(client, article.url))
    assert "secret-photo" not in html and "Secret photo" not in html
    assert document.url not in html and "secret-deck" not in html
    assert "Volunteers at work" not in html  # the caption goes with its image
    assert "Volunteers at work" not in page_body_text(article)  # nor searchable, quoted in snippets, described
    listing = str(get_html(client, index.url))
    assert article.title in listing and "secret-photo" not in listing

    public_image = make_image("Open photo")
    article.lead_image = public_image
    article.save_revision().publish()
    assert "open-photo" in str(get_html(client, article.url))


def test_rich_text_links_only_to_pages_and_documents_readers_may_see(client):
    draft = publish_article("Not yet announced", publish=False)
    restricted = english(SuccessStoryPage)
    restrict(restricted)
    document = make_document("Board minutes", private_collection())
    article = publish_article("Linking story")
    article.body = [
        (
            "paragraph",
            f'<p><a linktype="page" id="{draft.pk}">the draft</a>, <a linktype="page" id="{restricted.pk}">the '
            f'restricted</a> and <a linktype="document" id="{document.pk}">the minutes</a>.</p>',
        )
    ]
    article.save_revision().publish()
    paragraph = get_html(client, article.url).select_one(".rich-text")
    assert paragraph.get_text(" ", strip=True).startswith("the draft , the restricted and the minutes")
    assert [a.get("href") for a in paragraph.find_all("a")] == [None, None, None]
    assert draft.slug not in str(paragraph) and restricted.url not in str(paragraph)


def unpublished_translation(snippet, name):
    translation = snippet.copy_for_translation(Locale.objects.get(language_code="zh-hans"))
    translation.name, translation.live = name, False
    translation.save()
    return translation


def test_unpublished_snippet_translations_are_neither_shown_nor_searchable(client):
    article = english(NewsArticlePage)
    topic = article.topic_links.first().topic
    Topic.objects.filter(translation_key=topic.translation_key).exclude(pk=topic.pk).delete()
    unpublished_translation(topic, "秘密主题")
    chinese = article.get_translation(Locale.objects.get(language_code="zh-hans"))
    chinese.save_revision().publish()  # indexed again, with its topics' names in Chinese
    html = get_html(client, chinese.url).get_text()
    assert "秘密主题" not in html and topic.name in html
    assert "秘密主题" not in chinese.specific.search_body()
    found = client.get("/api/v2/search/", {"q": "秘密主题", "locale": "zh-hans"}).json()
    assert found["meta"]["total_count"] == 0


def test_never_published_topics_and_organisations_are_not_shown(client):
    article = english(NewsArticlePage)
    hidden_topic = Topic.objects.create(name="Hidden theme", slug="hidden-theme", live=False)
    PageTopic.objects.create(page=article, topic=hidden_topic)
    article.save_revision().publish()
    program = english(ProgramPage)
    hidden = Organization.objects.create(name="Unannounced Donor", live=False)
    ProgramOrganization.objects.create(program=program, organization=hidden, role="donor")
    program.save_revision().publish()

    for page in (article, article.get_parent(), program):
        text = get_html(client, page.url).get_text()
        assert "Hidden theme" not in text and "Unannounced Donor" not in text
    assert "Hidden theme" not in get_html(client, "/en/search/?q=water").get_text()
    assert "Unannounced" not in english(ProgramPage).search_body()


@pytest.mark.parametrize(
    "url_name", ["wagtail_localize:convert_to_alias", "wagtail_localize:stop_translation", "wagtailimages:edit"]
)
def test_guarded_admin_views_send_strangers_to_the_login_page_before_any_lookup(client, url_name):
    from django.urls import reverse

    existing = publish_article("Quiet draft", publish=False)
    answers = [client.get(reverse(url_name, args=[pk])) for pk in (existing.pk, 999999)]
    assert [answer.status_code for answer in answers] == [302, 302]
    assert all(answer["Location"].startswith("/admin/login/?next=") for answer in answers)


def test_files_reach_strangers_only_through_checked_views(client):
    secret = make_image("Secret plan", private_collection())
    secret_rendition = secret.get_rendition("max-165x165")  # as the admin makes for its listing
    public = make_image("Open plan")
    public_rendition = public.get_rendition("max-165x165")
    secret_document = make_document("Secret memo", secret.collection)
    public_document = make_document("Open memo")

    for url in (secret.file.url, secret_rendition.url, secret_document.file.url, public_document.file.url):
        assert client.get(url).status_code == 404, url
    assert client.get("/media/no/such/file.jpg").status_code == 404
    for url in (public.file.url, public_rendition.url):
        response = client.get(url)
        assert response.status_code == 200 and set(response["Cache-Control"].split(", ")) == {"public", "max-age=60"}
        assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert client.get(public_document.url).status_code == 200
    asked = client.get(secret_document.url)  # Wagtail's password form, not the file
    assert "Content-Disposition" not in asked and b"password" in asked.content.lower()

    public.collection = secret.collection
    public.save()
    assert client.get(public_rendition.url).status_code == 404


def test_behind_nginx_the_checked_views_hand_the_bytes_to_it(client, settings):
    from wagtail.utils.sendfile import _get_sendfile

    settings.MEDIA_ACCEL_REDIRECT, settings.SENDFILE_BACKEND = "/internal-media/", "delivery.files"
    _get_sendfile.clear()
    try:
        public, document = make_image("Open plan"), make_document("Open memo")
        secret = make_image("Secret plan", private_collection())
        rendition = public.get_rendition("max-165x165")
        assert client.get(rendition.url)["X-Accel-Redirect"] == f"/internal-media/{rendition.file.name}"
        assert client.get(document.url)["X-Accel-Redirect"] == f"/internal-media/{document.file.name}"
        assert client.get(secret.file.url).status_code == 404
    finally:
        _get_sendfile.clear()


def test_an_unpublished_topic_is_no_search_facet(client, backend):
    article = english(NewsArticlePage)
    hidden = Topic.objects.create(name="Hidden theme", slug="hidden-theme", live=True)
    PageTopic.objects.create(page=article, topic=hidden)
    article.save_revision().publish()
    if backend == "elasticsearch":
        service.apply_updates([article.pk])  # indexed while the topic was public
    hidden.unpublish()
    word = article.title.split()[0]
    page = str(get_html(client, f"/en/search/?q={word}"))
    facets = client.get("/api/v2/search/", {"q": word, "locale": "en"}).json()["facets"]["topic"]
    assert "hidden-theme" not in page and "hidden-theme" not in {facet["value"] for facet in facets}
    assert facets  # the article's other topics are still there
