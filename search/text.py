"""Text for search: what of a page is searchable, Chinese word segmentation, and highlighted snippets."""

import html
import re

from django.apps import apps
from django.utils.html import strip_tags

from wagtail.blocks import StreamValue, StructValue
from wagtail.rich_text import RichText
from wagtail.search import index

# Result kinds, in the order facets list them.
KINDS = {
    "news": "news.NewsArticlePage",
    "program": "resources.ProgramPage",
    "story": "resources.SuccessStoryPage",
    "tips": "resources.TipSheetPage",
}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MAX_QUERY_LENGTH = 200
SNIPPET_LENGTH = 180


def searchable_models():
    return {kind: apps.get_model(label) for kind, label in KINDS.items()}


def kind_of(page):
    for kind, model in searchable_models().items():
        if isinstance(page, model):
            return kind
    return None


def is_chinese(language_code):
    return language_code.startswith("zh")


def segment(text, language_code):
    """Chinese text as space-separated words (jieba, search mode), so word-based indexes can find "节水"."""
    if not text or not (is_chinese(language_code) or CJK.search(text)):
        return text or ""
    import jieba  # loads its dictionary on first use (about a second)

    return " ".join(word for word in jieba.cut_for_search(text) if word.strip())


def value_text(value):
    """The readable text of a field value: rich text, stream blocks, plain strings."""
    if value is None:
        return []
    if isinstance(value, RichText):
        return [html.unescape(strip_tags(value.source))]
    if isinstance(value, str):
        return [html.unescape(strip_tags(value))] if "<" in value else [value]
    if isinstance(value, StreamValue):
        return [text for block in value for text in value_text(block.value)]
    if isinstance(value, StructValue | dict):
        return [text for item in value.values() for text in value_text(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in value_text(item)]
    return []


def page_body_text(page):
    """Everything searchable about a page except its title (summary, body, captions, quotes, tips, place)."""
    texts = []
    for field in page.search_fields:
        if not isinstance(field, index.SearchField) or isinstance(field, index.AutocompleteField):
            continue
        name = field.field_name
        if name in ("title", "search_title", "search_body") or not hasattr(page, name):
            continue
        value = getattr(page, name)
        texts.extend(value_text(value() if callable(value) else value))
    return "\n".join(text for text in texts if text and text.strip())


def clean_query(query):
    """The query as readers meant it: trimmed, bounded, without control characters."""
    query = re.sub(r"[\x00-\x1f\x7f]", " ", query or "")
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


def query_terms(query, language_code):
    words = segment(query, language_code).split() if CJK.search(query) else re.findall(r"\w+", query)
    return [word for word in words if len(word) > 1 or CJK.match(word)]


def highlight(text, terms, length=SNIPPET_LENGTH):
    """An HTML-escaped snippet around the first matched term, every term wrapped in <mark>."""
    if not text:
        return ""
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms if term and term.lower() in lowered]
    start = max(0, min(positions) - length // 3) if positions else 0
    snippet = text[start : start + length]
    escaped = html.escape(snippet)
    for term in sorted({html.escape(t) for t in terms if t}, key=len, reverse=True):
        escaped = re.sub(f"({re.escape(term)})", r"<mark>\1</mark>", escaped, flags=re.IGNORECASE)
    escaped = re.sub(r"<mark><mark>(.*?)</mark></mark>", r"<mark>\1</mark>", escaped)
    return ("…" if start else "") + escaped + ("…" if start + length < len(text) else "")
