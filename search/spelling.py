"""Typos on the database backend, which matches words exactly: each English query word the site never uses is
replaced by the closest word it does use (up to two edits), from the text of its live pages. A
confident correction (one edit, one candidate) is searched at once when the query as typed finds nothing; others
are offered as "Did you mean …?". Chinese words are left alone: near-miss characters are different words."""

import difflib
from dataclasses import dataclass

from home.text import index_words
from search.compat import looking_words_up_in_the_index
from search.facts import database_backend, searchable_pages
from search.vocabulary import WORD, site_vocabulary

SHORTEST_CORRECTED = 4  # shorter words have too many neighbours to guess from


def used_on_site(word, languages):
    """Whether a live page in these languages has the word anywhere in its text (names such as "Wang" are not in
    the titles and summaries the vocabulary is made of, and are not typos)."""
    indexed = " ".join(index_words(word, languages[0]))
    with looking_words_up_in_the_index():
        found = searchable_pages(languages).search(indexed, order_by_relevance=False, backend=database_backend())
        return bool(found[:1])


def edits(word, other):
    """Optimal string alignment distance: letters missing, extra or changed, and two neighbours swapped, each one
    edit (the engines' fuzzy matching counts the same way)."""
    rows = [list(range(len(other) + 1))]
    for i, letter in enumerate(word, 1):
        row = [i]
        for j, other_letter in enumerate(other, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (letter != other_letter))
            if i > 1 and j > 1 and letter == other[j - 2] and word[i - 2] == other_letter:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


@dataclass(frozen=True)
class Correction:
    """The query with its misspelt words corrected; confident when each correction is one edit away and the only
    word of the site that close (search then shows its results at once), else offered as "Did you mean"."""

    text: str
    confident: bool


def corrected_word(word, vocabulary):
    """(the closest word of the site within two edits, whether it is one edit away and alone at that), or None."""
    close = difflib.get_close_matches(word, vocabulary, n=5, cutoff=0.7)
    scored = sorted((edits(word, match), match) for match in close if abs(len(match) - len(word)) <= 2)
    scored = [(distance, match) for distance, match in scored if distance <= 2]
    if not scored:
        return None
    best_distance, best = scored[0]
    alone = sum(distance == best_distance for distance, _match in scored) == 1
    return best, best_distance == 1 and alone


def correct(query, languages, known=()):
    """The Correction of the query's misspelt English words, or None if there is nothing to correct; the words of
    `known` phrases (the glossary's, say "NTCMC") are never corrected."""
    known_words = {word.lower() for phrase in known for word in WORD.findall(phrase)}
    vocabulary, corrected, confident = None, [], True
    for token in query.split():
        word = token.lower()
        if WORD.fullmatch(token) and len(word) >= SHORTEST_CORRECTED and word not in known_words:
            vocabulary = vocabulary if vocabulary is not None else site_vocabulary(languages)
            if word not in vocabulary and not used_on_site(word, languages):
                found = corrected_word(word, vocabulary)
                if found:
                    token, sure = found
                    confident = confident and sure
        corrected.append(token)
    suggestion = " ".join(corrected)
    return Correction(suggestion, confident) if suggestion.lower() != query.lower() else None
