from wagtail.contrib.sitemaps import Sitemap

from .visibility import readers


class AllLanguagesSitemap(Sitemap):
    """Every page of the site readers may see, in every language (Wagtail's own lists only the default one)."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        return readers().pages(roots=roots).order_by("locale_id", "path").defer_streamfields().specific()
