"""The page a refused admin action answers with: 403, what was refused and why, and where this user may go
instead (Wagtail's own refusal sends people to the dashboard with a generic message)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page


class RefusalView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translation/refused.html"
    page_title = gettext_lazy("Not allowed")
    header_icon = "warning"
    reason = ""
    target = None

    def dispatch(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)  # whatever the refused request's method, this is the answer

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(reason=self.reason, way_forward=ways_forward(self.request.user, self.target))
        return context


def ways_forward(user, target):
    """Links this user may follow from the refused object: its translations they may edit, or its public page."""
    from .guards import can_edit  # guards answers with this module's refusal

    if target is None or not hasattr(target, "get_translations"):
        return []
    links = []
    for translation in target.get_translations(inclusive=True).select_related("locale"):
        translation = translation.specific if isinstance(translation, Page) else translation
        if translation.pk != target.pk and can_edit(user, translation):
            label = _("Edit its %(language)s translation") % {"language": translation.locale.get_display_name()}
            url = reverse("wagtailadmin_pages:edit", args=[translation.pk]) if isinstance(translation, Page) else None
            if url:
                links.append((label, url))
    if isinstance(target, Page) and target.live:
        links.append((_("See the published page"), target.url))
    return links


def refusal(request, reason, target=None):
    response = RefusalView.as_view(reason=reason, target=target)(request)
    response.status_code = 403
    return response.render()
