"""Search benchmark: at least 10,000 pages in two languages, on each backend.

    .venv/bin/python benchmarks/search_load.py [--articles 5000] [--seconds 10] [--concurrency 8]

Seeds its own SQLite database (or BENCH_DATABASE_URL) with the demo site and N news articles per language,
then for the database backend and for Elasticsearch (ELASTICSEARCH_URL, or a node started with
tools/search_node.sh) measures a full index rebuild (pages per second) and, through gunicorn from a second
process, search latency (p50/p99) for English and Chinese queries under concurrent load.
"""

import argparse
import json
import os
import random
import subprocess
import tempfile
import time
from urllib.parse import quote

from common import PYTHON, ROOT, bench_env, drive, gunicorn, print_table, run_django

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
REBUILD_ELASTICSEARCH = "from search import service\ncount, seconds = service.rebuild()\nprint(count, seconds)"


def client(base_url, seconds, concurrency):
    results = {}
    for language, queries in (("en", ENGLISH), ("zh-hans", CHINESE)):
        results[f"search {language}"] = drive(
            base_url,
            lambda queries=queries, language=language: (
                f"/api/v2/search/?q={quote(random.choice(queries))}&locale={language}"
            ),
            seconds,
            concurrency,
        )
    print(json.dumps(results))


def measure(env, label, rebuild_code, args):
    count, seconds = run_django(rebuild_code, env).split()[-2:]
    print(
        f"{label}: full rebuild of {count} pages in {float(seconds):.1f} s = {int(count) / float(seconds):.0f} pages/s",
        flush=True,
    )
    with gunicorn(env, args.port, args.workers) as base:
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
        output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    results = json.loads(output)
    print_table({f"{label}: {name}": result for name, result in results.items()})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000, help="news articles per language (10,000 pages in all)")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--workdir", help="reuse the database of an earlier run (seeding 10,000 pages takes minutes)")
    parser.add_argument("--client", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client(args.client, args.seconds, args.concurrency)
        return

    workdir = args.workdir or tempfile.mkdtemp(prefix="search-bench-")
    database_env = bench_env(workdir, ELASTICSEARCH_URL="")
    started = time.perf_counter()
    pages = run_django(SEED.format(articles=args.articles), database_env).split()[-1]
    print(
        f"{pages} pages seeded in {time.perf_counter() - started:.0f} s; {args.concurrency} clients, "
        f"gunicorn {args.workers} workers, {args.seconds:.0f} s a scenario"
    )
    measure(database_env, "database", REBUILD_DATABASE.format(backend="default"), args)

    url = (
        os.environ.get("ELASTICSEARCH_URL")
        or subprocess.run(
            ["/bin/bash", str(ROOT / "tools" / "search_node.sh"), "start"], check=True, capture_output=True, text=True
        ).stdout.split()[-1]
    )
    elastic_env = bench_env(workdir, ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX_PREFIX="bench")
    measure(elastic_env, "elasticsearch", REBUILD_ELASTICSEARCH, args)


if __name__ == "__main__":
    main()
