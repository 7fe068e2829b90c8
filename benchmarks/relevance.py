"""Search relevance on the demo site: recall@3 and MRR of the hand-judged reader queries in
relevance_queries.tsv, on the database backend and on each search engine named.

    .venv/bin/python benchmarks/relevance.py [--engine elasticsearch=http://127.0.0.1:9200] [--min-recall 0.95]

Builds the demo site in a throwaway SQLite database, indexes it on each backend, asks every query on each search
surface, as a reader or an app would (the search page, /api/v2/search/, the pages API's `?search=`; glossary
synonyms, Traditional characters, typos and all) and prints the scores per backend and surface and per kind of
query, then the misses. Exits 1 when a backend's recall@3 on a surface --gate names (all by default) is under
--min-recall.

Every query is scored as typed, with no click on "Did you mean": every backend forgives typos (the database backend
by showing a confident correction's results at once when the query as typed finds nothing, and by matching the
correction it offers as "Did you mean …?" as well).

recall@3 of a query: the share of its relevant pages (at most three) among the first three results; MRR: the mean
of 1 / the rank of the first relevant result (0 when none is in the first ten).
"""

import argparse
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).with_name("relevance_queries.tsv")
CUTOFF, DEPTH = 3, 10


def load_queries(path=QUERIES):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, language, scope, query, relevant = line.split("\t")
            rows.append((kind, language, scope == "all", query, relevant.split()))
    return rows


def page_finder():
    """Resolves "zh/water-conservation" to the page: the English page whose slug starts so, or its translation."""
    from wagtail.models import Locale, Page

    locales = {"en": Locale.objects.get(language_code="en"), "zh": Locale.objects.get(language_code="zh-hans")}
    english = Page.objects.live().filter(locale=locales["en"], depth__gt=3)

    def find(name):
        language, slug = name.split("/", 1)
        matches = [page for page in english if page.slug.startswith(slug)]
        if len(matches) != 1:
            raise SystemExit(f"{name!r} names {len(matches)} demo pages; it must name one")
        return matches[0].get_translation(locales[language]).pk

    return find


def search_api(client, query, language, all_languages):
    """The ids /api/v2/search/ finds."""
    scope = {"all": "1"} if all_languages else {"locale": language}
    answer = client.get("/api/v2/search/", {"q": query, "limit": DEPTH, **scope}).json()
    return [hit["id"] for hit in answer["items"]]


def pages_api(client, query, language, all_languages):
    """The ids Wagtail's `?search=` on the pages endpoint finds."""
    scope = {} if all_languages else {"locale": language}
    answer = client.get("/api/v2/pages/", {"search": query, "limit": DEPTH, **scope}).json()
    return [item["id"] for item in answer["items"]]


def search_page(client, query, language, all_languages):
    """The pages the reader's search page links to, in order (each link goes through /search/open/<id>/)."""
    from bs4 import BeautifulSoup

    html = client.get(f"/{language}/search/", {"q": query, **({"all": "1"} if all_languages else {})}).content
    soup = BeautifulSoup(html, "html.parser")
    links = [link["href"] for link in soup.select("ol.results-list h2 a")[:DEPTH]]
    return [int(re.search(r"/search/open/(\d+)/", link).group(1)) for link in links]


SURFACES = {"search page": search_page, "search API": search_api, "pages API": pages_api}


def evaluate(queries, find, surface):
    """Scores per query on one surface: (kind, query, language, recall@3, reciprocal rank, ids found)."""
    from django.test import Client

    client, scores = Client(), []
    for kind, language, all_languages, query, relevant in queries:
        wanted = {find(name) for name in relevant}
        found = surface(client, query, language, all_languages)
        recall = len(wanted & set(found[:CUTOFF])) / min(len(wanted), CUTOFF)
        rank = next((position for position, pk in enumerate(found, 1) if pk in wanted), None)
        scores.append((kind, query, language, recall, 1 / rank if rank else 0.0, found[:CUTOFF]))
    return scores


def summarize(label, scores):
    def mean(values):
        return sum(values) / len(values) if values else 0.0

    recall, mrr = mean([s[3] for s in scores]), mean([s[4] for s in scores])
    print(f"\n{label}: recall@3 {recall:.3f}  MRR {mrr:.3f}  ({len(scores)} queries)")
    by_kind = defaultdict(list)
    for score in scores:
        by_kind[(score[0], "zh" if score[2].startswith("zh") else "en")].append(score)
    for (kind, language), group in sorted(by_kind.items()):
        print(
            f"  {kind:12} {language}  {len(group):3}  recall@3 {mean([s[3] for s in group]):.3f}"
            f"  MRR {mean([s[4] for s in group]):.3f}"
        )
    for _kind, query, language, score, _rr, found in scores:
        if score < 1:
            print(f"  miss ({score:.2f}) [{language}] {query!r}: pages {found}")
    return recall, mrr


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", action="append", default=[], metavar="NAME=URL", help="a search engine to score")
    parser.add_argument("--min-recall", type=float, default=0.0, help="exit 1 when a backend scores under this")
    parser.add_argument(
        "--gate", action="append", choices=list(SURFACES), help="the surfaces --min-recall holds (all when none named)"
    )
    args = parser.parse_args()
    engines = [item.split("=", 1) for item in args.engine]

    workdir = tempfile.mkdtemp(prefix="relevance-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{workdir}/db.sqlite3",
        MEDIA_ROOT=f"{workdir}/media",
        BACKGROUND_TASKS="false",
        ELASTICSEARCH_URL="",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import override_settings

    from search import service

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    queries, find = load_queries(), page_finder()
    results = {}
    for surface, ask in SURFACES.items():
        results[("database", surface)] = summarize(f"database, {surface}", evaluate(queries, find, ask))
    for name, url in engines:
        with override_settings(ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX_PREFIX=f"relevance{os.getpid()}"):
            count, _seconds = service.rebuild()
            with service.answering() as answered:
                for surface, ask in SURFACES.items():
                    label = f"{name} ({count} pages indexed), {surface}"
                    results[(name, surface)] = summarize(label, evaluate(queries, find, ask))
            if answered.degraded:
                raise SystemExit(f"{name} at {url} did not answer every query")
            from search.engine import client

            client().indices.delete(index=f"relevance{os.getpid()}_*")
    print()
    gated = args.gate or list(SURFACES)
    failing = [
        ", ".join(key) for key, (recall, _mrr) in results.items() if key[1] in gated and recall < args.min_recall
    ]
    for (name, surface), (recall, mrr) in results.items():
        print(f"{name:14} {surface:12} recall@3 {recall:.3f}  MRR {mrr:.3f}")
    if failing:
        print(f"recall@3 under {args.min_recall} on: {', '.join(failing)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
