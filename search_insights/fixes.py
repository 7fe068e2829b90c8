"""One click from a query readers did not find what they wanted for to a fix: pin a page for it (Wagtail's search
promotions), or add it to a glossary term's synonyms (search matches a term's every form)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.auth import permission_denied
from wagtail.admin.widgets import AdminPageChooser
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from home.visibility import Readers

PROMOTE = "wagtailsearchpromotions.add_searchpromotion"


class PromotionForm(forms.Form):
    query = forms.CharField(label=gettext_lazy("Query"), max_length=255)
    page = forms.ModelChoiceField(
        label=gettext_lazy("Page"), queryset=Page.objects.all(), widget=AdminPageChooser(can_choose_root=False)
    )
    description = forms.CharField(label=gettext_lazy("Description"), required=False, widget=forms.Textarea)

    def clean_page(self):
        page = self.cleaned_data["page"]
        if not Readers().can_see(page):
            raise forms.ValidationError(_("Readers cannot see this page: choose a published, public one."))
        return page


def promote_page(request):
    if not request.user.has_perm(PROMOTE):
        return permission_denied(request)
    form = PromotionForm(request.POST or None, initial={"query": request.GET.get("query", "")})
    if request.method == "POST" and form.is_valid():
        query = Query.get(form.cleaned_data["query"])
        SearchPromotion.objects.create(
            query=query,
            page=form.cleaned_data["page"],
            description=form.cleaned_data["description"],
            sort_order=query.editors_picks.count(),
        )
        pinned = {"page": form.cleaned_data["page"].title, "query": query}
        messages.success(request, _("“%(page)s” now comes first for “%(query)s”.") % pinned)
        return redirect("search_report")
    context = {"form": form, "page_title": _("Promote a page"), "header_icon": "search"}
    return TemplateResponse(request, "search_insights/fix.html", context)
