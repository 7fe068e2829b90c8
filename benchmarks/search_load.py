"""Search benchmark: at least 10,000 pages in two languages, on the database backend and on each search engine,
healthy and hung.

    .venv/bin/python benchmarks/search_load.py [--articles 5000] [--seconds 10] [--concurrency 8]
        [--engines elasticsearch,opensearch] [--counting [--rounds 3]]

Seeds its own SQLite database (or BENCH_DATABASE_URL) with the demo site and N news articles per language. For
the database backend and for each engine (a node of its own, started with tools/search_node.sh on a free port)
it measures a full index rebuild (pages per second) and, through gunicorn from a second process, search latency
(p50/p99) for English and Chinese queries under concurrent load. Then, for each engine, it pauses the node
(kill -STOP: a hung engine) with the server and the task worker running, and measures the time to publish an
article, search latency while it hangs, and how long after the node is resumed the articles published during the
outage are in the index.

With --counting it measures instead what counting reader searches (search_insights) costs: two servers on the
database backend, one counting and one not (SEARCH_COUNTING=false), loaded in turn, alternating the order each
round, with cached queries (a few, repeated: answered from the response cache) and uncached ones (each new).
"""

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import tempfile
import time
from contextlib import contextmanager
from urllib.parse import quote

from common import PYTHON, ROOT, bench_env, drive, gunicorn, print_table, run_django

ENGINES = ("elasticsearch", "opensearch")
WARM_UP_SECONDS = 3
NODE_SCRIPT = str(ROOT / "tools" / "search_node.sh")
ENGLISH = [
    "water",
    "mayors Beijing",
    "community workshop",
    "sustainable development",
    "Environmental Management College",
]
CHINESE = ["节水", "市长", "社区工作坊", "可持续发展", "中国环境管理干部学院"]

SEED = """
from benchmarks.seed import seed_news
seed_news({articles})
from wagtail.models import Page
print(Page.objects.count())
"""
REBUILD_DATABASE = """
import time
from django.core.management import call_command
from wagtail.models import Page
started = time.perf_counter()
call_command("update_index", backend_name="{backend}", verbosity=0)
print(Page.objects.live().count(), time.perf_counter() - started)
"""
REBUILD_ENGINE = "from search import service\ncount, seconds = service.rebuild()\nprint(count, seconds)"
PUBLISH = """
import datetime, json, time
from news.models import NewsArticlePage, NewsIndexPage
index = NewsIndexPage.objects.get(locale__language_code="en")
ids, seconds = [], []
for number in range({count}):
    page = NewsArticlePage(title=f"Published while the engine hung {{number}}", slug=f"hung-{{time.time_ns()}}",
                           date=datetime.date(2011, 5, 1), body=[("paragraph", "<p>Written during an outage.</p>")])
    started = time.perf_counter()
    index.add_child(instance=page)
    page.save_revision().publish()
    seconds.append(time.perf_counter() - started)
    ids.append(page.pk)
print(json.dumps({{"ids": ids, "seconds": seconds}}))
"""


def client(base_url, seconds, concurrency):
    """Warms up (each server process meets the engine, or its failure, once), then measures each language."""
    results = {}
    for language, queries in (("en", ENGLISH), ("zh-hans", CHINESE)):

        def path(queries=queries, language=language):
            return f"/api/v2/search/?q={quote(random.choice(queries))}&locale={language}"

        warm_up = drive(base_url, path, WARM_UP_SECONDS, concurrency)
        results[f"search {language}"] = drive(base_url, path, seconds, concurrency)
        results[f"search {language}"]["warm_up_max_ms"] = warm_up["max_ms"]
    print(json.dumps(results))


def counting_client(bases, seconds, concurrency, rounds):
    """Cached and uncached searches on the counting and the non-counting server, alternating; prints req/s."""
    on, off = bases.split(",")
    paths = {
        "cached": lambda: f"/api/v2/search/?q={quote(random.choice(ENGLISH))}&locale=en",
        "uncached": lambda: f"/api/v2/search/?q=water+{random.randrange(10**9)}&locale=en",
    }
    plan = [(scenario, server) for scenario in paths for server in ("counting", "not counting")]
    results = {}
    for scenario in paths:  # both servers store the repeated queries' answers before measuring
        for base in (on, off):
            drive(base, paths[scenario], WARM_UP_SECONDS, concurrency)
    for round_number in range(rounds):
        for scenario, server in plan if round_number % 2 == 0 else reversed(plan):
            base = on if server == "counting" else off
            results.setdefault(f"{scenario}, {server}", []).append(drive(base, paths[scenario], seconds, concurrency))
    print(json.dumps(results))


