from wagtail import hooks

from .models import Endpoint
from .views import SwitchedOffPanel, endpoint_viewset, may_keep


@hooks.register("register_admin_viewset")
def register_endpoints():
    return endpoint_viewset


@hooks.register("construct_homepage_panels")
def warn_of_switched_off_endpoints(request, panels):
    if may_keep(request.user):
        switched_off = list(Endpoint.objects.filter(enabled=False).exclude(switched_off_at=None))
        if switched_off:
            panels.append(SwitchedOffPanel(switched_off))
