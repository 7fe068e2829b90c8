"""The admin of webhooks: endpoints (Administrators only, by model permission), each with its delivery log and a
Redeliver button; a dashboard notice for endpoints switched off after failing."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import EndpointForm
from .models import Delivery, Endpoint
from .sending import wake_sender

LOG_LENGTH = 100


class StateColumn(Column):
    def get_value(self, endpoint):
        if not endpoint.enabled:
            return _("Switched off") if endpoint.switched_off_at else _("Off")
        if endpoint.failing_since:
            return _("Failing since %(time)s") % {"time": endpoint.failing_since.strftime("%Y-%m-%d %H:%M")}
        return _("On")


class EndpointViewSet(ModelViewSet):
    model = Endpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    list_display = [
        "url",
        "description",
        StateColumn("state", label=_("State")),
        TitleColumn(
            "deliveries",
            label=_("Deliveries"),
            accessor=lambda _endpoint: _("Delivery log"),
            url_name="webhooks:deliveries",
        ),
    ]

    def get_form_class(self, for_update=False):
        return EndpointForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/deliveries/", DeliveryLogView.as_view(viewset=self), name="deliveries"),
            path("<int:pk>/deliveries/<int:delivery>/redeliver/", redeliver, name="redeliver"),
        ]


def may_keep(user):
    return all(user.has_perm(f"webhooks.{action}_endpoint") for action in ("change", "view"))


class DeliveryLogView(WagtailAdminTemplateMixin, TemplateView):
    """The latest deliveries to an endpoint, each with its attempts (newest first)."""

    template_name = "webhooks/deliveries.html"
    header_icon = "link-external"
    viewset = None

    def dispatch(self, request, *args, **kwargs):
        if not may_keep(request.user):
            return permission_denied(request)
        self.endpoint = get_object_or_404(Endpoint, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Deliveries to %(endpoint)s") % {"endpoint": self.endpoint}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("webhooks:index"), "label": _("Webhooks")},
            {"url": reverse("webhooks:edit", args=[self.endpoint.pk]), "label": str(self.endpoint)},
            {"url": "", "label": _("Delivery log")},
        ]

    def get_context_data(self, **kwargs):
        deliveries = self.endpoint.deliveries.select_related("event").prefetch_related("attempts")
        return super().get_context_data(
            endpoint=self.endpoint,
            deliveries=deliveries.order_by("-event_id")[:LOG_LENGTH],
            keep_days=settings.WEBHOOKS_KEEP_DAYS,
            **kwargs,
        )


@require_POST
def redeliver(request, pk, delivery):
    """Sends the event again (same webhook-id), after what is waiting before it."""
    if not may_keep(request.user):
        return permission_denied(request)
    delivery = get_object_or_404(Delivery, pk=delivery, endpoint_id=pk)
    delivery.state = Delivery.State.PENDING
    delivery.save(update_fields=["state"])
    wake_sender()
    messages.success(request, _("%(event)s will be sent again.") % {"event": delivery.event.event_id})
    return redirect("webhooks:deliveries", pk=pk)


class SwitchedOffPanel(Component):
    """On the dashboard of those who keep webhooks: endpoints switched off after failing for days."""

    name = "webhooks_switched_off"
    template_name = "webhooks/switched_off_panel.html"
    order = 50

    def __init__(self, endpoints):
        self.endpoints = endpoints

    def get_context_data(self, parent_context=None):
        return {"endpoints": self.endpoints}


endpoint_viewset = EndpointViewSet("webhooks")