def measure_counting(workdir, args):
    env_on = bench_env(workdir, ELASTICSEARCH_URL="")
    env_off = {**env_on, "SEARCH_COUNTING": "false"}
    with gunicorn(env_on, args.port, args.workers) as on, gunicorn(env_off, args.port + 1, args.workers) as off:
        command = [PYTHON, __file__, "--counting-client", f"{on},{off}", "--seconds", str(args.seconds)]
        command += ["--concurrency", str(args.concurrency), "--rounds", str(args.rounds)]
        rounds = json.loads(subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout)
    median = {name: {key: statistics.median(r[key] for r in runs) for key in runs[0]} for name, runs in rounds.items()}
    print_table(median)
    counted = run_django("from search_insights.models import SearchEvent\nprint(SearchEvent.objects.count())", env_on)
    for scenario in ("cached", "uncached"):
        ratio = median[f"{scenario}, counting"]["rps"] / median[f"{scenario}, not counting"]["rps"]
        print(f"{scenario}: counting on / off = {ratio:.3f} req/s ({(1 - ratio) * 100:+.1f}% cost)")
    print(f"searches counted by the counting server: {counted.split()[-1]}")


def load_from_second_process(base, args):
    command = [
        PYTHON,
        __file__,
        "--client",
        base,
        "--seconds",
        str(args.seconds),
        "--concurrency",
        str(args.concurrency),
    ]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout)


def measure(env, label, rebuild_code, args):
    count, seconds = run_django(rebuild_code, env).split()[-2:]
    print(
        f"{label}: full rebuild of {count} pages in {float(seconds):.1f} s = {int(count) / float(seconds):.0f} pages/s",
        flush=True,
    )
    with gunicorn(env, args.port, args.workers) as base:
        results = load_from_second_process(base, args)
    print_table({f"{label}: {name}": result for name, result in results.items()})


@contextmanager
def search_node(engine, home):
    """A node of this engine on a free port; yields its URL and a function that pauses, resumes or stops it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "SEARCH_NODE_PORT": str(port), "SEARCH_NODE_HOME": home}

    def control(action):
        return subprocess.run(
            ["/bin/bash", NODE_SCRIPT, action, engine], env=env, check=True, capture_output=True, text=True
        ).stdout

    url = control("start").split()[-1]
    try:
        yield url, control
    finally:
        control("stop")


@contextmanager
def task_worker(env):
    worker = subprocess.Popen([PYTHON, "manage.py", "db_worker", "--no-reload", "-v", "0"], env=env, cwd=ROOT)
    try:
        yield
    finally:
        worker.terminate()
        worker.wait()


def indexed(url, index, page_id):
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=2)
    try:
        connection.request("HEAD", f"/{index}/_doc/{page_id}")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def measure_hung(env, label, url, control, args):
    """Publishing, searching and catching up with the node paused (kill -STOP), server and worker running."""
    with gunicorn(env, args.port, args.workers) as base, task_worker(env):
        control("pause")
        try:
            published = json.loads(run_django(PUBLISH.format(count=args.publishes), env).splitlines()[-1])
            results = load_from_second_process(base, args)
        finally:
            control("resume")
        resumed = time.perf_counter()
        index = f"{env['ELASTICSEARCH_INDEX_PREFIX']}_pages"
        while not all(indexed(url, index, page_id) for page_id in published["ids"]):
            if time.perf_counter() - resumed > 120:
                raise SystemExit(f"{label}: the articles published during the outage did not reach the index")
            time.sleep(0.2)
        caught_up = time.perf_counter() - resumed
    seconds = sorted(published["seconds"])
    print(
        f"{label} hung (kill -STOP): publish {1000 * seconds[len(seconds) // 2]:.0f} ms median, "
        f"{1000 * seconds[-1]:.0f} ms slowest of {len(seconds)}; all {len(seconds)} in the index "
        f"{caught_up:.1f} s after the node was resumed",
        flush=True,
    )
    print_table({f"{label} hung: {name}": result for name, result in results.items()})
    slowest = max(result["warm_up_max_ms"] for result in results.values())
    print(
        f"{label} hung: the slowest warm-up request (a process's first meeting with the hung engine): {slowest:.0f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000, help="news articles per language (10,000 pages in all)")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--publishes", type=int, default=10, help="articles published while the engine hangs")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated: elasticsearch, opensearch")
    parser.add_argument("--workdir", help="reuse the database of an earlier run (seeding 10,000 pages takes minutes)")
    parser.add_argument("--counting", action="store_true", help="measure what counting searches costs, only")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --counting")
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--counting-client", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client(args.client, args.seconds, args.concurrency)
        return
    if args.counting_client:
        counting_client(args.counting_client, args.seconds, args.concurrency, args.rounds)
        return

    workdir = args.workdir or tempfile.mkdtemp(prefix="search-bench-")
    database_env = bench_env(workdir, ELASTICSEARCH_URL="")
    started = time.perf_counter()
    pages = run_django(SEED.format(articles=args.articles), database_env).split()[-1]
    print(
        f"{pages} pages seeded in {time.perf_counter() - started:.0f} s; {args.concurrency} clients, "
        f"gunicorn {args.workers} workers, {args.seconds:.0f} s a scenario"
    )
    if args.counting:
        measure_counting(workdir, args)
        return
    measure(database_env, "database", REBUILD_DATABASE.format(backend="default"), args)
    for engine in filter(None, args.engines.split(",")):
        with search_node(engine, tempfile.mkdtemp(prefix=f"{engine}-", dir=workdir)) as (url, control):
            env = bench_env(workdir, ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX_PREFIX=f"bench_{engine}")
            measure(env, engine, REBUILD_ENGINE, args)
            measure_hung(env, engine, url, control, args)


if __name__ == "__main__":
    main()
