from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .report import ScheduledView


@hooks.register("register_admin_urls")
def register_schedule_urls():
    return [path("reports/scheduled/", ScheduledView.as_view(), name="scheduled_publishing")]


@hooks.register("register_reports_menu_item")
def register_schedule_report():
    return MenuItem(_("Scheduled publishing"), reverse("scheduled_publishing"), icon_name="time", order=710)
