""" "Did you mean …?" for the database backend, which matches words exactly: each English query word the site never
uses is replaced by the closest word it does use (up to two edits), from the titles and summaries of its live
pages. Chinese words are left alone: near-miss characters are different words, not typos."""

import difflib
import re

from django.core.cache import cache
from django.db.models import Count, Max

from home.content import content_kinds
from search.facts import live_public_pages

WORD = re.compile(r"[A-Za-z]+")
SHORTEST_CORRECTED = 4  # shorter words have too many neighbours to guess from


def site_vocabulary(languages):
    """The lower-case English words of the live pages' titles and summaries in these languages, cached until a
    page is published or unpublished."""
    version = live_public_pages().aggregate(count=Count("pk"), latest=Max("last_published_at"))
    stamp = version["latest"].timestamp() if version["latest"] else 0
    key = f"search-vocabulary:{'-'.join(sorted(languages))}:{version['count']}:{stamp}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        vocabulary = set()
        for model in content_kinds().values():
            pages = model.objects.live().public().filter(locale__language_code__in=languages)
            for title, summary in pages.values_list("title", "summary"):
                vocabulary.update(word.lower() for word in WORD.findall(f"{title} {summary}"))
        cache.set(key, vocabulary, timeout=24 * 3600)
    return vocabulary


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


def did_you_mean(query, languages):
    """The query with its misspelt English words corrected, or None if there is nothing to correct."""
    vocabulary = None
    corrected = []
    for token in query.split():
        word = token.lower()
        if WORD.fullmatch(token) and len(word) >= SHORTEST_CORRECTED:
            vocabulary = vocabulary if vocabulary is not None else site_vocabulary(languages)
            if word not in vocabulary:
                close = difflib.get_close_matches(word, vocabulary, n=3, cutoff=0.7)
                token = next((match for match in close if within_two_edits(word, match)), token)
        corrected.append(token)
    suggestion = " ".join(corrected)
    return suggestion if suggestion.lower() != query.lower() else None
