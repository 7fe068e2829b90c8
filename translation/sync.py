"""Syncing translations after the source changed: the changed strings wait for translation and review,
so wagtail-localize's "Publish immediately" (which fills them with English) is not offered."""

from wagtail_localize.views.update_translations import UpdateTranslationsView


class UpdateTranslationsAsDraftsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        form.fields.pop("publish_translations", None)
        return form

    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)
