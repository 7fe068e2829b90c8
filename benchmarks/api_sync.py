"""Sync benchmark: a mobile app's initial sync of a large site, and what a delta costs, in one run.

    .venv/bin/python benchmarks/api_sync.py [--articles 5000] [--limit 500] [--rounds 3]
    BENCH_DATABASE_URL=postgres://... .venv/bin/python benchmarks/api_sync.py

Seeds N news articles in each language (benchmarks/seed.py: 2N pages, plus the demo site), then:
- the initial sync, timed end to end by a client following `next_page_token` (the project with its response cache
  off, one gunicorn worker), beside what an app would do without it (page through Wagtail's stock API v2 listings of
  pages, images and documents, 100 at a time) and the floor (a trivial app serving the project's bytes), alternating
  rounds; with the peak memory of the serving worker;
- an unchanged site's delta: req/s answered 304 (If-None-Match) and 200 (an empty body);
- deltas after 0, 1, 10 and 100 edits and after a view restriction that takes N pages out, in process: queries and
  milliseconds per page of the answer, and the writer's cost for that restriction.
"""

import argparse
import contextlib
import json
import statistics
import tempfile
import time
from pathlib import Path

from common import bench_env, drive, fetch, gunicorn, run_django

SEED = "from benchmarks.seed import seed_news\nseed_news({articles})"
DELTAS = """
import json, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from news.models import NewsArticlePage, NewsIndexPage

client, limit = Client(HTTP_HOST="127.0.0.1"), {limit}

def walk(params):
    pages, started = [], time.perf_counter()
    while True:
        with CaptureQueriesContext(connection) as queries:
            answer = client.get("/api/v2/sync/", {{**params, "limit": limit}}).json()
        pages.append({{"queries": len(queries), "items": len(answer["items"]), "removed": len(answer["removed"])}})
        if answer["next_page_token"] is None:
            return answer["next_sync_token"], pages, 1000 * (time.perf_counter() - started)
        params = {{"token": answer["next_page_token"]}}

token, _pages, _ms = walk({{}})
articles = NewsArticlePage.objects.filter(slug__startswith="bench-", locale__language_code="en").order_by("pk")
results = []
for edits in (0, 1, 10, 100):
    for article in articles[:edits]:
        article.title += " (edited)"
        article.save_revision().publish()
    token, pages, ms = walk({{"token": token}})
    results.append({{"change": f"{{edits}} edits", "pages": pages, "ms": ms}})
started = time.perf_counter()
newsroom = NewsIndexPage.objects.get(locale__language_code="zh-hans")
restriction = PageViewRestriction.objects.create(page=newsroom, restriction_type="login")
write_ms = 1000 * (time.perf_counter() - started)
token, pages, ms = walk({{"token": token}})
results.append({{"change": "the Chinese newsroom restricted", "pages": pages, "ms": ms, "write_ms": write_ms}})
restriction.delete()
print(json.dumps(results))
"""


def fetch_ok(base, path):
    response, body = fetch(base, path)
    if response.status != 200:
        raise SystemExit(f"{base}{path} answered {response.status}: {body[:300]!r}")
    return body


def sync_walk(base, limit):
    """An initial sync to the end: the paths asked, their bodies, and the next sync token."""
    path, bodies = f"/api/v2/sync/?limit={limit}", {}
    while True:
        body = fetch_ok(base, path)
        bodies[path] = body.decode()
        answer = json.loads(body)
        if answer["next_page_token"] is None:
            return bodies, answer["next_sync_token"]
        path = f"/api/v2/sync/?limit={limit}&token={answer['next_page_token']}"


def stock_walk(base):
    """What an app does without sync: every listing, 100 at a time, to the end."""
    count = 0
    for endpoint in ("pages", "images", "documents"):
        offset = 0
        while True:
            answer = json.loads(fetch_ok(base, f"/api/v2/{endpoint}/?limit=100&offset={offset}"))
            count += len(answer["items"])
            offset += 100
            if offset >= answer["meta"]["total_count"]:
                break
    return count


def timed(walk):
    started = time.perf_counter()
    walk()
    return time.perf_counter() - started


