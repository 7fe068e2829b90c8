"""Small factories: staff users in each role, news articles, images and documents."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from demo.media import landscape_jpeg, text_pdf
from news.models import NewsArticlePage, NewsIndexPage
from translation.roles import EDITORS, MODERATORS, reviewers_group, translators_group


def role_group(role, language="zh-hans"):
    """The group of a role; translators and reviewers are a language's."""
    fixed = {"editor": EDITORS, "moderator": MODERATORS}
    if role in fixed:
        return fixed[role]
    return translators_group(language) if role == "translator" else reviewers_group(language)


def make_staff(role, username=None, password="correct-horse-battery", language="zh-hans"):
    """A user in the group of the given role ('editor', 'translator', 'reviewer', 'moderator', 'admin'), or in no
    group at all ('nogroup'); translators and reviewers work in the given language."""
    username = username or f"{role}-user"
    user_model = get_user_model()
    existing = user_model.objects.filter(username=username).first()
    if existing:
        return existing
    if role == "admin":
        return user_model.objects.create_superuser(username, f"{username}@example.org", password)
    user = user_model.objects.create_user(username, f"{username}@example.org", password)
    if role != "nogroup":
        user.groups.add(Group.objects.get(name=role_group(role, language)))
    return user


def publish_article(
    title, text="Residents fixed leaking taps.", date=datetime.date(2008, 3, 22), slug=None, publish=True
):
    """An English news article under the English newsroom, published unless asked otherwise (a draft then, as an
    editor's new page is)."""
    index = NewsIndexPage.objects.get(locale__language_code="en")
    article = NewsArticlePage(
        title=title,
        slug=slug or slugify(title),
        date=date,
        body=[("paragraph", f"<p>{text}</p>")],
        live=publish,
    )
    index.add_child(instance=article)
    if publish:
        article.save_revision().publish()
    return article


def glossary_term(term, synonyms="", chinese="", chinese_synonyms="", live=True):
    """A live English glossary term and, when `chinese` is given, its live Chinese translation."""
    from wagtail.models import Locale

    from glossary.models import GlossaryTerm

    english = GlossaryTerm.objects.create(locale=Locale.get_default(), term=term, synonyms=synonyms, live=live)
    if chinese:
        translated = english.copy_for_translation(Locale.objects.get(language_code="zh-hans"))
        translated.term, translated.synonyms = chinese, chinese_synonyms
        translated.save()
    return english


def make_image(title="API image", collection=None, size=(1600, 900)):
    image = get_image_model()(
        title=title,
        file=ImageFile(io.BytesIO(landscape_jpeg(title, size=size)), name=f"{title.lower().replace(' ', '-')}.jpg"),
        collection=collection or Collection.get_first_root_node(),
    )
    image.save()
    return image


def make_document(title="API document", collection=None):
    document = get_document_model()(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(text_pdf(title, ["text"])), save=False)
    document.save()
    return document


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="password", password="x")
    return collection


def rich_article(index, number, image, document, linked_page):
    """A published article whose body links a page and a document and shows an image and a document block."""
    body = [
        (
            "paragraph",
            f'<p>See <a linktype="page" id="{linked_page.pk}">the program</a> and '
            f'<a linktype="document" id="{document.pk}">the deck</a>.</p>',
        ),
        ("image", {"image": image, "alt_text": "Volunteers", "caption": "Volunteers at work"}),
        ("document", {"document": document, "title": "Deck"}),
    ]
    article = NewsArticlePage(
        title=f"Story {number}", slug=f"story-{number}", date=datetime.date(2009, 1, 1), body=body, lead_image=image
    )
    index.add_child(instance=article)
    article.save_revision().publish()
    return article
