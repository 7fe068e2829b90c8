"""Scale benchmark: what each cost becomes as the site grows from 1,000 to 10,000 (and 100,000) pages.

    BENCH_DATABASE_URL=postgres://cms:cms@127.0.0.1:5432/scale .venv/bin/python benchmarks/scale.py
        [--sizes 1000,10000] [--full] [--engine opensearch] [--seconds 8] [--workdir DIR]

One database (BENCH_DATABASE_URL, else SQLite in the work folder) grows to each size in turn with the bulk seeder
(benchmarks/bulk_seed.py), then is analysed (VACUUM ANALYZE on PostgreSQL, as autovacuum soon would); --full
adds the 100,000-page size. At each size it measures:
- an editor's publish: a new revision of an article saved and published, with every signal handler (the change
  record, the database search index, the queued tasks), median of 20;
- the worker's index update for one page: the database backend's and the engine's, median of 20;
- reader search through gunicorn (2 workers), 8 clients, English and Chinese queries, the response cache off:
  p99 on the database backend and on the engine (a node of its own, tools/search_node.sh), and on the engine
  with one client (the time of a search without waiting for a free worker);
- the API's listing and detail, cold (the response cache off): median latency, 2 clients;
- a sync delta after one edit, and a full initial sync (every page of answers, 500 items each), after a first
  walk that makes the images' renditions;
- a full `rebuild_search_index` on each backend, in pages per second;
- the memory (RSS) of a serving worker after all that.
It prints the table with each figure and its ratio to the first size's.
"""

import argparse
import json
import random
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from common import bench_env, drive, gunicorn, run_django
from search_load import CHINESE, ENGLISH, search_node

SEED = "from benchmarks.bulk_seed import grow_to\nprint(grow_to({size}, progress=lambda *a, **k: None))"
IN_PROCESS = """
import json, statistics, time
from django.test import Client
from wagtail.search.backends import get_search_backend
from news.models import NewsArticlePage
from search import service
from search.facts import database_backend

def median_ms(action, times=20):
    seconds = []
    for number in range(times):
        started = time.perf_counter()
        action(number)
        seconds.append(time.perf_counter() - started)
    return 1000 * statistics.median(seconds)

articles = list(NewsArticlePage.objects.filter(slug__startswith="bulk-").order_by("-pk")[:20])

def publish(number):
    article = articles[number]
    article.title += " (edited)"
    article.save_revision().publish()

client = Client(HTTP_HOST="127.0.0.1")

def walk(params):
    count = 0
    while True:
        answer = client.get("/api/v2/sync/", {**params, "limit": 500}).json()
        count += len(answer["items"])
        if answer["next_page_token"] is None:
            return answer["next_sync_token"], count
        params = {"token": answer["next_page_token"]}

database = get_search_backend(database_backend())
walk({})  # the first walk also makes the images' renditions and warms the process: not the sync's cost
results = {"publish": median_ms(publish)}
results["index one page, database"] = median_ms(lambda number: database.add(articles[number]))
if service.engine_configured():
    results["index one page, engine"] = median_ms(lambda number: service.apply_updates([articles[number].pk]))
started = time.perf_counter()
token, items = walk({})
results["full sync"] = 1000 * (time.perf_counter() - started)
results["full sync items"] = items
results["full sync per 1000"] = 1000 * results["full sync"] / items
publish(0)
results["sync delta"] = median_ms(lambda number: walk({"token": token}))
print(json.dumps(results))
"""
REBUILD_DATABASE = """
import json, time
from django.core.management import call_command
from wagtail.models import Page
started = time.perf_counter()
call_command("update_index", backend_name="{backend}", verbosity=0)
print(json.dumps(Page.objects.count() / (time.perf_counter() - started)))
"""
REBUILD_ENGINE = """
import json
from search import service
count, seconds = service.rebuild()
print(json.dumps(count / seconds))
"""
SETTLE = """
from django.db import connection
if connection.vendor == "postgresql":  # as autovacuum would soon: statistics for the planner, no vacuum running later
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
"""
ARTICLE_IDS = """
from news.models import NewsArticlePage
print(list(NewsArticlePage.objects.values_list("pk", flat=True)))
"""
ROWS = [
    ("publish", "an editor's publish, ms"),
    ("index one page, database", "index update for one page, database, ms"),
    ("index one page, engine", "index update for one page, engine, ms"),
    ("search p99, database", "reader search p99 (8 clients), database, ms"),
    ("search p99, engine", "reader search p99 (8 clients), engine, ms"),
    ("search p99 alone, engine", "reader search p99 (1 client), engine, ms"),
    ("api listing", "API listing, cold, median ms"),
    ("api detail", "API detail, cold, median ms"),
    ("sync delta", "sync delta after one edit, ms"),
    ("full sync", "full initial sync, ms"),
    ("full sync per 1000", "full initial sync, ms per 1,000 items"),
    ("rebuild, database", "rebuild_search_index, database, pages/s"),
    ("rebuild, engine", "rebuild_search_index, engine, pages/s"),
    ("worker memory", "memory of a serving worker, MB"),
]