def peak_memory_mb(port):
    """The largest peak resident size (VmHWM) among the gunicorn processes bound to this port."""
    peaks = []
    for process in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if f"127.0.0.1:{port}" in (process / "cmdline").read_bytes().decode(errors="replace"):
                status = (process / "status").read_text()
                peaks += [int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM")]
    return max(peaks, default=0.0)


def initial_syncs(env, workdir, args):
    project_env = {**env, "RESPONSE_CACHE_URL": "dummy://"}
    stock_env = {**env, "DJANGO_SETTINGS_MODULE": "benchmarks.stock_settings"}
    with contextlib.ExitStack() as stack:
        project = stack.enter_context(gunicorn(project_env, args.port, 1))
        stock = stack.enter_context(gunicorn(stock_env, args.port + 1, 1))
        fetch(project, "/api/v2/sync/?limit=1")
        memory_before = peak_memory_mb(args.port)
        bodies, token = sync_walk(project, args.limit)
        floor_file = Path(workdir) / "floor.json"
        floor_file.write_text(json.dumps(bodies), encoding="utf-8")
        floor = stack.enter_context(
            gunicorn({**env, "FLOOR_BODIES": str(floor_file)}, args.port + 2, 1, "benchmarks.floor")
        )
        walks = {
            "project sync": lambda: sync_walk(project, args.limit),
            "stock listings": lambda: stock_walk(stock),
            "floor": lambda: sync_walk(floor, args.limit),
        }
        seconds = {name: [] for name in walks}
        for round_number in range(args.rounds):
            order = list(walks) if round_number % 2 == 0 else list(reversed(walks))
            for name in order:
                seconds[name].append(timed(walks[name]))
        items = sum(len(json.loads(body)["items"]) for body in bodies.values())
        size = sum(len(body.encode()) for body in bodies.values()) / 1e6
        memory = (memory_before, peak_memory_mb(args.port))
        report_initial(seconds, items, len(bodies), size, memory, stock_walk(stock))
        report_unchanged(project, token)


def report_initial(seconds, items, requests, size, memory, stock_items):
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    print(f"\ninitial sync: {items} items in {requests} requests, {size:.1f} MB")
    print(f"serving worker's peak memory: {memory[0]:.0f} MB after one sync request, {memory[1]:.0f} MB after all")
    print(f"(stock listings: {stock_items} items, 100 a request)")
    for name, value in medians.items():
        ratios = f"{medians['stock listings'] / value:.2f}x stock's speed, {medians['floor'] / value:.2f}x floor's"
        print(f"  {name:16} {value:7.2f} s (median of {len(seconds[name])})  {ratios}")


def report_unchanged(base, token):
    path = f"/api/v2/sync/?token={token}"
    etag = fetch(base, path)[0].getheader("ETag")
    not_modified = drive(base, lambda: path, 5, 4, {"If-None-Match": etag}, expect=304)
    empty = drive(base, lambda: path, 5, 4)
    print("\nan unchanged site's delta (4 clients, 5 s, one worker):")
    print(f"  304 Not Modified   {not_modified['rps']:7.1f} req/s  p50 {not_modified['p50_ms']:.1f} ms")
    print(
        f"  200, empty body    {empty['rps']:7.1f} req/s  p50 {empty['p50_ms']:.1f} ms  ({len(fetch(base, path)[1])} B)"
    )


def report_deltas(results, limit):
    print(f"\ndeltas (pages of {limit}; queries of each page of the answer, response cache off):")
    for result in results:
        items = sum(page["items"] for page in result["pages"])
        removed = sum(page["removed"] for page in result["pages"])
        queries = sorted({page["queries"] for page in result["pages"]})
        write = f"; the restriction itself took {result['write_ms']:.0f} ms" if "write_ms" in result else ""
        print(
            f"  {result['change']:32} {items:5} items {removed:5} removed  {len(result['pages']):3} pages  "
            f"queries a page {queries}  {result['ms']:8.1f} ms{write}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000, help="news articles per language")
    parser.add_argument("--limit", type=int, default=500, help="items a sync page")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8775, help="first of three ports")
    parser.add_argument("--workdir", help="keep the database here, to reuse it in the next run")
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="sync-bench-")
    env = bench_env(workdir, ELASTICSEARCH_URL="", DATABASE_CONN_MAX_AGE="60")
    print(run_django(SEED.format(articles=args.articles), env).strip())
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(f"{args.articles} news articles per language on {database}")
    initial_syncs(env, workdir, args)
    deltas = run_django(DELTAS.format(limit=args.limit), {**env, "RESPONSE_CACHE_URL": "dummy://"})
    report_deltas(json.loads(deltas.strip().splitlines()[-1]), args.limit)


if __name__ == "__main__":
    main()
