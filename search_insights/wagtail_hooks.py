from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import VIEW_REPORT, SearchReportView
from .fixes import promote_page
from .synonyms import add_synonym


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("reports/searches/", SearchReportView.as_view(), name="search_report"),
        path("reports/searches/promote/", promote_page, name="search_fix_promotion"),
        path("reports/searches/synonym/", add_synonym, name="search_fix_synonym"),
    ]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_REPORT)


@hooks.register("register_reports_menu_item")
def register_search_report():
    return SearchReportMenuItem(_("Searches"), reverse("search_report"), icon_name="search", order=720)
