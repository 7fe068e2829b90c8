"""The batch and XLIFF rows of the README's permissions matrix (tests/test_permissions.py walks them): each action
taken over HTTP as the role would, on a batch an administrator submitted with the demo's Chinese news article."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from translate.storage.xliff2 import Xliff2File

from batches.models import Batch, MachineState
from batches.publishing import approve_item
from batches.submitting import submit_batch
from translation.review import submit_translation

from .factories import make_staff, publish_article

IMPORTED = "离线批量导入的译文"


def admin_batch(targets, *, in_review=False, approved=False):
    """A batch of the English article's translation, submitted by an administrator (and further, if asked)."""
    admin = make_staff("admin")
    english = targets.article.get_translation(Locale.get_default())
    batch = submit_batch(
        admin,
        [english],
        name="Permissions",
        due_date=datetime.date(2099, 1, 1),
        locale=Locale.objects.get(language_code="zh-hans"),
    )
    item = batch.items.get()
    if in_review or approved:
        submit_translation(item.translation, targets.article.get_translation(item.translation.target_locale), admin)
    if approved:
        approve_item(item, admin)
    return batch


def submit_a_batch(client, user, targets):
    article = publish_article("Rain gardens in Kunming", slug="rain-gardens")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "translate_as_batch"]) + f"?id={article.pk}"
    chinese = Locale.objects.get(language_code="zh-hans")
    client.post(url, {"name": "Rain gardens", "due_date": "2099-01-01", "locale": chinese.pk})
    return Batch.objects.filter(name="Rain gardens").exists()


def view_a_batch(client, user, targets):
    return client.get(reverse("batches:detail", args=[admin_batch(targets).pk])).status_code == 200


def machine_translate_a_batch(client, user, targets):
    batch = admin_batch(targets)
    StringTranslation.objects.filter(
        translation_of__segments__source=batch.items.get().translation.source, locale__language_code="zh-hans"
    ).delete()
    client.post(reverse("batches:machine", args=[batch.pk]))
    return Batch.objects.get(pk=batch.pk).machine_state != MachineState.IDLE


def xliff_download(url_of):
    def act(client, user, targets):
        response = client.get(url_of(admin_batch(targets)))
        return response.status_code == 200 and response.content.startswith(b"<?xml")

    return act


def xliff_upload(url_of, upload_url_of):
    def act(client, user, targets):
        batch = admin_batch(targets)
        admin = type(client)()
        admin.force_login(make_staff("admin"))
        store = Xliff2File.parsestring(admin.get(url_of(batch)).content)
        store.units[0].target = IMPORTED
        client.post(upload_url_of(batch), {"file": SimpleUploadedFile("zh.xlf", bytes(store))})
        return StringTranslation.objects.filter(data=IMPORTED).exists()

    return act


def page_xliff_url(batch):
    return reverse("translation_xliff", args=[batch.items.get().translation.pk])


def page_xliff_upload_url(batch):
    return reverse("translation_xliff_upload", args=[batch.items.get().translation.pk])


def batch_xliff_url(batch):
    return reverse("batches:xliff", args=[batch.pk])


def batch_xliff_upload_url(batch):
    return reverse("batches:xliff_upload", args=[batch.pk])


def submit_batch_pages(client, user, targets):
    batch = admin_batch(targets)
    source = batch.items.get().translation.source
    edited = StringTranslation.objects.filter(translation_of__segments__source=source, locale=batch.target_locale)
    edited = edited.first()
    edited.data += "（新）"
    edited.save()  # translated since published: ready to submit
    client.post(reverse("batches:submit", args=[batch.pk]))
    return targets.article.get_translation(batch.target_locale).workflow_in_progress


def approve_a_batch_item(client, user, targets):
    batch = admin_batch(targets, in_review=True)
    client.post(reverse("batches:approve", args=[batch.pk, batch.items.get().pk]))
    return batch.items.get().approved_at is not None


def publish_a_batch(client, user, targets):
    batch = admin_batch(targets, approved=True)
    client.post(reverse("batches:publish", args=[batch.pk]), {"go_live": "now"})
    return batch.items.get().published_at is not None


BATCH_ACTIONS = {
    "submit pages as a batch": submit_a_batch,
    "view a batch": view_a_batch,
    "machine-translate a batch": machine_translate_a_batch,
    "submit a batch's pages for review": submit_batch_pages,
    "approve a batch item": approve_a_batch_item,
    "publish a batch": publish_a_batch,
    "download a page's XLIFF": xliff_download(page_xliff_url),
    "upload a page's XLIFF": xliff_upload(page_xliff_url, page_xliff_upload_url),
    "download a batch's XLIFF": xliff_download(batch_xliff_url),
    "upload a batch's XLIFF": xliff_upload(batch_xliff_url, batch_xliff_upload_url),
}
