"""API load benchmark: seeds a realistic volume, serves it with gunicorn, loads it from a second process.

    .venv/bin/python benchmarks/api_load.py [--articles 2000] [--seconds 10] [--concurrency 8]

Builds its own SQLite database in a temporary folder (or uses BENCH_DATABASE_URL), seeds the demo site plus
N news articles in each language with lead images, starts gunicorn on 127.0.0.1, then a separate client
process sends concurrent requests to the list, detail and search endpoints and to a conditional (304)
request, and prints requests per second with p50/p99 latency for each. Nothing leaves this machine.
"""

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def seed(articles):
    import datetime
    import io

    import django

    django.setup()
    from django.core.files.images import ImageFile
    from django.core.management import call_command

    from wagtail.images import get_image_model
    from wagtail.models import Locale

    from home.demo.media import landscape_jpeg
    from news.models import NewsArticlePage, NewsIndexPage

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    english = NewsIndexPage.objects.get(locale__language_code="en")
    if NewsArticlePage.objects.filter(slug__startswith="bench-").exists():
        return
    chinese_locale = Locale.objects.get(language_code="zh-hans")
    images = []
    for number in range(20):
        image = get_image_model()(
            title=f"Bench {number}", file=ImageFile(io.BytesIO(landscape_jpeg(str(number))), name=f"b{number}.jpg")
        )
        image.save()
        images.append(image)
    template = NewsArticlePage.objects.filter(locale=english.locale).first()
    started = time.perf_counter()
    for number in range(articles):
        article = NewsArticlePage(
            title=f"Water conservation update {number}",
            slug=f"bench-{number}",
            summary="Households in the program cut water use with simple fixes.",
            dateline="BEIJING",
            date=datetime.date(2008, 1, 1) + datetime.timedelta(days=number % 1500),
            lead_image=images[number % len(images)],
            body=template.body.raw_data,
            live=True,
        )
        english.add_child(instance=article)
        chinese = article.copy_for_translation(chinese_locale)
        chinese.title = f"节水进展 {number}"
        chinese.summary = "项目中的家庭通过简单的维修减少了用水。"
        chinese.live = True
        chinese.save()
    print(f"seeded {2 * articles} articles in {time.perf_counter() - started:.0f} s", flush=True)


def client(base_url, seconds, concurrency, ids):
    """Runs in its own process: drives each scenario for `seconds` with `concurrency` threads."""
    host, port = base_url.removeprefix("http://").split(":")
    scenarios = {
        "list (20 zh-hans articles, fields=*)": lambda: (
            "/api/v2/pages/?type=news.NewsArticlePage&locale=zh-hans&fields=*&limit=20"
        ),
        "detail (one article)": lambda: f"/api/v2/pages/{random.choice(ids)}/",
        "search (water, en)": lambda: "/api/v2/pages/?search=water&locale=en&limit=10",
    }
    results = {}
    for name, make_path in scenarios.items():
        results[name] = drive(host, int(port), make_path, seconds, concurrency)
    connection = http.client.HTTPConnection(host, int(port))
    connection.request("GET", f"/api/v2/pages/{ids[0]}/")
    etag = connection.getresponse().getheader("ETag")
    results["conditional detail (304)"] = drive(
        host, int(port), lambda: f"/api/v2/pages/{ids[0]}/", seconds, concurrency, {"If-None-Match": etag}, expect=304
    )
    print(json.dumps(results))


def drive(host, port, make_path, seconds, concurrency, headers=None, expect=200):
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds

    def worker():
        connection = http.client.HTTPConnection(host, port, timeout=30)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", make_path(), headers=headers or {})
            response = connection.getresponse()
            response.read()
            latencies.append(time.perf_counter() - started)
            if response.status != expect:
                errors.append(response.status)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "errors": len(errors),
    }


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

    workdir = Path(tempfile.mkdtemp(prefix="api-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SECRET_KEY": "benchmark-only-secret-key-benchmark-only-secret-key",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [
            PYTHON,
            "-c",
            f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
            f"from benchmarks.api_load import seed; seed({args.articles})",
        ],
        env=env,
        check=True,
        cwd=ROOT,
    )
    ids = (
        subprocess.run(
            [
                PYTHON,
                "manage.py",
                "shell",
                "-c",
                "from news.models import NewsArticlePage as N; "
                "ids = N.objects.filter(slug__startswith='bench-').values_list('pk', flat=True)[:500]; "
                "print(','.join(map(str, ids)))",
            ],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "cms.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        base = f"http://127.0.0.1:{args.port}"
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", args.port, timeout=2).request("GET", "/api/v2/pages/?limit=1")
                break
            except OSError:
                time.sleep(0.2)
        warm = http.client.HTTPConnection("127.0.0.1", args.port, timeout=300)
        for offset in range(0, 100, 20):  # renditions of the lead images are made on first use
            warm.request(
                "GET", f"/api/v2/pages/?type=news.NewsArticlePage&locale=zh-hans&fields=*&limit=20&offset={offset}"
            )
            warm.getresponse().read()
        output = subprocess.run(
            [
                PYTHON,
                __file__,
                "--client",
                base,
                "--ids",
                ids,
                "--seconds",
                str(args.seconds),
                "--concurrency",
                str(args.concurrency),
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
    finally:
        server.terminate()
        server.wait()
    results = json.loads(output)
    print(
        f"{args.articles} articles per language, gunicorn {args.workers} workers, "
        f"{args.concurrency} concurrent clients, {args.seconds:.0f} s each"
    )
    print(f"{'scenario':42} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, result in results.items():
        print(f"{name:42} {result['rps']:8.1f} {result['p50_ms']:8.1f} {result['p99_ms']:8.1f} {result['errors']:7d}")


if __name__ == "__main__":
    main()
