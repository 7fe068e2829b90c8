"""The page listing's bulk action: the selected pages submitted for translation as one batch."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import Locale

from .submitting import BatchError, BatchForm, may_submit, submit_from_form
from .views import submitted


class TranslateAsBatchBulkAction(PageBulkAction):
    display_name = _("Translate as a batch")
    action_type = "translate_as_batch"
    aria_label = _("Translate the selected pages as one batch")
    template_name = "batches/confirm_bulk_batch.html"
    action_priority = 60
    form_class = BatchForm

    def check_perm(self, page):
        return may_submit(self.request.user) and page.locale_id == Locale.get_default().pk and page.depth > 1

    def form_valid(self, form):
        pages, _without_access = self.get_actionable_objects()
        try:
            batch = submit_from_form(self.request.user, pages, form)
        except BatchError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return submitted(self.request, batch)
