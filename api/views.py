"""The API endpoints: Wagtail's v2 pages, images and documents, made public-only, cacheable, bilingual
and constant-cost per listing, plus headless preview of drafts."""

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Page, Site

from rest_framework.response import Response

from delivery.changes import per_version
from endpoints.errors import APIError, invalid
from endpoints.pages import page_type, type_name
from endpoints.urls import absolute
from endpoints.views import APIConventionsMixin, CacheableMixin
from home.visibility import readers
from search import service

from .compat import detail_urlpath, remember_site
from .fields import (
    ParentPageField,
    RequestDetailUrlField,
    RequestHtmlUrlField,
    absolutize,
    page_models,
)
from .filters import (
    CONTENT_FILTERS,
    ContentFilterBackend,
    FieldOrderingFilter,
    PageRelationFilter,
    PageSearchFilter,
)
from .media import IMAGE_PARAMETERS
from .parameters import FieldGrammarMixin
from .prefetch import prefetch_for
from .representation import Representation

PREVIEW_SALT = "cms.api.preview"
PREVIEW_MAX_AGE = 60 * 60


def site_roots(request):
    """The root page of the request's site in each language, looked up once a content version (the site is
    remembered on the request, as Wagtail's own lookup would)."""
    host = (request.META.get("HTTP_HOST"), request.get_port())
    site = per_version(request, ("site", host), lambda: Site.find_for_request(request))
    remember_site(request, site)
    if site is None:
        return []
    return per_version(request, ("site roots", site.pk), lambda: list(site.root_page.get_translations(inclusive=True)))


def public_pages_for(request):
    """Live pages without any view restriction, under the site's root in each language: responses are publicly
    cacheable, whoever asks (Wagtail's own keeps the pages a session has unlocked)."""
    return readers().pages(roots=site_roots(request))


class APIPageSerializer(PageSerializer):
    """Each page is serialised in its own language, so that the topics, organisations and linked pages
    it shows are the translations in that language."""

    detail_url = RequestDetailUrlField(read_only=True)
    html_url = RequestHtmlUrlField(read_only=True)
    parent = ParentPageField(read_only=True)

    def to_representation(self, instance):
        """With `type` beside `id`: what tells one page type from another in every item, whatever `fields` says."""
        with override(instance.locale.language_code):
            data = absolutize(super().to_representation(instance), self.context["request"])
        return {"id": data.pop("id"), "type": page_type(instance), **data}


class PublicPagesAPIViewSet(CacheableMixin, APIConventionsMixin, FieldGrammarMixin, PagesAPIViewSet):
    base_serializer_class = APIPageSerializer
    filter_backends = [
        PageRelationFilter,
        ContentFilterBackend,
        FieldOrderingFilter,
        PageSearchFilter,  # last: it orders by relevance
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(CONTENT_FILTERS, IMAGE_PARAMETERS).difference(
        ["site"]
    )

    @classmethod
    def served_models(cls):
        return [Page, *page_models()]

    def get_serializer_context(self):
        """The page types' declared fields (home.api_fields) show linked content through `represent`."""
        return {**super().get_serializer_context(), "represent": Representation(self.request)}

    def get_object(self):
        """The draft being previewed, or the page the URL names."""
        return getattr(self, "preview_object", None) or super().get_object()

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        if "translations" in cls.get_available_fields(model):
            fields.append("translations")
        return fields

    def get_queryset(self):
        """Wagtail's, after checking `type` (one page type, or several separated by commas) in words of our own."""
        served = sorted(type_name(model) for model in self.served_models())
        requested = self.request.GET.get("type")
        if requested is not None and not set(requested.split(",")) <= set(served):
            message = _("type must be page types separated by commas, of: {types}.")
            raise invalid("type", message, types=", ".join(served))
        return super().get_queryset()

    def get_base_queryset(self):
        """Built once a request (see public_pages_for)."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = public_pages_for(self.request)
        return self._base_queryset

    @method_decorator(service.cacheable_unless_degraded)
    def listing_view(self, request):
        """Not stored by caches when a search fell back to the database."""
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = list(self.paginate_queryset(queryset))
        with prefetch_for(items, request, self.shown_fields()):
            data = self.get_serializer(items, many=True).data
        return self.get_paginated_response(data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        with prefetch_for([instance], request, self.shown_fields()):
            data = self.get_serializer(instance).data
        return Response(data)

    def shown_fields(self):
        """The fields this response shows (its serializer's), so that nothing else is prefetched."""
        return set(self.get_serializer_class().Meta.fields)

    def find_view(self, request):
        """Redirects to the found page's detail URL on the host the client asked, keeping other parameters; the
        body says which page it is, for clients that do not follow redirects."""
        if request.GET.get("html_path") == "":
            raise invalid("html_path", _("html_path must be a path such as /zh-hans/news/; it is empty."))
        page = self.find_object(self.get_queryset(), request)
        if page is None:
            raise APIError("not_found", _("No page readers may see has this path."), parameter="html_path", status=404)
        query = request.GET.copy()
        for parameter in self.find_query_parameters:
            query.pop(parameter, None)
        url = absolute(request, detail_urlpath(request, Page, page.pk))
        summary = {"id": page.pk, "type": page_type(page), "detail_url": url}
        return Response(summary, status=302, headers={"Location": f"{url}?{query.urlencode()}" if query else url})

    def find_object(self, queryset, request):
        """html_path with its language prefix (/zh-hans/news/...) finds the page in that language."""
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        components = [part for part in request.GET["html_path"].split("/") if part]
        site = Site.find_for_request(request)
        if site is None:
            return None
        root = site.root_page
        if components and (locale := Locale.objects.filter(language_code=components[0]).first()):
            root = root.get_translation_or_none(locale)
            components = components[1:]
            if root is None:
                return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None

    def preview_view(self, request):
        """A draft, by the signed token an editor got from the admin; nothing without a valid token."""
        try:
            claims = signing.loads(request.GET.get("token", ""), salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
        except signing.BadSignature as error:
            message = _("The preview token is missing, invalid or over an hour old.")
            raise APIError("invalid_preview_token", message, parameter="token", status=403) from error
        page = get_object_or_404(Page, pk=claims["page"]).specific
        revision = get_object_or_404(page.revisions, pk=claims["revision"])
        draft = revision.as_object()
        self.preview_object = draft  # get_object() returns it, so the draft's own type picks the serializer
        with prefetch_for([draft], request):
            data = self.get_serializer(draft).data
        response = Response(data)
        response["Cache-Control"] = "private, no-store"
        return response

    @classmethod
    def get_urlpatterns(cls):
        return [path("preview/", cls.as_view({"get": "preview_view"}), name="preview"), *super().get_urlpatterns()]

    def check_query_parameters(self, queryset):
        if self.action != "preview_view":
            super().check_query_parameters(queryset)


def preview_token(page):
    """A token for the page's latest revision, valid for an hour."""
    return signing.dumps({"page": page.pk, "revision": page.get_latest_revision().pk}, salt=PREVIEW_SALT)


def api_preview_link(request, page_id):
    """Admin: sends an editor to the API view of the page's latest draft, with a fresh signed token."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit() or page.get_latest_revision() is None:
        raise PermissionDenied
    return redirect(f"{reverse('wagtailapi:pages:preview')}?{urlencode({'token': preview_token(page)})}")
