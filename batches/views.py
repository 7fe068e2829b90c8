"""The batch pages of the admin: the list, a new batch from a page, and one batch with each item's state and the
batch's actions (machine translation, XLIFF, approval item by item, publishing together)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from translation.guards import can_edit, target_of
from translation.review import requested_moment

from . import machine, publishing
from .items import item_states
from .models import Batch, BatchItem, MachineState
from .submitting import BatchError, BatchForm, may_submit, submit_from_form


def may_see(user, batch):
    """Editors who submit translations see every batch and may machine-translate or export it; translators and
    reviewers those whose items they may edit."""
    if may_submit(user):
        return True
    return any(can_edit(user, target_of(item.translation)) for item in batch.items.select_related("translation"))


def batch_for(request, batch_id):
    batch = get_object_or_404(Batch, pk=batch_id)
    if not may_see(request.user, batch):
        raise PermissionDenied
    return batch


def detail_url(batch):
    return reverse("batches:detail", args=[batch.pk])


class BatchesBreadcrumbs:
    """Home › Translation batches › this page (Wagtail's header shows the last)."""

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse("batches:index"), "label": _("Translation batches")}]
        if self.page_title != _("Translation batches"):
            items.append({"url": "", "label": self.page_title})
        return items


class BatchIndexView(BatchesBreadcrumbs, WagtailAdminTemplateMixin, TemplateView):
    template_name = "batches/index.html"
    page_title = gettext_lazy("Translation batches")
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        user = self.request.user
        batches = [batch for batch in Batch.objects.select_related("target_locale") if may_see(user, batch)]
        return super().get_context_data(batches=batches, may_submit=may_submit(user), **kwargs)


class NewBatchView(BatchesBreadcrumbs, WagtailAdminTemplateMixin, FormView):
    """A batch from one page (the page's "Translate as a batch"), with its subpages unless unticked."""

    template_name = "batches/new.html"
    page_title = gettext_lazy("Translate as a batch")
    header_icon = "globe"
    form_class = BatchForm

    def dispatch(self, request, *args, **kwargs):
        if not may_submit(request.user):
            raise PermissionDenied
        self.page = get_object_or_404(Page, pk=request.GET.get("page") or 0, depth__gte=2)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"name": self.page.title, "include_subpages": True}

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, subpages=self.page.get_descendants().count(), **kwargs)

    def form_valid(self, form):
        try:
            batch = submit_from_form(self.request.user, [self.page], form)
        except BatchError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return submitted(self.request, batch)


def submitted(request, batch):
    count = batch.items.count()
    messages.success(
        request,
        _("Submitted “%(name)s”: %(count)d items; the translation memory filled %(filled)d strings.")
        % {"name": batch.name, "count": count, "filled": batch.memory_filled},
    )
    return redirect(detail_url(batch))


class BatchDetailView(BatchesBreadcrumbs, WagtailAdminTemplateMixin, TemplateView):
    template_name = "batches/detail.html"
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        self.batch = batch_for(request, kwargs["batch_id"])
        self.page_title = self.batch.name
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        states = item_states(self.batch, self.request.user)
        return super().get_context_data(
            batch=self.batch,
            states=states,
            may_publish=any(state.state == "approved" for state in states),
            may_submit_pages=any(state.state == "ready" and state.may_edit for state in states),
            machine_running=self.batch.machine_state in (MachineState.QUEUED, MachineState.RUNNING),
            **kwargs,
        )


def progress(request, batch_id):
    """The machine translation's progress, which the batch page polls while it runs."""
    batch = batch_for(request, batch_id)
    return JsonResponse(
        {
            "state": batch.machine_state,
            "label": batch.get_machine_state_display(),
            "done": batch.machine_done,
            "total": batch.machine_total,
            "error": batch.machine_error,
        }
    )


@require_POST
def translate_by_machine(request, batch_id):
    batch = batch_for(request, batch_id)
    try:
        total = machine.start_machine_translation(batch)
    except BatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Machine translation of %(count)d strings has started.") % {"count": total})
    return redirect(detail_url(batch))


@require_POST
def submit_for_review(request, batch_id):
    batch = batch_for(request, batch_id)
    try:
        count = publishing.submit_ready_pages(batch, request.user)
    except ValueError as error:  # a BatchError, or a page that could not be submitted (NotSubmitted)
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            ngettext("Submitted %(count)d page for review.", "Submitted %(count)d pages for review.", count)
            % {"count": count},
        )
    return redirect(detail_url(batch))


@require_POST
def approve(request, batch_id, item_id):
    batch = batch_for(request, batch_id)
    item = get_object_or_404(BatchItem, pk=item_id, batch=batch)
    try:
        publishing.approve_item(item, request.user)
    except BatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Approved “%(title)s”.") % {"title": target_of(item.translation)})
    return redirect(detail_url(batch))


@require_POST
def publish(request, batch_id):
    batch = batch_for(request, batch_id)
    try:
        moment = requested_moment(request)
        count = publishing.publish_batch(batch, request.user, moment)
    except ValueError as error:  # a BatchError, or a go-live time that cannot be
        messages.error(request, str(error))
        return redirect(detail_url(batch))
    waiting = batch.items.filter(published_at=None).count()
    shown = date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else None
    messages.success(request, publishing.published_message(count, shown, waiting))
    return redirect(detail_url(batch))
