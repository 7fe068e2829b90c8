"""The words readers may be corrected to (search/spelling.py), kept page by page so that a publish costs the same
however large the site is."""

from django.db import models


class PageWords(models.Model):
    """The English words of one page readers may search, as they were last counted (empty once it is not)."""

    page_id = models.BigIntegerField(primary_key=True)  # no foreign key: the row outlives the page to be undone
    language_code = models.CharField(max_length=20, blank=True)
    words = models.TextField(blank=True)  # distinct, lower case, space-separated
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self):
        return f"page {self.page_id}: {len(self.words.split())} words"


class VocabularyWord(models.Model):
    """A word and how many searchable pages in its language use it."""

    language_code = models.CharField(max_length=20)
    word = models.CharField(max_length=100)
    pages = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language_code", "word"], name="unique_vocabulary_word")]

    def __str__(self):
        return f"{self.word} ({self.language_code}): {self.pages} pages"
