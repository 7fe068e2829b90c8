"""A real headless Chromium (Debian's package) driven by Playwright, against Django's live test server."""

import importlib
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
def demo_site(transactional_db):
    """Browser tests commit, so the database is emptied after each; rebuild the demo site when it is gone
    (the tree root, root collection and locales come from migrations, which a flush also empties)."""
    from django.apps import apps
    from django.conf import settings
    from django.contrib.auth.models import Permission
    from django.core.management import call_command

    from wagtail.models import Collection, Locale, Page

    from home.models import HomePage

    if HomePage.objects.exists():
        return
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    localize_permission = importlib.import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    ).create_submit_translation_permission
    if not Permission.objects.filter(codename="submit_translation").exists():
        localize_permission(apps, None)
    call_command("load_demo_content", verbosity=0)
    call_command("setup_roles", verbosity=0)
