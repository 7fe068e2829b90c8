"""The demo's six tip sheets as a new batch would find them: English pages whose Chinese pages are gone (the memory
still holds their approved strings), and the steps of the batch workflow as each role takes them."""

from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from batches.models import Batch
from resources.models import TipSheetPage
from translation.open_strings import open_strings

from .helpers import translate_all


def english_tip_sheets():
    return list(TipSheetPage.objects.filter(locale__language_code="en").order_by("path"))


def forget_chinese(pages):
    """Deletes the Chinese pages and their translation records, as if the English pages were new."""
    chinese = Locale.objects.get(language_code="zh-hans")
    for page in pages:
        translated = page.get_translation_or_none(chinese)
        if translated is not None:
            translated.delete()
        source = TranslationSource.objects.get_for_instance_or_none(page)
        if source is not None:
            Translation.objects.filter(source=source).delete()
    return pages


def new_tip_sheets():
    return forget_chinese(english_tip_sheets())


def batch_form(name="Tip sheets 2026", due="2099-01-31", **extra):
    return {"name": name, "due_date": due, "locale": Locale.objects.get(language_code="zh-hans").pk, **extra}


def bulk_submit(client, pages, **form):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "translate_as_batch"])
    query = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"{url}?{query}", batch_form(**form))


def submitted_batch(client, pages, **form):
    response = bulk_submit(client, pages, **form)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Batch.objects.latest("pk")


def translate_and_submit_every_page(batch, translator):
    """The translator's part: every string translated, each page submitted for review."""
    for item in batch.items.select_related("translation"):
        translate_all(item.translation)
        assert not open_strings(item.translation)
        target = item.translation.get_target_instance()
        if isinstance(target, Page):
            response = translator.post(reverse("translation_submit_for_review", args=[item.translation.pk]))
            assert response.status_code == 302
