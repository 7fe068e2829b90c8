"""What readers searched for, with nothing of who they are: no address, session, user or user agent, and no time
finer than the day. Raw events are kept SEARCH_EVENTS_KEEP_DAYS, the daily counts SEARCH_COUNTS_KEEP_DAYS."""

from django.db import models


class SearchEvent(models.Model):
    class Kind(models.TextChoices):
        SEARCH = "search"
        OPEN = "open"  # a result opened from the search page

    kind = models.CharField(max_length=6, choices=Kind.choices)
    day = models.DateField(db_index=True)
    language = models.CharField(max_length=16)
    query = models.CharField(max_length=200)  # normalised (search_insights.counting.normalised)
    results = models.PositiveIntegerField(null=True)  # searches: how many results it found

    def __str__(self):
        return f"{self.day} {self.language} {self.kind} “{self.query}”"


class DailySearch(models.Model):
    """One query in one language on one day: how often it was searched, how often it found nothing, how many
    results it found last, and how often a result was opened."""

    day = models.DateField()
    language = models.CharField(max_length=16)
    query = models.CharField(max_length=200)
    searches = models.PositiveIntegerField(default=0)
    empty = models.PositiveIntegerField(default=0)
    results = models.PositiveIntegerField(default=0)
    opened = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="one_count_per_query_day")]
        indexes = [models.Index(fields=["language", "day"], name="daily_search_by_language")]

    def __str__(self):
        return f"{self.day} {self.language} “{self.query}”: {self.searches}"
