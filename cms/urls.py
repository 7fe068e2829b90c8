from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api import openapi
from api.router import api_router, without_final_slash
from api.sync import SyncAPIView
from delivery.files import serve_media
from delivery.renditions import serve_rendition
from delivery.site_files import favicon, robots_txt
from endpoints.errors import api_not_found
from home.sitemaps import AllLanguagesSitemap
from search import views as search_views
from search_insights import views as search_insights_views

# Admin, documents and machine-readable files live outside the language prefix.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/search/", search_views.SearchAPIView.as_view(), name="search_api"),
    path("api/v2/search/suggest/", search_views.SuggestAPIView.as_view(), name="search_suggest"),
    path("api/v2/sync/", SyncAPIView.as_view(), name="sync_api"),
    path("api/v2/", api_router.urls),
    re_path(r"^api/v2/(?P<path>.*[^/])$", without_final_slash),
    path("api/schema/", openapi.schema_view, name="api_schema"),
    path("api/docs/", openapi.docs_view, name="api_docs"),
    re_path(r"^api/", api_not_found),
    path("documents/", include(wagtaildocs_urls)),
    re_path(r"^media/(?P<name>.+)$", serve_media, name="media"),
    path("images/<str:signature>/<int:image_id>/<str:size>/<str:filename>", serve_rendition, name="rendition"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Reader-facing pages under /en/ and /zh-hans/; "/" redirects by the browser's Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/open/<int:page_id>/", search_insights_views.open_result, name="search_open"),
    path("", include(wagtail_urls)),
)
