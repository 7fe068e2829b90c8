"""API load benchmark: the project's API beside Wagtail's stock API v2 and the static floor, in one run.

    .venv/bin/python benchmarks/api_load.py [--articles 600] [--seconds 5] [--rounds 3] [--redis redis://...]
    BENCH_DATABASE_URL=postgres://... .venv/bin/python benchmarks/api_load.py

Seeds N news articles in each language with lead images (SQLite in a temporary folder, or BENCH_DATABASE_URL),
then serves, each with gunicorn and the same settings (sync workers, persistent database connections):
- the project with its response cache off (cold: every request builds its response);
- the project with its response cache (warm: local memory, and Redis too with --redis);
- Wagtail's stock PagesAPIViewSet on the same database (benchmarks/stock_settings.py);
- the floor: a trivial WSGI app answering with the same bytes (benchmarks/floor.py).
A second process loads each in turn, alternating the order every round, and prints req/s, p50 and p99 (medians of
the rounds) and the ratios project/stock and project/floor. Nothing leaves this machine.
"""

import argparse
import contextlib
import json
import statistics
import subprocess
import tempfile
from pathlib import Path

import redis
from common import PYTHON, ROOT, bench_env, drive, fetch, gunicorn, run_django

SEED = """
from benchmarks.seed import seed_news
seed_news({articles})
from news.models import NewsArticlePage as N
print(",".join(map(str, N.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)[:100])))
"""
LIST = "/api/v2/pages/?type=news.NewsArticlePage&locale=zh-hans&limit=20&fields="
FULL_LIST = "list, 20 zh-hans articles, fields=*"
SCENARIOS = {
    FULL_LIST: LIST + "*",
    "list, 20 zh-hans articles, fields=title": LIST + "title",
}
DETAIL = "detail of one article"
NOT_MODIFIED = "the fields=* list, If-None-Match (304)"


def paths_of(scenario, ids):
    return [f"/api/v2/pages/{pk}/" for pk in ids] if scenario == DETAIL else [SCENARIOS[scenario]]


def client(config):
    """Runs in its own process: every scenario on every server, rounds alternating the order; prints JSON."""
    servers, ids, seconds, concurrency = config["servers"], config["ids"], config["seconds"], config["concurrency"]
    etag = fetch(servers["project, warm"], SCENARIOS[FULL_LIST])[0].getheader("ETag")
    plan = [(scenario, server) for scenario in [*SCENARIOS, DETAIL] for server in servers]
    plan.append((NOT_MODIFIED, "project, warm"))
    results = {}
    for round_number in range(config["rounds"]):
        for scenario, server in plan if round_number % 2 == 0 else reversed(plan):
            if scenario == NOT_MODIFIED:
                result = drive(
                    servers[server], lambda: SCENARIOS[FULL_LIST], seconds, concurrency,
                    {"If-None-Match": etag}, expect=304,
                )  # fmt: skip
            else:
                cycle = iter(paths_of(scenario, ids) * 1_000_000)
                result = drive(servers[server], lambda cycle=cycle: next(cycle), seconds, concurrency)
            results.setdefault(scenario, {}).setdefault(server, []).append(result)
    print(json.dumps(results))


def median_of(rounds):
    return {key: statistics.median(result[key] for result in rounds) for key in ("rps", "p50_ms", "p99_ms")}


def report(results, label):
    print(f"\n{label}")
    print(f"{'request':42} {'server':22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}  ratios")
    floors = {
        scenario: median_of(by_server["floor"])["rps"]
        for scenario, by_server in results.items()
        if "floor" in by_server
    }
    floors[NOT_MODIFIED] = floors[FULL_LIST]
    for scenario, by_server in results.items():
        medians = {server: median_of(rounds) for server, rounds in by_server.items()}
        for server, numbers in medians.items():
            ratios = []
            if server.startswith("project") and "stock Wagtail API v2" in medians:
                ratios.append(f"{numbers['rps'] / medians['stock Wagtail API v2']['rps']:.2f}x stock")
            if server != "floor":
                ratios.append(f"{numbers['rps'] / floors[scenario]:.2f}x floor")
            errors = sum(result["errors"] for result in by_server[server])
            print(
                f"{scenario:42} {server:22} {numbers['rps']:8.1f} {numbers['p50_ms']:8.1f} "
                f"{numbers['p99_ms']:8.1f} {errors:7d}  {', '.join(ratios)}"
            )


def save_floor_bodies(base, ids, workdir):
    bodies = {}
    for scenario in [*SCENARIOS, DETAIL]:
        for path in paths_of(scenario, ids):
            bodies[path] = fetch(base, path)[1].decode()
    target = Path(workdir) / "floor.json"
    target.write_text(json.dumps(bodies), encoding="utf-8")
    return target


def warm_up(base, ids, times=4):
    """Each gunicorn worker keeps its own local-memory cache: ask every path a few times; renditions too."""
    for _ in range(times):
        for scenario in [*SCENARIOS, DETAIL]:
            for path in paths_of(scenario, ids):
                fetch(base, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=600, help="news articles per language")
    parser.add_argument("--seconds", type=float, default=5, help="per scenario, server and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765, help="first of five ports")
    parser.add_argument("--redis", help="also measure the warm cache on this Redis (its database is flushed)")
    parser.add_argument("--client", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client(json.loads(args.client))
        return

    workdir = tempfile.mkdtemp(prefix="api-bench-")
    env = bench_env(workdir, ELASTICSEARCH_URL="", DATABASE_CONN_MAX_AGE="60")
    ids = [int(pk) for pk in run_django(SEED.format(articles=args.articles), env).strip().splitlines()[-1].split(",")]
    setups = {
        "project, cold": ({**env, "RESPONSE_CACHE_URL": "dummy://"}, "cms.wsgi"),
        "project, warm": ({**env, "CACHE_URL": "locmem://"}, "cms.wsgi"),
        "stock Wagtail API v2": ({**env, "DJANGO_SETTINGS_MODULE": "benchmarks.stock_settings"}, "cms.wsgi"),
    }
    if args.redis:
        redis.Redis.from_url(args.redis).flushdb()
        setups["project, warm (Redis)"] = ({**env, "CACHE_URL": args.redis}, "cms.wsgi")
    with contextlib.ExitStack() as stack:
        servers = {}
        for number, (label, (server_env, app)) in enumerate(setups.items()):
            servers[label] = stack.enter_context(gunicorn(server_env, args.port + number, args.workers, app))
        for label, base in servers.items():
            warm_up(base, ids, times=4 if label.startswith("project, warm") else 1)
        floor_env = {**env, "FLOOR_BODIES": str(save_floor_bodies(servers["project, cold"], ids, workdir))}
        servers["floor"] = stack.enter_context(gunicorn(floor_env, args.port + 4, args.workers, "benchmarks.floor"))
        config = {"servers": servers, "ids": ids, **{k: getattr(args, k) for k in ("seconds", "concurrency", "rounds")}}
        output = subprocess.run(
            [PYTHON, __file__, "--client", json.dumps(config)], check=True, capture_output=True, text=True, cwd=ROOT
        ).stdout
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    report(
        json.loads(output),
        f"{args.articles} news articles per language on {database}; gunicorn {args.workers} sync workers each; "
        f"{args.concurrency} clients; {args.rounds} alternating rounds of {args.seconds:g} s (medians)",
    )


if __name__ == "__main__":
    main()
