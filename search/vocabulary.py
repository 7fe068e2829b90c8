"""The English words of the pages readers may search, kept page by page (search.models): each change recounts the
pages it touched, so publishing costs the same on a site of 100 pages or 100,000, and the spelling corrections
(search/spelling.py) read the words without reading the pages."""

import re
from collections import Counter

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Max

from wagtail.models import Locale, Page

from home.content import content_kinds
from home.text import page_body_text
from home.visibility import Readers, readers

from .facts import is_searchable
from .models import PageWords, VocabularyWord

WORD = re.compile(r"[A-Za-z]+")
LONGEST_WORD = VocabularyWord._meta.get_field("word").max_length


def words_of(page):
    """The distinct lower-case English words of a page: its title and all its text."""
    text = f"{page.title} {page_body_text(page, related_names=False)}"
    return {word.lower() for word in WORD.findall(text) if len(word) <= LONGEST_WORD}


def count_pages(page_ids):
    """Brings the vocabulary in step with these pages: the words of those readers may search are counted, those
    of the others (unpublished, private, deleted, not content) no longer are."""
    page_ids = sorted(set(page_ids))
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    visible = Readers()
    added, removed = Counter(), Counter()
    with transaction.atomic():
        PageWords.objects.bulk_create([PageWords(page_id=page_id) for page_id in page_ids], ignore_conflicts=True)
        for row in PageWords.objects.select_for_update().filter(page_id__in=page_ids).order_by("page_id"):
            page = pages.get(row.page_id)
            now, before = (words_of(page) if is_searchable(page, visible) else set()), set(row.words.split())
            language = languages[page.locale_id] if page else row.language_code
            gone, new = (before, now) if language != row.language_code else (before - now, now - before)
            removed.update((row.language_code, word) for word in gone)
            added.update((language, word) for word in new)
            row.language_code, row.words = language, " ".join(sorted(now))
            row.save()
        change_counts(added, removed)


def change_counts(added, removed):
    """Adds to and takes from the pages counted for each (language, word), dropping words no page uses."""
    VocabularyWord.objects.bulk_create(
        [VocabularyWord(language_code=language, word=word) for language, word in added], ignore_conflicts=True
    )
    for counts, sign in ((added, 1), (removed, -1)):
        by_amount = {}
        for (language, word), amount in counts.items():
            by_amount.setdefault((language, amount), []).append(word)
        for (language, amount), words in by_amount.items():
            counted = VocabularyWord.objects.filter(language_code=language, word__in=words)
            counted.update(pages=F("pages") + sign * amount)
    VocabularyWord.objects.filter(pages__lte=0).delete()


def count_every_page(chunk_size=500):
    """Counts the whole site again (after a bulk import, or to check the counts)."""
    PageWords.objects.all().delete()
    VocabularyWord.objects.all().delete()
    ids = list(readers().pages(Page.objects.type(*content_kinds().values())).values_list("pk", flat=True))
    for start in range(0, len(ids), chunk_size):
        count_pages(ids[start : start + chunk_size])


def site_vocabulary(languages):
    """The words the pages in these languages use, cached until the counts change."""
    latest = PageWords.objects.aggregate(latest=Max("updated_at"))["latest"]
    stamp = latest.timestamp() if latest else 0
    key = f"search-vocabulary:{'-'.join(sorted(languages))}:{stamp}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        words = VocabularyWord.objects.filter(language_code__in=languages).values_list("word", flat=True)
        vocabulary = set(words)
        cache.set(key, vocabulary, timeout=24 * 3600)
    return vocabulary
