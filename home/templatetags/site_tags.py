"""Navigation, language switching and sharing helpers for the reader-facing templates."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, pgettext, to_locale

from wagtail.models import Locale, Site

import segno

from home.text import is_chinese
from home.visibility import readers

register = template.Library()

# Below this width the layout is one column (static/css/site.css), and pictures that are wide strips on a desktop
# are cropped taller.
NARROW_SCREEN = "(max-width: 40rem)"
PICTURE_FORMATS = ("avif", "webp", "jpeg")  # in the order browsers should prefer them

# Open Graph names a language by its country; a language not listed here is named as Django names it (zh_Hant).
OPEN_GRAPH_LOCALES = {"en": "en_US", "zh-hans": "zh_CN", "zh-hant": "zh_TW"}


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page in the reader's language (falls back to the default one), if readers may see it."""
    site = Site.find_for_request(context["request"])
    home = readers().localized(site.root_page) if site else None
    return home.specific if home else None


@register.simple_tag(takes_context=True)
def language_links(context, to_home=False):
    """One link per language: the same page where it is translated, else that language's home page; a view that
    is not a page (search) in the other language, unless `to_home` (a page not found there is not found here)."""
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
        elif page is None and not to_home:
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


@register.simple_tag
def label_colon():
    """The colon after a label in the reader's language: "Topics: " in English, "主题：" in Chinese."""
    return pgettext("after a label", ": ")


@register.simple_tag
def list_separator():
    """Between the items of a list in running text: ", " in English, "、" in Chinese."""
    return pgettext("between list items", ", ")


def crops(image, sizes):
    """Fill crops around the focal point, each size (e.g. "1200x400 800x267") in each format, by format."""
    renditions = image.get_renditions(
        *(f"fill-{size}|format-{fmt}" for fmt in PICTURE_FORMATS for size in sizes.split())
    )
    return {fmt: [r for spec, r in renditions.items() if spec.endswith(fmt)] for fmt in PICTURE_FORMATS}


def width_srcset(renditions):
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


def source(renditions, fmt, sizes, media=""):
    srcset = width_srcset(renditions)
    first = renditions[0]
    media = format_html(' media="{}"', media) if media else ""
    html = '<source{} type="image/{}" srcset="{}" sizes="{}" width="{}" height="{}">'
    return format_html(html, media, fmt, srcset, sizes, first.width, first.height)


@register.simple_tag
def art_directed_picture(image, wide, narrow, sizes, narrow_sizes="calc(100vw - 2rem)"):
    """A wide crop for wide screens and, on a phone, a taller crop of the same picture (`narrow`), so that its
    subject stays recognisable instead of a thin strip. The first thing on its page: fetched first, never lazily."""
    wide_crops, narrow_crops = crops(image, wide), crops(image, narrow)
    sources = [source(narrow_crops[fmt], fmt, narrow_sizes, NARROW_SCREEN) for fmt in PICTURE_FORMATS]
    sources += [source(wide_crops[fmt], fmt, sizes) for fmt in PICTURE_FORMATS[:-1]]
    fallback = wide_crops[PICTURE_FORMATS[-1]]
    img = fallback[0].img_tag({"srcset": width_srcset(fallback), "sizes": sizes, "alt": "", "fetchpriority": "high"})
    return format_html("<picture>{}{}</picture>", mark_safe("".join(sources)), img)


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
