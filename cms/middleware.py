from django.middleware.locale import LocaleMiddleware


class ReaderLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that admin, API, document and file URLs are never redirected
    to a language prefix: their 404s stay 404s instead of turning into redirects to /en/..."""

    UNPREFIXED_PATHS = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/sitemap.xml")

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
