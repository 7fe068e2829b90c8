"""The translation status report: every page and snippet, in every language, up to date or not.

wagtail-localize lists translations it manages; staff also need to see what was never translated and
what fell behind its English source, with a link to act on each.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from resources.snippets import Organization, Topic

from .open_strings import last_string_change, open_strings
from .review import edit_url

UP_TO_DATE, OUT_OF_DATE, MISSING = "up_to_date", "out_of_date", "missing"
STATE_LABELS = {UP_TO_DATE: _("Up to date"), OUT_OF_DATE: _("Out of date"), MISSING: _("Missing")}
SNIPPET_MODELS = [Topic, Organization]
PAGE_SIZE = 50


@dataclass
class TranslationStatus:
    source: object
    locale: Locale
    state: str
    reason: str
    action_label: str
    action_url: str

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def kind(self):
        return self.source._meta.verbose_name


def source_objects():
    default = Locale.get_default()
    pages = Page.objects.filter(locale=default, depth__gte=2).order_by("path").specific()
    snippets = [obj for model in SNIPPET_MODELS for obj in model.objects.filter(locale=default)]
    return [*pages, *snippets]


def submit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    meta = instance._meta
    return reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, instance.pk])


def status_for(instance, locale, sources_by_key):
    translated = instance.get_translation_or_none(locale)
    if translated is None:
        return TranslationStatus(instance, locale, MISSING, _("Never translated"), _("Translate"), submit_url(instance))
    source = sources_by_key.get(instance.translation_key)
    translation = (
        Translation.objects.filter(source=source, target_locale=locale, enabled=True).first() if source else None
    )
    if translation is None:
        return TranslationStatus(
            instance, locale, UP_TO_DATE, _("Edited directly, not synced"), _("Edit"), edit_url(translated)
        )
    if instance.last_published_at and instance.last_published_at > source.last_updated_at:
        return TranslationStatus(
            instance,
            locale,
            OUT_OF_DATE,
            _("The source changed after the last sync"),
            _("Sync"),
            reverse("wagtail_localize:update_translations", args=[source.pk]),
        )
    missing = len(open_strings(translation))
    if missing:
        return TranslationStatus(
            instance,
            locale,
            OUT_OF_DATE,
            _("%(count)d strings need translation") % {"count": missing},
            _("Translate"),
            edit_url(translated),
        )
    published_at = translated.last_published_at or source.last_updated_at
    if not translated.live or published_at < max(source.last_updated_at, last_string_change(translation)):
        return TranslationStatus(
            instance, locale, OUT_OF_DATE, _("Translated, not yet published"), _("Review"), edit_url(translated)
        )
    return TranslationStatus(
        instance, locale, UP_TO_DATE, _("Translated and published"), _("Edit"), edit_url(translated)
    )


def translation_statuses(state=None):
    targets = list(Locale.objects.exclude(pk=Locale.get_default().pk))
    objects = source_objects()
    sources_by_key = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=[obj.translation_key for obj in objects], locale=Locale.get_default()
        )
    }
    statuses = [status_for(obj, locale, sources_by_key) for obj in objects for locale in targets]
    return [status for status in statuses if state in (None, "", status.state)]


class TranslationStatusReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translation/status_report.html"
    page_title = _("Translation status")
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.request.GET.get("state", "")
        statuses = translation_statuses(state if state in STATE_LABELS else None)
        context.update(
            statuses=Paginator(statuses, PAGE_SIZE).get_page(self.request.GET.get("p")),
            states=STATE_LABELS,
            selected_state=state,
        )
        return context
