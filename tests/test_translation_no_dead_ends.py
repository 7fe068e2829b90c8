"""No dead ends (issue 29, finding 3): every admin link a role is shown leads somewhere that role may go, and a
refusal is a 403 page that says why and where to go instead."""

import re

from django.urls import reverse

from wagtail.models import Locale

import pytest

from .factories import publish_article
from .helpers import change_first_paragraph, chinese_translation, english_article, messages_of

pytestmark = pytest.mark.django_db

NO_PERMISSION = "Sorry, you do not have permission to access this area."
SKIPPED_LINKS = re.compile(r"/admin/(logout|login)/|/admin/jsi18n/|\.(js|css|svg|png)$")


def admin_links(html):
    return {link for link in re.findall(r'href="(/admin/[^"#]*)"', html) if not SKIPPED_LINKS.search(link)}


def assert_every_link_leads_somewhere(client, start_urls):
    seen = set()
    for start in start_urls:
        response = client.get(start)
        assert response.status_code == 200, start
        for link in admin_links(response.content.decode()) - seen:
            seen.add(link)
            answer = client.get(link.replace("&amp;", "&"))
            assert answer.status_code in (200, 302), f"{start} links to {link}: {answer.status_code}"
            refusals = [message for message in messages_of(answer) if NO_PERMISSION in message]
            assert not refusals, f"{start} links to {link}, which refuses"
    return seen


@pytest.mark.parametrize("role", ["translator", "reviewer", "editor"])
def test_every_link_a_role_is_shown_leads_somewhere_it_may_go(staff_client, role):
    article = english_article()
    change_first_paragraph(article, "<p>A paragraph changed in English.</p>")  # work for translators
    publish_article("Rain gardens in Kunming", slug="rain-gardens")  # never translated: in the status report
    client = staff_client(role)
    page = article if role == "editor" else chinese_translation(article)
    starts = ["/admin/", reverse("translation_status_report"), reverse("wagtailadmin_pages:edit", args=[page.pk])]
    assert len(assert_every_link_leads_somewhere(client, starts)) > 10


def test_an_editor_lands_on_the_english_page_after_submitting_it_for_translation(staff_client):
    editor = staff_client("editor")
    article = publish_article("Rain gardens in Kunming", slug="rain-gardens")
    chinese = Locale.objects.get(language_code="zh-hans")
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    response = editor.post(url, {"locales": [chinese.pk]}, follow=True)
    assert response.status_code == 200 and response.redirect_chain[-1][0] == f"/admin/pages/{article.pk}/edit/"
    assert any("successfully submitted for translation" in m for m in messages_of(response))


def test_the_translator_editor_links_the_english_to_the_published_page(staff_client):
    article = english_article()
    html = staff_client("translator").get(f"/admin/pages/{chinese_translation(article).pk}/edit/").content.decode()
    assert f'<a href="{article.url}">English</a>' in html
    assert f'href="/admin/pages/{article.pk}/edit/"' not in html


def test_a_typed_edit_url_the_role_may_not_use_answers_403_saying_why(staff_client):
    article = english_article()
    response = staff_client("translator").get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 403
    html = response.content.decode()
    assert f"You may not edit “{article.title}” (English)." in html
    assert f'href="/admin/pages/{chinese_translation(article).pk}/edit/"' in html  # its Chinese translation


def test_the_translators_dashboard_lists_their_work(staff_client):
    article = english_article()
    translator = staff_client("translator")
    assert "Nothing is waiting for a translator." in translator.get("/admin/").content.decode()
    change_first_paragraph(article, "<p>A paragraph changed in English.</p>")
    html = translator.get("/admin/").content.decode()
    assert "data-translation-work-item" in html and "1 string needs a translator (1 changed in English)" in html
    assert f'href="/admin/pages/{chinese_translation(article).pk}/edit/"' in html


def test_the_only_language_left_is_ticked_in_advance(staff_client):
    article = publish_article("Rain gardens in Kunming", slug="rain-gardens")
    html = staff_client("editor").get(reverse("wagtail_localize:submit_page_translation", args=[article.pk]))
    chinese = Locale.objects.get(language_code="zh-hans")
    assert re.search(rf'<input[^>]*value="{chinese.pk}"[^>]*checked', html.content.decode())


def test_the_dashboard_is_titled_with_the_site_name(staff_client):
    assert "Harmony Foundation" in staff_client("translator").get("/admin/").content.decode()
