"""Apps get a client that works: clients generated from the schema the demo site serves, with the generators app
developers use (clients/generate.sh), run a small app each (clients/<language>/) against the live demo site. The
generators warn of nothing in the schema, and every answer parses into its declared type: each page as its own
type, in both languages, paged to the end, with sync, search and the errors."""

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from django.conf import settings

import pytest

from home.visibility import readers

CLIENTS = Path(settings.BASE_DIR) / "clients"
# openapi-generator says this of every OpenAPI 3.1 document, whatever it holds: a notice of its own, not a warning
# about the schema.
GENERATOR_NOTICE = "OpenAPI 3.1 support is still in beta"
TOOLS = {"python": [], "typescript": ["node", "npm"], "java": ["java", "mvn"]}

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]  # live_server commits


def generated_client(language, site, tmp_path):
    """The client's directory and what its generator printed, for a warning-free schema."""
    missing = [tool for tool in TOOLS[language] if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"needs {' and '.join(missing)} to generate the {language} client (apt-get install -y nodejs "
            "npm default-jdk-headless maven)"
        )
    out = tmp_path / language
    generated = subprocess.run(  # noqa: S603 - the project's own script, with the test's arguments
        [CLIENTS / "generate.sh", language, f"{site}/api/schema/", out], capture_output=True, text=True, timeout=600
    )
    assert generated.returncode == 0, generated.stderr[-3000:]
    warnings = [
        line
        for line in generated.stderr.splitlines()
        if re.search(r"\bWARN|\bERROR\b|Warning|Unable to|⚠", line) and GENERATOR_NOTICE not in line
    ]
    assert warnings == []
    return out


def app_report(language, site, out):
    ran = subprocess.run(  # noqa: S603 - the project's own script, with the test's arguments
        [CLIENTS / "run_app.sh", language, site, out], capture_output=True, text=True, timeout=600
    )
    assert ran.stdout, ran.stderr[-3000:]
    report = json.loads(ran.stdout)
    assert report["failures"] == []
    assert ran.returncode == 0
    return report


def public_pages_by_type(language):
    pages = readers().pages().filter(locale__language_code=language).specific()
    return Counter(type(page).__name__ for page in pages)


def by_class(counts):
    """{"news.NewsArticlePage": 5} or {"NewsArticlePage": 5} as {"NewsArticlePage": 5}."""
    return Counter({name.rsplit(".", 1)[-1]: count for name, count in counts.items()})


def assert_whole_site_read(pages, sync, errors):
    for language in ("en", "zh-hans"):
        assert by_class(pages[language]) == public_pages_by_type(language)
        assert sync[language]["delta"] == 0
        synced_pages = sync[language].get("SyncPage", sync[language].get("page"))
        assert synced_pages == sum(public_pages_by_type(language).values())
    assert errors == [
        "400 invalid_parameter limit",
        "404 not_found",
        "400 invalid_sync_token token",
        "403 invalid_preview_token token",
    ]


def test_the_generated_python_client_parses_every_answer(live_server, tmp_path):
    report = app_report("python", live_server.url, generated_client("python", live_server.url, tmp_path))
    refusals = {"limit": 400, "no page": 404, "sync token": 400, "preview token": 403}
    errors = [
        f"{status} {report['errors'][name]['code']} {report['errors'][name]['parameter'] or ''}".strip()
        for name, status in refusals.items()
    ]

    assert_whole_site_read(report["pages"], report["sync"], errors)
    assert {"ParagraphBlock", "QuoteBlock", "FigureBlock", "TipBlock", "DocumentBlock"} <= set(report["blocks"])
    assert report["search en"]["hits"] and report["search zh-hans"]["hits"]
    assert report["search en"]["years are numbers"]


def test_the_description_lints_clean_and_the_typescript_client_narrows_every_page(live_server, tmp_path):
    """Redocly's recommended rules find no error, Spectral's OpenAPI rules not even a warning; the app compiles
    under tsc --strict."""
    out = generated_client("typescript", live_server.url, tmp_path)
    bin_dir = CLIENTS / "typescript/node_modules/.bin"
    description = out / "openapi.json"
    for lint in (
        [bin_dir / "redocly", "lint", "--extends", "recommended", description],
        [
            bin_dir / "spectral",
            "lint",
            "--ruleset",
            CLIENTS / "typescript/.spectral.yaml",
            "--fail-severity",
            "warn",
            description,
        ],
    ):
        linted = subprocess.run(lint, capture_output=True, text=True, timeout=300)  # noqa: S603 - pinned linters
        assert linted.returncode == 0, linted.stdout[-3000:] + linted.stderr[-3000:]
    report = app_report("typescript", live_server.url, out)
    pages = {language: report[f"pages {language}"] for language in ("en", "zh-hans")}
    sync = {language: report[f"sync {language}"] for language in ("en", "zh-hans")}
    assert_whole_site_read(pages, sync, report["errors"])
    assert all("without its fields" not in kind for kinds in sync.values() for kind in kinds)


def test_the_generated_java_client_parses_every_answer(live_server, tmp_path):
    report = app_report("java", live_server.url, generated_client("java", live_server.url, tmp_path))
    pages = {language: report[f"pages {language}"] for language in ("en", "zh-hans")}
    sync = {language: report[f"sync {language}"] for language in ("en", "zh-hans")}
    errors = [error.removesuffix(" null") for error in report["errors"]]
    assert_whole_site_read(pages, sync, errors)
    assert set(report["blocks en"]) >= {"ParagraphBlock", "QuoteBlock", "FigureBlock", "TipBlock"}
