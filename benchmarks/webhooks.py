"""Webhook benchmark: what registering endpoints costs an editor's publish, and how soon their events arrive.

    .venv/bin/python benchmarks/webhooks.py [--publishes 10] [--rounds 3]
    BENCH_DATABASE_URL=postgres://... .venv/bin/python benchmarks/webhooks.py

Seeds the demo site (SQLite in a temporary folder, or BENCH_DATABASE_URL), starts ten real HTTP receivers on
loopback (nine answering 204 at once, one hanging for a minute) and the webhook worker (`db_worker --queue-name
webhooks`, as deployed). A Django process then publishes articles, in rounds that alternate which comes first:
with no endpoint registered, and with the ten. It prints the median publish time of each and their ratio, then the
time from each publish returning to its event reaching the healthy receivers (p50, p90, max), and how often the
hung receiver was tried. Nothing leaves this machine.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time

from common import PYTHON, ROOT, bench_env, run_django

sys.path.insert(0, str(ROOT))
from tests.receiver import Receiver

PUBLISH = """
import json, time
from django.db import connection
from news.models import NewsArticlePage
from tests.factories import publish_article
from webhooks.models import Endpoint, EventType

urls, publishes, rounds = {urls!r}, {publishes}, {rounds}
timings, done = {{"none": [], "ten": []}}, []
article = publish_article("Benchmark article", slug="bench-webhooks")
for round_number in range(rounds):
    order = ["none", "ten"] if round_number % 2 == 0 else ["ten", "none"]
    for setting in order:
        Endpoint.objects.all().delete()
        if setting == "ten":
            for url in urls:
                Endpoint.objects.create(url=url, events=list(EventType.values))
        for _ in range(publishes):
            page = NewsArticlePage.objects.get(pk=article.pk)
            page.title = f"Benchmark article {{time.monotonic()}}"
            started = time.perf_counter()
            page.save_revision().publish()
            timings[setting].append((time.perf_counter() - started) * 1000)
            if setting == "ten":
                done.append(time.monotonic())
            time.sleep(0.2)
print(json.dumps({{"timings": timings, "done": done}}))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--publishes", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    healthy = [Receiver() for _ in range(9)]
    hung = Receiver(hang=60)
    with tempfile.TemporaryDirectory() as workdir:
        env = bench_env(workdir, WEBHOOKS_ALLOW_PRIVATE="true", BACKGROUND_TASKS="true", LOG_LEVEL="ERROR")
        run_django("from benchmarks.seed import seed_news\nseed_news(0)", env)
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--queue-name", "webhooks", "--no-reload", "--verbosity", "0"],
            env=env,
            cwd=ROOT,
        )
        try:
            urls = [receiver.url for receiver in [*healthy, hung]]
            code = PUBLISH.format(urls=urls, publishes=args.publishes, rounds=args.rounds)
            result = json.loads(run_django(code, env).strip().splitlines()[-1])
            time.sleep(2)  # the last events on their way
        finally:
            worker.terminate()
            worker.wait()
    report(result, healthy, hung)


def report(result, healthy, hung):
    none, ten = (statistics.median(result["timings"][key]) for key in ("none", "ten"))
    print(f"publish, no endpoint:            {none:7.1f} ms (median)")
    print(f"publish, 10 endpoints (1 hung):  {ten:7.1f} ms (median)   ratio {ten / none:.2f}")
    latencies, missing, published = [], 0, result["done"]
    for receiver in healthy:  # each publish sends one event to each, in order
        arrivals = sorted(item.at for item in receiver.accepted())
        missing += max(0, len(published) - len(arrivals))
        latencies += [arrival - start for start, arrival in zip(published, arrivals, strict=False)]
    latencies.sort()
    p90 = latencies[int(len(latencies) * 0.9) - 1]
    print(
        f"publish -> event at a healthy receiver: p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p90 {p90 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms over {len(latencies)} events; missing {missing}"
    )
    print(f"hung receiver tried {len(hung.received)} times (back-off) during {len(published)} publishes")


if __name__ == "__main__":
    main()
