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
    pending = set()  # requests the browser has sent and not yet had answered

    def open_page():
        context = chromium.new_context(viewport={"width": 1280, "height": 1400})
        context.on("request", lambda request: pending.add(request))
        context.on("requestfinished", lambda request: pending.discard(request))
        context.on("requestfailed", lambda request: pending.discard(request))
        contexts.append(context)
        return context.new_page()

    yield open_page
    # The database is emptied next: a request still being answered (the editor's footer asks for its state after
    # each change) would hold locks that the emptying waits for, and it for them.
    pages = [page for context in contexts for page in context.pages]
    for _attempt in range(100):
        if not pending or not pages:
            break
        pages[0].wait_for_timeout(50)
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def demo_site(committed_demo_site):
    """Browser tests commit, so the database is emptied after each (see committed_demo_site)."""
