"""Submitting a batch: the chosen pages (with their subpages if asked), parents first, and the snippets they use
that have no translation in the batch's language yet, each started as wagtail-localize's Translate action does; the
translation memory fills what it can (translation.memory)."""

import datetime

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale, Page, ReferenceIndex, TranslatableMixin

from translation.compat import start_translations
from translation.memory import memory_suggestions, offer_from_memory
from translation.roles import target_languages

from .models import Batch, BatchItem


class BatchError(ValueError):
    """The batch cannot be submitted, or an action on it taken, for the reason given."""


def target_locales():
    return Locale.objects.filter(language_code__in=target_languages()).order_by("language_code")


class BatchForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Batch name"), max_length=200)
    due_date = forms.DateField(label=gettext_lazy("Due date"), widget=forms.DateInput(attrs={"type": "date"}))
    locale = forms.ModelChoiceField(label=gettext_lazy("Translate into"), queryset=Locale.objects.none())
    include_subpages = forms.BooleanField(label=gettext_lazy("With their subpages"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = target_locales()
        self.fields["locale"].queryset = choices
        if len(choices) == 1:
            self.fields["locale"].initial = choices[0]
        self.fields["due_date"].initial = timezone.localdate() + datetime.timedelta(days=14)

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("Choose a due date from today on."))
        return due


def pages_to_translate(pages, include_subpages):
    """The chosen pages and, if asked, their subpages, each once, parents first."""
    default = Locale.get_default()
    chosen = {}
    for page in pages:
        if page.locale_id != default.pk or page.depth < 2:
            raise BatchError(
                _("“%(title)s” is not a %(language)s page: batches translate from %(language)s.")
                % {"title": page.title, "language": default.get_display_name()}
            )
        chosen.setdefault(page.pk, page)
        if include_subpages:
            for subpage in page.get_descendants():
                chosen.setdefault(subpage.pk, subpage)
    return [page.specific for page in sorted(chosen.values(), key=lambda page: page.path)]


def check_parents(pages, locale):
    """Refuses a page whose parent has no translation in the language and is not in the batch."""
    included = {page.pk for page in pages}
    for page in pages:
        parent = page.get_parent()
        if parent.depth > 1 and parent.pk not in included and not parent.has_translation(locale):
            raise BatchError(
                _(
                    "“%(title)s” has no %(language)s parent page yet: add “%(parent)s” to the batch, or translate it "
                    "first."
                )
                % {"title": page.title, "language": locale.get_display_name(), "parent": parent.title}
            )


def untranslated_snippets(pages, locale):
    """The snippets the pages use (topics, organisations: any translatable non-page object Wagtail's reference
    index finds in them, brought up to date first) with no translation in `locale` yet."""
    found = {}
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
        for reference in ReferenceIndex.get_references_for_object(page).select_related("to_content_type"):
            model = reference.to_content_type.model_class()
            if model is None or not issubclass(model, TranslatableMixin) or issubclass(model, Page):
                continue
            snippet = model.objects.filter(pk=reference.to_object_id).first()
            if snippet is not None and snippet.locale_id == page.locale_id and not snippet.has_translation(locale):
                found.setdefault((model, snippet.pk), snippet)
    return list(found.values())


def submit_batch(user, pages, *, name, due_date, locale, include_subpages=False):
    """Creates the batch with a translation of each page and each snippet they use that has none; returns it."""
    pages = pages_to_translate(pages, include_subpages)
    if not pages:
        raise BatchError(_("Choose at least one page."))
    check_parents(pages, locale)
    with transaction.atomic():
        snippets = untranslated_snippets(pages, locale)
        translations = start_translations(user, locale, [*snippets, *pages])
        batch = Batch.objects.create(name=name, due_date=due_date, target_locale=locale, created_by=user)
        BatchItem.objects.bulk_create(
            BatchItem(batch=batch, translation=translation, position=position)
            for position, translation in enumerate(translations)
        )
        for translation in translations:
            offer_from_memory(translation)  # a translation started before the batch may have new strings
        batch.memory_filled = sum(len(memory_suggestions(translation)) for translation in translations)
        batch.save(update_fields=["memory_filled"])
    return batch


def submit_from_form(user, pages, form):
    data = form.cleaned_data
    return submit_batch(
        user,
        pages,
        name=data["name"],
        due_date=data["due_date"],
        locale=data["locale"],
        include_subpages=data["include_subpages"],
    )


def may_submit(user):
    return user.has_perm("wagtail_localize.submit_translation")


def chosen_pages(ids):
    return list(Page.objects.filter(pk__in=ids).specific())
