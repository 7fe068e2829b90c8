"""The translation status report: every page and snippet, in every language, up to date or not.

wagtail-localize lists translations it manages; staff also need to see what was never translated and
what fell behind its English source, with a link to act on each.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from resources.snippets import Organization, Topic

from .guards import can_edit, in_review
from .open_strings import CHANGED_IN_SOURCE, last_string_change, open_strings
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
    action_label: str = ""
    action_url: str = ""
    for_translator: bool = False  # the next step is a translator's

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def kind(self):
        return self.source._meta.verbose_name


def source_objects():
    """The default language's pages and snippets that were ever published: a draft never published is nobody's
    translation work yet."""
    default = Locale.get_default()
    pages = Page.objects.filter(locale=default, depth__gte=2, first_published_at__isnull=False)
    snippets = [
        obj
        for model in SNIPPET_MODELS
        for obj in model.objects.filter(locale=default, first_published_at__isnull=False)
    ]
    return [*pages.order_by("path").specific(), *snippets]


def submit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    meta = instance._meta
    return reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, instance.pk])


def open_reason(found, source_language):
    reason = ngettext("%(count)d string needs a translator", "%(count)d strings need a translator", len(found)) % {
        "count": len(found)
    }
    changed = sum(1 for item in found if item.reason == CHANGED_IN_SOURCE)
    if changed:
        reason += ngettext(" (%(count)d changed in %(language)s)", " (%(count)d changed in %(language)s)", changed) % {
            "count": changed,
            "language": source_language,
        }
    return reason


def status_for(instance, locale, sources_by_key, user):
    """The state of one translation, with the action this user may take on it (none when they may not)."""
    may_submit = user is None or user.has_perm("wagtail_localize.submit_translation")
    translated = instance.get_translation_or_none(locale)
    if translated is None:
        if may_submit:
            return TranslationStatus(
                instance, locale, MISSING, _("Never translated"), _("Translate"), submit_url(instance)
            )
        return TranslationStatus(instance, locale, MISSING, _("Never translated: an editor submits it for translation"))
    source = sources_by_key.get(instance.translation_key)
    translation = (
        Translation.objects.filter(source=source, target_locale=locale, enabled=True).first() if source else None
    )
    editable = user is None or can_edit(user, translated)

    def status(state, reason, label, url, for_translator=False):
        return TranslationStatus(instance, locale, state, reason, label if url else "", url or "", for_translator)

    edit = edit_url(translated) if editable else None
    if translation is None:
        return status(UP_TO_DATE, _("Edited directly, not synced"), _("Edit"), edit)
    if instance.last_published_at and instance.last_published_at > source.last_updated_at:
        sync = reverse("wagtail_localize:update_translations", args=[source.pk]) if may_submit else None
        return status(
            OUT_OF_DATE, _("The source changed; its translations are being brought up to date"), _("Sync"), sync
        )
    if in_review(translated):
        return status(OUT_OF_DATE, _("Waiting for review"), _("Review"), edit)
    sent_back = isinstance(translated, Page) and translated.current_workflow_state is not None  # changes requested
    found = open_strings(translation)
    if found:
        reason = open_reason(found, source.locale.get_display_name())
        if sent_back:
            reason = _("Sent back by the reviewer: %(reason)s") % {"reason": reason}
        return status(OUT_OF_DATE, reason, _("Translate"), edit, for_translator=True)
    if sent_back:
        return status(OUT_OF_DATE, _("Sent back by the reviewer"), _("Translate"), edit, for_translator=True)
    published_at = translated.last_published_at or source.last_updated_at
    if not translated.live or published_at < max(source.last_updated_at, last_string_change(translation)):
        return status(OUT_OF_DATE, _("Translated, not yet published"), _("Review"), edit)
    return status(UP_TO_DATE, _("Translated and published"), _("Edit"), edit)


def translation_statuses(state=None, user=None):
    """Every translation's status, for this user's actions (None: every action)."""
    targets = list(Locale.objects.exclude(pk=Locale.get_default().pk))
    objects = source_objects()
    sources_by_key = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=[obj.translation_key for obj in objects], locale=Locale.get_default()
        )
    }
    statuses = [status_for(obj, locale, sources_by_key, user) for obj in objects for locale in targets]
    return [status for status in statuses if state in (None, "", status.state)]


class TranslationStatusReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translation/status_report.html"
    page_title = _("Translation status")
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.request.GET.get("state", "")
        statuses = translation_statuses(state if state in STATE_LABELS else None, self.request.user)
        context.update(
            statuses=Paginator(statuses, PAGE_SIZE).get_page(self.request.GET.get("p")),
            states=STATE_LABELS,
            selected_state=state,
        )
        return context
