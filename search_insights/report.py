"""What the Searches report shows for a language (or all) and a date range, read from the daily counts."""

import csv
import datetime

from django import forms
from django.conf import settings
from django.db.models import F, Max, Sum
from django.db.models.functions import TruncWeek
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DailySearch

ROWS = 50  # per table
LONGEST_RANGE = 366  # days


class RangeForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages = [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]
        self.fields["language"].choices = [("", _("All languages")), *languages]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return cleaned  # the field says what is wrong
        if start > end:
            raise forms.ValidationError(_("The start of the range comes after its end."))
        if (end - start).days >= LONGEST_RANGE:
            raise forms.ValidationError(_("Choose a range of at most a year."))
        return cleaned


def with_default_range(params):
    """The query parameters with the last 30 days filled in where no date was given, shown in the form as such."""
    params, today = params.copy(), timezone.localdate()
    if not params.get("end"):
        params["end"] = today.isoformat()
    if not params.get("start"):
        params["start"] = (today - datetime.timedelta(days=29)).isoformat()
    return params


def counts_in(language, start, end):
    rows = DailySearch.objects.filter(day__range=(start, end))
    return rows.filter(language=language) if language else rows


def by_query(rows):
    return rows.values("language", "query").annotate(
        total=Sum("searches"), found_nothing=Sum("empty"), opens=Sum("opened"), last_results=Max("results")
    )


def tables(language, start, end):
    """The report's tables: top queries, those that found nothing, those whose results nobody opened, by week."""
    rows = counts_in(language, start, end)
    queries = by_query(rows).order_by("-total", "query")
    weekly = rows.annotate(week=TruncWeek("day")).values("week")
    return {
        "top": list(queries[:ROWS]),
        "empty": list(queries.filter(found_nothing=F("total"))[:ROWS]),
        "unopened": list(queries.filter(opens=0).exclude(found_nothing=F("total"))[:ROWS]),
        "weeks": list(
            weekly.annotate(total=Sum("searches"), found_nothing=Sum("empty"), opens=Sum("opened")).order_by("week")
        ),
    }


def csv_response(language, start, end):
    """Every query of the range with its totals, most searched first."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="searches-{language or "all"}-{start}-{end}.csv"'
    response.write("\ufeff")  # spreadsheets then read the Chinese as UTF-8
    writer = csv.writer(response)
    writer.writerow(["query", "language", "searches", "found nothing", "results opened", "results (last search)"])
    for row in by_query(counts_in(language, start, end)).order_by("-total", "query"):
        cells = [row["language"], row["total"], row["found_nothing"], row["opens"], row["last_results"]]
        writer.writerow([as_text(row["query"]), *cells])
    return response


def as_text(query):
    """A reader's query as a spreadsheet cell: never a formula (=, +, - or @ first is read as one)."""
    return f"'{query}" if query[:1] in ("=", "+", "-", "@", "\t", "\r") else query
