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
    """Links this user may follow from a refused page: its translations they may edit, and its public page."""
    from .guards import can_edit  # guards answers with this module's refusal

    if not isinstance(target, Page):
        return []
    links = [
        (
            _("Edit its %(language)s translation") % {"language": translation.locale.get_display_name()},
            reverse("wagtailadmin_pages:edit", args=[translation.pk]),
        )
        for translation in target.get_translations().select_related("locale").specific()
        if can_edit(user, translation)
    ]
    if target.live:
        links.append((_("See the published page"), target.url))
    return links


def refusal(request, reason, target=None):
    response = RefusalView.as_view(reason=reason, target=target)(request)
    response.status_code = 403
    return response.render()
