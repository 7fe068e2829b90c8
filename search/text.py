"""Text for search: queries cleaned and split into terms (Chinese through home.text), and highlighted snippets."""

import functools
import html
import re

import opencc

from home.text import CJK, segment, stem

LATIN_WORD = re.compile(r"[A-Za-z]+")
# Chinese full stops and commas carry their own space: the space that joins two fields after one is left out.
SPACE_AFTER_CHINESE_STOP = re.compile(r"(?<=[。！？；：，、）」》]) ")
MAX_QUERY_LENGTH = 200
SNIPPET_LENGTH = 180
# Words too common to search or highlight by (the engines' English analyzer drops them too), and the Chinese
# particles as jieba splits them.
STOP_WORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "into", "is", "it", "its", "of"}
    | {"on", "or", "our", "the", "their", "to", "was", "we", "were", "with"}
    | {"的", "了", "和", "与", "及", "在", "是", "把", "被", "对", "也", "都", "之"}
)


def clean_query(query):
    """The query as readers meant it: trimmed, bounded, without control characters, and in Simplified characters
    (readers in Hong Kong, Taiwan and abroad type Traditional ones; the site is written in Simplified)."""
    query = re.sub(r"[\x00-\x1f\x7f]", " ", query or "")
    return to_simplified(" ".join(query.split())[:MAX_QUERY_LENGTH])


@functools.cache
def traditional_to_simplified():
    return opencc.OpenCC("t2s")  # OpenCC's character and phrase tables; converting holds no state


def to_simplified(text):
    return traditional_to_simplified().convert(text) if CJK.search(text) else text


def query_terms(query, language_code):
    words = segment(query, language_code).split() if CJK.search(query) else re.findall(r"\w+", query)
    return [word for word in words if (len(word) > 1 or CJK.match(word)) and word.lower() not in STOP_WORDS]


def with_inflections(terms, text):
    """The terms, and the words of the text with the same English stem as one of them: the search found "batteries"
    for "battery", and the snippet marks it."""
    stems = {stem(term.lower()) for term in terms if LATIN_WORD.fullmatch(term)}
    if not stems:
        return terms
    starts = {word_stem[:2] for word_stem in stems}
    words = {word for word in LATIN_WORD.findall(text) if word[:2].lower() in starts}
    return [*terms, *(word for word in words if stem(word.lower()) in stems)]


def highlight(text, terms, length=SNIPPET_LENGTH):
    """An HTML-escaped snippet around the first matched term, its whitespace normalised, every term (and its
    inflections) wrapped in <mark>: English terms as whole words only, and marks that touch merged into one, so a
    highlight never splits a word ("节约用水", not "节约" "用水")."""
    text = SPACE_AFTER_CHINESE_STOP.sub("", " ".join((text or "").split()))
    if not text:
        return ""
    terms = sorted({term for term in with_inflections(terms, text) if term}, key=len, reverse=True)
    first = any_term(terms).search(text) if terms else None  # the leftmost match of any term
    start = max(0, first.start() - length // 3) if first else 0
    if start and LATIN_WORD.match(text[start - 1 : start + 1]):  # begin at a word, not in one ("…uding")
        start = text.find(" ", start, first.start()) + 1 or start
    snippet = text[start : start + length]
    marked = html.escape(snippet)
    if terms:
        escaped = any_term([html.escape(term) for term in terms])
        marked = escaped.sub(lambda match: f"<mark>{match.group(0)}</mark>", marked).replace("</mark><mark>", "")
    return ("…" if start else "") + marked + ("…" if start + length < len(text) else "")


def any_term(terms):
    """One pattern for all the terms, longest first. Where a term counts as found: an English word only as a whole
    word ("water", not inside "wastewater"); Chinese, which has no spaces between words, anywhere."""
    alternatives = [
        rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])" if LATIN_WORD.search(term) else re.escape(term)
        for term in terms
    ]
    return re.compile("|".join(alternatives), re.IGNORECASE)
