"""Navigation, language switching and sharing helpers for the reader-facing templates."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, to_locale

from wagtail.models import Locale, Site

import segno

from home.text import is_chinese
from home.visibility import readers

register = template.Library()

# Open Graph names a language by its country; a language not listed here is named as Django names it (zh_Hant).
OPEN_GRAPH_LOCALES = {"en": "en_US", "zh-hans": "zh_CN", "zh-hant": "zh_TW"}


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page in the reader's language (falls back to the default one), if readers may see it."""
    site = Site.find_for_request(context["request"])
    home = readers().localized(site.root_page) if site else None
    return home.specific if home else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the same page where it is translated, else that language's home page."""
    request = context["request"]
    page = context.get("page")
    home = site_home(context)
    translations = {}
    if page is not None and hasattr(page, "live_translations"):
        translations = {t.locale.language_code: t for t in page.live_translations()}
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif page is None:
            url = translate_url(request.get_full_path(), code)
        else:
            home_translation = home.get_translation_or_none(Locale.objects.get(language_code=code)) if home else None
            url = home_translation.get_url(request) if readers().can_see(home_translation) else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == Locale.get_active().language_code,
                "is_translation": target is not None,
            }
        )
    return links


@register.filter
def for_readers(item):
    """An image, document, page or snippet as readers of this language may see it, or None: templates show
    nothing else (a private image, a draft topic)."""
    return readers().localized(item)


@register.filter
def open_graph_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code, to_locale(language_code))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """How readers share the page where they are: by e-mail everywhere; Chinese pages on Weibo and through a WeChat
    QR code (drawn here, no outside service; WeChat shares what its camera scans), English pages on Twitter."""
    url = context["request"].build_absolute_uri()
    title = quote(page.title)
    links = {"email": f"mailto:?subject={title}&body={quote(url)}"}
    if is_chinese(page.locale.language_code):
        links["weibo"] = f"https://service.weibo.com/share/share.php?url={quote(url)}&title={title}"
        links["wechat_qr"] = mark_safe(segno.make(url, error="m").svg_inline(scale=4, title=page.title))
    else:
        links["twitter"] = f"https://twitter.com/intent/tweet?text={title}&url={quote(url)}"
    return links


@register.filter
def is_within(page, section):
    """True when the page is the section page or one of its descendants (for the menu's current item)."""
    return page is not None and hasattr(page, "path") and page.path.startswith(section.path)