def searches(base, seconds, clients=8):
    """p99 of English and Chinese searches, each new to the server (the response cache is off)."""
    queries = [(query, "en") for query in ENGLISH] + [(query, "zh-hans") for query in CHINESE]

    def path():
        query, language = random.choice(queries)
        return f"/api/v2/search/?q={quote(query)}&locale={language}"

    drive(base, path, 2, clients)  # each worker meets the site once
    result = drive(base, path, seconds, clients)
    if result["errors"]:
        raise SystemExit(f"searches failed: {result['errors']}")
    return result["p99_ms"]


def api_latency(base, seconds, ids):
    listing = drive(base, lambda: "/api/v2/pages/?type=news.NewsArticlePage&limit=20", seconds, 2)["p50_ms"]
    detail = drive(base, lambda: f"/api/v2/pages/{random.choice(ids)}/", seconds, 2)["p50_ms"]
    return listing, detail


def worker_memory(port):
    """The largest resident set of the gunicorn workers serving on this port, in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            command = (status.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if "gunicorn" in command and f"127.0.0.1:{port}" in command and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return max(sizes)


def measure(size, workdir, engine_url, args):
    database_env = bench_env(workdir, ELASTICSEARCH_URL="", RESPONSE_CACHE_URL="dummy://")
    started = time.perf_counter()
    pages = int(run_django(SEED.format(size=size), database_env).split()[-1])
    print(f"{pages} pages seeded in {time.perf_counter() - started:.0f} s", flush=True)
    run_django(SETTLE, database_env)
    engine_env = {**database_env, "ELASTICSEARCH_URL": engine_url, "ELASTICSEARCH_INDEX_PREFIX": "scale"}
    results = {"rebuild, database": json.loads(run_django(REBUILD_DATABASE.format(backend="default"), database_env))}
    results["rebuild, engine"] = json.loads(run_django(REBUILD_ENGINE, engine_env))
    results.update(json.loads(run_django(IN_PROCESS, engine_env).splitlines()[-1]))
    ids = random.sample(json.loads(run_django(ARTICLE_IDS, database_env)), 200)
    with gunicorn(database_env, args.port, 2) as base:
        results["search p99, database"] = searches(base, args.seconds)
        results["api listing"], results["api detail"] = api_latency(base, args.seconds, ids)
        results["worker memory"] = worker_memory(args.port)
    with gunicorn(engine_env, args.port + 1, 2) as base:
        results["search p99, engine"] = searches(base, args.seconds)
        results["search p99 alone, engine"] = searches(base, args.seconds, clients=1)
    results["pages"] = pages
    print(json.dumps(results), flush=True)
    return results


def print_table(by_size):
    sizes = list(by_size)
    first = by_size[sizes[0]]
    columns = [f"{by_size[size]['pages']:,} pages" for size in sizes]
    print(f"| measure | {' | '.join(columns)} |")
    print("|---" * (len(sizes) + 1) + "|")
    for key, label in ROWS:
        cells = []
        for size in sizes:
            value = by_size[size][key]
            ratio = value / first[key] if first[key] else float("nan")
            cells.append(f"{value:,.1f}" if size == sizes[0] else f"{value:,.1f} ({ratio:.2f}×)")
        print(f"| {label} | {' | '.join(cells)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="page counts, ascending")
    parser.add_argument("--full", action="store_true", help="add the 100,000-page size (an hour or more)")
    parser.add_argument("--engine", default="opensearch", choices=["elasticsearch", "opensearch"])
    parser.add_argument("--seconds", type=float, default=8, help="load per scenario")
    parser.add_argument("--port", type=int, default=8786)
    parser.add_argument("--workdir", help="a folder to keep the database and the node in")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")] + ([100_000] if args.full else [])
    workdir = args.workdir or tempfile.mkdtemp(prefix="scale-bench-")
    by_size = {}
    with search_node(args.engine, str(Path(workdir) / "node")) as (url, _control):
        for size in sizes:
            by_size[size] = measure(size, workdir, url, args)
            print_table(by_size)
    print(f"\nmedians; {args.seconds:.0f} s of load a scenario; ratios to the {sizes[0]:,}-page figures")


if __name__ == "__main__":
    main()
