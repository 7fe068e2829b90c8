"""The readable text of a page, and Chinese split into words: what search indexes and what the API and feeds
could summarise, declared with the content so that the serving apps read it from here."""

import functools
import html
import re

from django.utils.html import strip_tags

from wagtail.blocks import StreamValue, StructValue
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.rich_text import RichText
from wagtail.search import index

from .visibility import readers

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def is_chinese(language_code):
    return language_code.startswith("zh")


def segment(text, language_code):
    """Chinese text as space-separated words (jieba, search mode), so word-based indexes can find "节水"."""
    if not text or not (is_chinese(language_code) or CJK.search(text)):
        return text or ""
    import jieba  # loads its dictionary on first use (about a second)

    return " ".join(word for word in jieba.cut_for_search(text) if word.strip())


@functools.cache
def english_stemmer():
    import snowballstemmer  # Snowball's English (Porter2) stemmer, the one PostgreSQL's english configuration uses

    return snowballstemmer.stemmer("english")


def index_words(text, language_code, skip=frozenset()):
    """The words of a text as the database search backend indexes and matches them: Chinese as jieba's words,
    others lower-cased and stemmed, so that "battery" finds "batteries" and "repairing" finds "repair". Words in
    `skip` (lower-case, as typed) are left out."""
    tokens = re.sub(r"[^\w\s]", " ", segment(text, language_code)).split()
    kept = [token.lower() for token in tokens if token.lower() not in skip]
    return [word if CJK.match(word) else stem(word) for word in kept]


@functools.lru_cache(maxsize=50_000)
def stem(word):
    """A lower-case word's English stem ("batteries" and "battery": "batteri"). Remembered: a site uses a few
    thousand words over and over, and Snowball in Python costs about 70 µs a word."""
    return english_stemmer().stemWord(word)


def character_runs(text):
    """The runs of Chinese characters in a text, each as its characters separated by spaces ("节 约 用 水")."""
    return [" ".join(run) for run in CJK_RUN.findall(text or "")]


def searchable_text(text, language_code):
    """A text as the database backend indexes it: its words, then its Chinese characters one by one, so that a
    single character, or a word jieba splits otherwise than the page, finds it too."""
    return "\n".join([" ".join(index_words(text, language_code)), *character_runs(text)])


def load_word_splitter():
    """Loads jieba's dictionary now (about a second), so that a server's first Chinese search does not wait."""
    import jieba

    jieba.initialize()


def is_hidden_file(value):
    return isinstance(value, AbstractDocument | AbstractImage) and not readers().can_see(value)


def value_text(value):
    """The readable text of a field value: rich text, stream blocks, plain strings, documents' titles."""
    if value is None:
        return []
    if isinstance(value, RichText):
        return [html.unescape(strip_tags(value.source))]
    if isinstance(value, str):
        return [html.unescape(strip_tags(value))] if "<" in value else [value]
    if isinstance(value, StreamValue):
        return [text for block in value for text in value_text(block.value)]
    if isinstance(value, AbstractDocument):  # an attached file is known to readers by its title
        return [] if is_hidden_file(value) else [value.title]
    if isinstance(value, StructValue) and any(is_hidden_file(item) for item in value.values()):
        return []  # a caption or link title goes with its image or file
    if isinstance(value, StructValue) and hasattr(value.block, "readable_text"):
        return value.block.readable_text(value)
    if isinstance(value, StructValue | dict):
        return [text for item in value.values() for text in value_text(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in value_text(item)]
    return []


class RelatedNamesField(index.SearchField):
    """A searchable field of names the page links to (topics, organisations): indexed with the page, but not part
    of its own text, which search result snippets quote."""


def page_body_text(page, related_names=True):
    """Everything searchable about a page except its title (summary, body, captions, quotes, tips, place), with
    or without the names of what it links to."""
    texts = []
    for field in page.search_fields:
        if not isinstance(field, index.SearchField) or isinstance(field, index.AutocompleteField):
            continue
        if isinstance(field, RelatedNamesField) and not related_names:
            continue
        name = field.field_name
        if name in ("title", "search_title", "search_body") or not hasattr(page, name):
            continue
        value = getattr(page, name)
        texts.extend(value_text(value() if callable(value) else value))
    return "\n".join(text for text in texts if text and text.strip())
