"""API load benchmark: seeds a realistic volume, serves it with gunicorn, loads it from a second process.

    .venv/bin/python benchmarks/api_load.py [--articles 2000] [--seconds 10] [--concurrency 8]

Builds its own SQLite database in a temporary folder (or uses BENCH_DATABASE_URL), seeds the demo site plus
N news articles in each language with lead images, starts gunicorn on 127.0.0.1, then a separate client
process sends concurrent requests to the list, detail and search endpoints and a conditional (304) request,
and prints requests per second with p50/p99 latency for each. Nothing leaves this machine.
"""

import argparse
import http.client
import json
import random
import subprocess
import tempfile

from common import PYTHON, ROOT, bench_env, drive, gunicorn, print_table, run_django

SEED = """
from benchmarks.seed import seed_news
seed_news({articles})
from news.models import NewsArticlePage as N
print(",".join(map(str, N.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)[:500])))
"""


def client(base_url, seconds, concurrency, ids):
    """Runs in its own process: each scenario for `seconds` with `concurrency` threads; prints JSON."""
    scenarios = {
        "list (20 zh-hans articles, fields=*)": lambda: (
            "/api/v2/pages/?type=news.NewsArticlePage&locale=zh-hans&fields=*&limit=20"
        ),
        "detail (one article)": lambda: f"/api/v2/pages/{random.choice(ids)}/",
        "search (/api/v2/search/?q=water)": lambda: "/api/v2/search/?q=water&locale=en",
    }
    results = {name: drive(base_url, path, seconds, concurrency) for name, path in scenarios.items()}
    host, port = base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port))
    connection.request("GET", f"/api/v2/pages/{ids[0]}/")
    etag = connection.getresponse().getheader("ETag")
    results["conditional detail (304)"] = drive(
        base_url, lambda: f"/api/v2/pages/{ids[0]}/", seconds, concurrency, {"If-None-Match": etag}, expect=304
    )
    print(json.dumps(results))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="news articles per language")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client(args.client, args.seconds, args.concurrency, [int(i) for i in args.ids.split(",")])
        return

    env = bench_env(tempfile.mkdtemp(prefix="api-bench-"), ELASTICSEARCH_URL="")
    ids = run_django(SEED.format(articles=args.articles), env).strip().splitlines()[-1]
    with gunicorn(env, args.port, args.workers) as base:
        warm = http.client.HTTPConnection("127.0.0.1", args.port, timeout=300)
        for offset in range(0, 100, 20):  # renditions of the lead images are made on first use
            warm.request(
                "GET", f"/api/v2/pages/?type=news.NewsArticlePage&locale=zh-hans&fields=*&limit=20&offset={offset}"
            )
            warm.getresponse().read()
        command = [PYTHON, __file__, "--client", base, "--ids", ids, "--seconds", str(args.seconds)]
        output = subprocess.run(
            [*command, "--concurrency", str(args.concurrency)], check=True, capture_output=True, text=True, cwd=ROOT
        ).stdout
    print(
        f"{args.articles} news articles per language, gunicorn {args.workers} workers, "
        f"{args.concurrency} clients, {args.seconds:.0f} s each"
    )
    print_table(json.loads(output))


if __name__ == "__main__":
    main()
