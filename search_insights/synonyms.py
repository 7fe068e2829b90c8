"""The second fix for a query readers did not find what they wanted for: add it to a glossary term's synonyms, so
that search matches the term's pages for it. In the default language the term takes a new revision, published at
once when the user may publish it and it has no other unpublished change; in a translation it is added to the
translator's text of the term's synonyms, which the language's reviewers publish (glossary review, as ever)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.auth import permission_denied
from wagtail.models import Locale

from glossary.models import GlossaryTerm
from translation.field_strings import append_to_translated_field

SEPARATOR = "; "


class SynonymForm(forms.Form):
    query = forms.CharField(label=gettext_lazy("Synonym"), max_length=200)
    term = forms.ModelChoiceField(label=gettext_lazy("Glossary term"), queryset=GlossaryTerm.objects.none())

    def __init__(self, *args, terms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = terms


def editable_terms(user, language):
    terms = GlossaryTerm.snippet_viewset.permission_policy.instances_user_has_any_permission_for(user, ["change"])
    return terms.filter(locale__language_code=language).order_by("term")


def add_synonym(request):
    language = request.GET.get("language") or Locale.get_default().language_code
    terms = editable_terms(request.user, language)
    if not terms.exists():
        return permission_denied(request)
    form = SynonymForm(request.POST or None, terms=terms, initial={"query": request.GET.get("query", "")})
    if request.method == "POST" and form.is_valid():
        term, text = form.cleaned_data["term"], form.cleaned_data["query"].strip()
        if term.locale_id == Locale.get_default().pk:
            messages.success(request, add_to_source_term(request.user, term, text))
            return redirect("search_report")
        if append_to_translated_field(term, "synonyms", text, SEPARATOR, user=request.user):
            added = {"text": text, "term": term}
            messages.success(request, _("“%(text)s” was added to “%(term)s”: a reviewer publishes it.") % added)
            return redirect("search_report")
        form.add_error("term", _("This term has no synonyms in its source language to translate: add one there."))
    context = {"form": form, "page_title": _("Add as a synonym"), "header_icon": "openquote"}
    return TemplateResponse(request, "search_insights/fix.html", context)


def add_to_source_term(user, term, text):
    """A new revision with the synonym; published at once where the user may and nothing else waits in a draft."""
    draft, names = term.get_latest_revision_as_object(), {"text": text, "term": term}
    if text.casefold() in (form.casefold() for form in draft.forms):
        return _("“%(text)s” is already a form of “%(term)s”.") % names
    had_draft = term.has_unpublished_changes
    draft.synonyms = SEPARATOR.join(filter(None, [draft.synonyms.strip(), text]))
    revision = draft.save_revision(user=user)
    policy = GlossaryTerm.snippet_viewset.permission_policy
    if had_draft or not policy.user_has_permission_for_instance(user, "publish", term):
        return _("“%(text)s” was added to the draft of “%(term)s”: publish it to use it.") % {
            "text": text,
            "term": term,
        }
    revision.publish(user=user)
    return _("“%(text)s” now finds what “%(term)s” finds.") % {"text": text, "term": term}
