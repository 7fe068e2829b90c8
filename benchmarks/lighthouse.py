"""Lighthouse's four scores (performance, accessibility, best practices, SEO) for each kind of reader page in both
languages, as a phone on a throttled connection (Lighthouse's default) sees them. The target is 95 or more in each.
    .venv/bin/python benchmarks/lighthouse.py [--desktop]
Seeds the demo site in a database of its own, collects the static files and serves them with gunicorn under the
production settings (WhiteNoise, hashed names), then runs Lighthouse from npm (installed once into
~/.cache/cms-benchmarks/lighthouse; needs Node.js and npm) with Debian's Chromium (apt-get install -y chromium).
Each page is opened once first, so its renditions exist.
"""

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

from common import bench_env, fetch, gunicorn, run_django

PORT = 8794
LIGHTHOUSE_PACKAGE = "lighthouse@13.5.0"
LIGHTHOUSE_HOME = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cms-benchmarks" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-sync --no-first-run"
FIND_PAGES = """
from news.models import NewsArticlePage
from resources.models import ProgramPage, SuccessStoryPage, TipSheetPage
for language, word in (("en", "water"), ("zh-hans", "节水")):
    live = {"locale__language_code": language}
    article = NewsArticlePage.objects.live().filter(**live).exclude(lead_image=None).first()
    print(language, "home", f"/{language}/", sep="\t")
    print(language, "newsroom", article.get_parent().url, sep="\t")
    print(language, "news article", article.url, sep="\t")
    for kind in (ProgramPage, SuccessStoryPage, TipSheetPage):
        print(language, kind._meta.verbose_name, kind.objects.live().filter(**live).first().url, sep="\t")
    print(language, "search", f"/{language}/search/?q={word}", sep="\t")
"""


def lighthouse():
    command = LIGHTHOUSE_HOME / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():
        LIGHTHOUSE_HOME.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [shutil.which("npm") or "npm", "install", "--prefix", str(LIGHTHOUSE_HOME), LIGHTHOUSE_PACKAGE],
            check=True,
        )
    return command


def scores(command, url, desktop):
    arguments = [str(command), url, "--quiet", "--output=json", f"--chrome-flags={CHROME_FLAGS}"]
    arguments += [f"--only-categories={','.join(CATEGORIES)}", *(["--preset=desktop"] if desktop else [])]
    for _attempt in range(3):  # Lighthouse now and then fails to record a trace (NO_NAVSTART): run it again
        result = subprocess.run(
            arguments, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True, text=True
        )
        if not result.returncode:
            break
    if result.returncode:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    failing = [
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") == "binary"
    ]
    return [round(report["categories"][name]["score"] * 100) for name in CATEGORIES], failing


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset instead of a phone")
    args = parser.parse_args()
    command = lighthouse()
    with tempfile.TemporaryDirectory() as workdir:
        env = bench_env(workdir, RESPONSE_CACHE_URL="dummy://", STATIC_ROOT=str(Path(workdir) / "static"))
        run_django("from benchmarks.seed import seed_news\nseed_news(0)", env)
        run_django("from django.core.management import call_command\ncall_command('collectstatic', verbosity=0)", env)
        pages = [line.split("\t") for line in run_django(FIND_PAGES, env).strip().splitlines()[-16:]]
        with gunicorn(env, PORT, 2) as base:
            print(f"{'page':<22} {'language':<9}", *(f"{name:>14}" for name in CATEGORIES), " below 90%")
            for language, kind, path in pages:
                fetch(base, quote(path, safe="/?=&"))  # renditions made, not measured
                numbers, failing = scores(command, base + path, args.desktop)
                print(f"{kind:<22} {language:<9}", *(f"{n:>14}" for n in numbers), " ", " ".join(failing))


if __name__ == "__main__":
    main()
