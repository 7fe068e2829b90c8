"""Serving a rendition from the S3 bucket against from local disk, in one run.

    .venv/bin/python benchmarks/media_storage.py [--seconds 5] [--rounds 3] [--concurrency 4]

Seeds the demo site (SQLite in a temporary folder) with its images on local disk and one WebP rendition of each,
starts a SeaweedFS store of its own (tools/object_store.sh; Go builds it once) and copies the media into a bucket
with `move_media_to_bucket`. Then serves the renditions, each with gunicorn, production settings and two workers:
- the project with uploads on local disk (MEDIA_ROOT; Django sends the file after the check, as without nginx);
- the project with uploads in the bucket (AWS_STORAGE_BUCKET_NAME: streamed from it after the same check);
- the floor: a trivial WSGI app answering with the same bytes from memory (benchmarks/floor.py).
A load driver asks each in turn for renditions at random, alternating the order every round, and prints req/s and
p50 and p99 latency (medians of the rounds), and the ratios bucket/local disk and each/floor.
"""

import argparse
import contextlib
import json
import random
import statistics
import subprocess
import tempfile
from pathlib import Path

from common import ROOT, bench_env, drive, gunicorn, run_django

PORTS = {"local disk": 8801, "bucket": 8802, "floor": 8803}
STORE_PORT = 8804
BUCKET = "bench-media"
RENDITIONS = """
import json
from wagtail.images import get_image_model
from home.visibility import readers
images = readers().media(get_image_model().objects.all())
print(json.dumps([image.get_rendition("max-800x600|format-webp").file.name for image in images]))
"""


def object_store(*arguments):
    command = [str(ROOT / "tools" / "object_store.sh"), *arguments]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def environments(workdir, store_url):
    """The same database and settings, uploads on local disk or in the bucket; the floor's."""
    local = bench_env(workdir, RESPONSE_CACHE_URL="dummy://")
    bucket = {
        **local,
        "MEDIA_ROOT": str(Path(workdir) / "unused"),
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": store_url,
        "AWS_ACCESS_KEY_ID": "cms-local",
        "AWS_SECRET_ACCESS_KEY": "cms-local-secret",
    }
    return {"local disk": local, "bucket": bucket, "floor": {**local, "FLOOR_FILES": local["MEDIA_ROOT"]}}


def measure(args, paths, servers):
    """Each server in turn, the order alternating by round: the medians of its rounds and its errors."""
    runs = {name: [] for name in servers}
    for round_number in range(args.rounds):
        for name in list(servers) if round_number % 2 == 0 else list(servers)[::-1]:
            runs[name].append(drive(servers[name], lambda: random.choice(paths), args.seconds, args.concurrency))
    return {
        name: {
            **{key: statistics.median(run[key] for run in results) for key in ("rps", "p50_ms", "p99_ms")},
            "errors": sum(run["errors"] for run in results),
        }
        for name, results in runs.items()
    }


def report(args, count, medians):
    rounds = f"{args.rounds} rounds of {args.seconds:g} s"
    print(f"{count} renditions (WebP, up to 800x600), {args.concurrency} clients, {rounds}")
    print(f"{'server':12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, numbers in medians.items():
        print(
            f"{name:12} {numbers['rps']:8.1f} {numbers['p50_ms']:8.2f} {numbers['p99_ms']:8.2f} {numbers['errors']:7d}"
        )
    bucket, local, floor = medians["bucket"], medians["local disk"], medians["floor"]
    print(
        f"bucket / local disk: {bucket['rps'] / local['rps']:.2f}x the requests a second, "
        f"{bucket['p50_ms'] / local['p50_ms']:.2f}x the median latency"
    )
    print(
        f"local disk / floor: {local['rps'] / floor['rps']:.2f}x; bucket / floor: {bucket['rps'] / floor['rps']:.2f}x"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        store_home = str(Path(workdir) / "store")
        store_url = object_store("start", str(STORE_PORT), store_home)
        try:
            object_store("bucket", store_url, BUCKET)
            envs = environments(workdir, store_url)
            run_django("from benchmarks.seed import seed_news\nseed_news(0)", envs["local disk"])
            names = json.loads(run_django(RENDITIONS, envs["local disk"]).strip().splitlines()[-1])
            source = envs["local disk"]["MEDIA_ROOT"]
            move = f"call_command('move_media_to_bucket', '--from', {source!r})"
            run_django(f"from django.core.management import call_command\n{move}", envs["bucket"])
            with contextlib.ExitStack() as stack:
                servers = {
                    name: stack.enter_context(
                        gunicorn(env, PORTS[name], 2, "benchmarks.floor" if name == "floor" else "cms.wsgi")
                    )
                    for name, env in envs.items()
                }
                report(args, len(names), measure(args, [f"/media/{name}" for name in names], servers))
        finally:
            object_store("stop", store_home)


if __name__ == "__main__":
    main()
