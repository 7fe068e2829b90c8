""" "Did you mean …?" for the database backend, which matches words exactly: each English query word the site never
uses is replaced by the closest word it does use (up to two edits), from the titles and summaries of its live
pages. Chinese words are left alone: near-miss characters are different words, not typos."""

import difflib
import re

from django.core.cache import cache
from django.db.models import Count, Max

from home.content import content_kinds
from home.text import index_words
from home.visibility import readers
from search.facts import database_backend, searchable_pages

WORD = re.compile(r"[A-Za-z]+")
SHORTEST_CORRECTED = 4  # shorter words have too many neighbours to guess from


def site_vocabulary(languages):
    """The lower-case English words of the live pages' titles and summaries in these languages, cached until a
    page is published or unpublished."""
    version = readers().pages().aggregate(count=Count("pk"), latest=Max("last_published_at"))
    stamp = version["latest"].timestamp() if version["latest"] else 0
    key = f"search-vocabulary:{'-'.join(sorted(languages))}:{version['count']}:{stamp}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        vocabulary = set()
        for model in content_kinds().values():
            pages = readers().pages(model.objects.filter(locale__language_code__in=languages))
            for title, summary in pages.values_list("title", "summary"):
                vocabulary.update(word.lower() for word in WORD.findall(f"{title} {summary}"))
        cache.set(key, vocabulary, timeout=24 * 3600)
    return vocabulary


def used_on_site(word, languages):
    """Whether a live page in these languages has the word anywhere in its text (names such as "Wang" are not in
    the titles and summaries the vocabulary is made of, and are not typos)."""
    indexed = " ".join(index_words(word, languages[0]))
    return bool(searchable_pages(languages).search(indexed, order_by_relevance=False, backend=database_backend())[:1])


def within_two_edits(word, other):
    """Levenshtein distance of at most two (the same bound the search engines use for typos)."""
    if abs(len(word) - len(other)) > 2:
        return False
    previous = list(range(len(other) + 1))
    for i, letter in enumerate(word, 1):
        current = [i]
        for j, other_letter in enumerate(other, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other_letter)))
        previous = current
    return previous[-1] <= 2


def did_you_mean(query, languages, known=()):
    """The query with its misspelt English words corrected, or None if there is nothing to correct; the words of
    `known` phrases (the glossary's, say "NTCMC") are never corrected."""
    known_words = {word.lower() for phrase in known for word in WORD.findall(phrase)}
    vocabulary = None
    corrected = []
    for token in query.split():
        word = token.lower()
        if WORD.fullmatch(token) and len(word) >= SHORTEST_CORRECTED and word not in known_words:
            vocabulary = vocabulary if vocabulary is not None else site_vocabulary(languages)
            if word not in vocabulary and not used_on_site(word, languages):
                close = difflib.get_close_matches(word, vocabulary, n=3, cutoff=0.7)
                token = next((match for match in close if within_two_edits(word, match)), token)
        corrected.append(token)
    suggestion = " ".join(corrected)
    return suggestion if suggestion.lower() != query.lower() else None
