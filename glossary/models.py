"""The organisation's bilingual glossary: one translatable snippet per term, maintained by communications staff.

The English term is the source; its Chinese translation (made side by side like any snippet) holds the Chinese form.
Each language lists the other ways people write the term there. Search, machine translation and translation
review read the live terms through glossary.terms.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.permissions import register_permission_policy
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.fields import TranslatableField

from home.permissions import LocaleCheckedEditView, LocaleScopedPermissionPolicy

SYNONYM_SEPARATORS = re.compile(r"\s*[;；\n]\s*")


class GlossaryTerm(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    term = models.CharField(
        _("term"), max_length=255, help_text=_("The preferred form in this language, e.g. “Water Conservation”.")
    )
    synonyms = models.CharField(
        _("synonyms"),
        max_length=1000,
        blank=True,
        help_text=_("Other ways readers and translators write it in this language, separated by semicolons."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("When to use the term, for writers and translators."))

    panels = [FieldPanel("term"), FieldPanel("synonyms"), FieldPanel("note")]
    search_fields = [index.SearchField("term"), index.SearchField("synonyms"), index.AutocompleteField("term")]
    override_translatable_fields = [TranslatableField("term"), TranslatableField("synonyms"), TranslatableField("note")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    @property
    def forms(self):
        """The term first, then its synonyms: every way of writing it in this language."""
        synonyms = [form for form in SYNONYM_SEPARATORS.split(self.synonyms) if form]
        return list(dict.fromkeys([self.term.strip(), *synonyms]))


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    edit_view_class = LocaleCheckedEditView
    icon = "openquote"
    menu_label = _("Glossary")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["term", "synonyms", "locale"]
    search_fields = ["term", "synonyms"]


register_permission_policy(GlossaryTerm, LocaleScopedPermissionPolicy(GlossaryTerm))
register_snippet(GlossaryTermViewSet)
