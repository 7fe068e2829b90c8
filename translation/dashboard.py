"""The translator's dashboard panel: the translations this user may work on that need a translator (never
translated strings, strings changed in the source language, translations sent back by the reviewer), each with a
link to its editor."""

from wagtail.admin.ui.components import Component

from .status import OUT_OF_DATE, translation_statuses


class TranslationWorkPanel(Component):
    name = "translation_work"
    order = 50
    template_name = "translation/dashboard_panel.html"

    def __init__(self, statuses):
        self.statuses = statuses

    def get_context_data(self, parent_context=None):
        return {"statuses": self.statuses}


def translation_work(user):
    return [status for status in translation_statuses(OUT_OF_DATE, user) if status.for_translator and status.action_url]


def add_translation_work_panel(request, panels):
    """For those who translate (editors, who submit pages for translation, follow the status report)."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationWorkPanel(translation_work(request.user)))
