"""Reports → Searches: what readers searched for in a language and date range, with a fix beside each query that
found nothing (a glossary synonym, or a promoted page)."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .report import RangeForm, csv_response, tables, with_default_range

VIEW_REPORT = "search_insights.view_dailysearch"


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search_insights/report.html"
    page_title = _("Searches")
    header_icon = "search"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_REPORT):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.form = RangeForm(with_default_range(request.GET))
        if self.form.is_valid() and request.GET.get("export") == "csv":
            data = self.form.cleaned_data
            return csv_response(data["language"], data["start"], data["end"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        if self.form.is_valid():
            data = self.form.cleaned_data
            context.update(tables(data["language"], data["start"], data["end"]), csv_query=self.csv_query())
        return context

    def csv_query(self):
        query = self.request.GET.copy()
        query["export"] = "csv"
        return query.urlencode()
