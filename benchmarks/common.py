"""Shared pieces of the benchmarks: a throwaway production-like environment, gunicorn, and a load driver."""

import contextlib
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def bench_env(workdir, **extra):
    """Production settings on a database of the benchmark's own (or BENCH_DATABASE_URL)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"),
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "SECRET_KEY": "benchmark-only-secret-key-benchmark-only-secret-key",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def run_django(code, env):
    """Runs Python code with Django set up in a child process; returns what it printed."""
    script = f"import django; django.setup()\n{code}"
    result = subprocess.run([PYTHON, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"This failed:\n{code}\n{result.stderr[-3000:]}")
    return result.stdout


def fetch(base, path, headers=None):
    """One GET to a benchmark server: the response and its body."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=300)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    return response, response.read()


@contextlib.contextmanager
def gunicorn(env, port, workers, app="cms.wsgi"):
    server = subprocess.Popen(
        [
            *(str(Path(PYTHON).parent / "gunicorn"), app, "-w", str(workers), "-b", f"127.0.0.1:{port}"),
            *("--log-level", "warning", "--timeout", "120"),
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(150):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/api/v2/pages/?limit=1")
                connection.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


def drive(base_url, make_path, seconds, concurrency, headers=None, expect=200):
    """`concurrency` threads send requests for `seconds`; returns req/s, p50 and p99 latency, errors."""
    host, port = base_url.removeprefix("http://").split(":")
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds

    def worker():
        connection = http.client.HTTPConnection(host, int(port), timeout=120)
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
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "max_ms": 1000 * ordered[-1],
        "errors": len(errors),
    }


def print_table(results):
    print(f"{'scenario':48} {'req/s':>8} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7}")
    for name, result in results.items():
        print(f"{name:48} {result['rps']:8.1f} {result['p50_ms']:9.1f} {result['p99_ms']:9.1f} {result['errors']:7d}")
