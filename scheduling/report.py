"""The admin's one view of what is scheduled: a row per item and its translations (one translation key), a column
per language with when that version goes live and when it expires, linked to its editor. Each user sees what they
may edit."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page, Revision

from home.content import publishable_models


@dataclass
class Version:
    """One language's version of a scheduled item."""

    title: str
    edit_url: str
    go_live_at: datetime | None = None
    expire_at: datetime | None = None


@dataclass
class Row:
    kind: str
    versions: dict = field(default_factory=dict)  # language code → Version

    @property
    def first_moment(self):
        moments = [m for v in self.versions.values() for m in (v.go_live_at, v.expire_at) if m is not None]
        return min(moments)


def scheduled_items():
    """Each item with a pending go-live or an expiry, as (item, go-live time, expiry time)."""
    found = {}
    for model in publishable_models():
        for item in model.objects.filter(live=True).exclude(expire_at=None).select_related("locale"):
            found[(model, item.pk)] = [item, None, item.expire_at]
    by_type = {}
    for revision in Revision.objects.exclude(approved_go_live_at=None):
        by_type.setdefault(revision.base_content_type_id, []).append(revision)
    for type_id, pending in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        items = model.objects.select_related("locale").in_bulk([int(revision.object_id) for revision in pending])
        for revision in pending:
            item = items.get(int(revision.object_id))
            if item is not None:
                expiry = revision.content.get("expire_at")
                entry = found.setdefault((model, item.pk), [item, None, None])
                entry[1] = revision.approved_go_live_at
                entry[2] = entry[2] or (datetime.fromisoformat(expiry) if expiry else None)
    return found.values()


def schedule_rows(user):
    """The rows this user may act on, soonest first."""
    finder, rows = AdminURLFinder(user), {}
    for item, go_live_at, expire_at in scheduled_items():
        edit_url = finder.get_edit_url(item)
        if edit_url is None:
            continue
        model = type(item)._meta.concrete_model
        kind = "page" if isinstance(item, Page) else model._meta.verbose_name
        row = rows.setdefault((model, item.translation_key), Row(kind=kind))
        row.versions[item.locale.language_code] = Version(str(item), edit_url, go_live_at, expire_at)
    return sorted(rows.values(), key=lambda row: row.first_moment)


class ScheduledView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "scheduling/scheduled.html"
    page_title = _("Scheduled publishing")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = list(Locale.objects.order_by("pk"))
        rows = schedule_rows(self.request.user)
        for row in rows:
            row.cells = [(locale, row.versions.get(locale.language_code)) for locale in languages]
        context.update(rows=rows, languages=languages)
        return context
