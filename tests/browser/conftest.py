"""A real headless Chromium (Debian's package) driven by Playwright, against Django's live test server."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    """Playwright's sync API keeps an asyncio loop in this thread, which Django's async-safety check
    mistakes for async code; the test itself is synchronous, so that check is switched off here."""
    if not shutil.which("chromium"):
        pytest.skip("Chromium is not installed (apt-get install -y chromium); .ci/run installs it.")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make install-dev)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium):
    contexts = []

    def open_page():
        context = chromium.new_context(viewport={"width": 1280, "height": 1400})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def demo_site(committed_demo_site):
    """Browser tests commit, so the database is emptied after each (see committed_demo_site)."""
