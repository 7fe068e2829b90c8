"""The demo site is loaded once per test run into the test database; each test runs in a transaction
that is rolled back, so tests may change pages freely."""

import importlib
import os

from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

import pytest

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
needs_elasticsearch = pytest.mark.skipif(
    not ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set; make test starts a node when Java and Maven are installed",
)


def pytest_collection_modifyitems(items):
    """Tests that commit to the database (browser tests, concurrent writers) empty it after them: run them last."""

    def commits(item):
        marker = item.get_closest_marker("django_db")
        return bool(marker and marker.kwargs.get("transaction"))

    items.sort(key=commits)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With REQUIRE_ALL_SERVICES set (as CI does, having started every service), a skip is a failure: a broken
    service set-up must not pass green with fewer tests. OPTIONAL_SERVICES names those a run goes without on
    purpose (the newcomer's clone runs on SQLite): a skip whose reason starts "needs <service>" stays a skip."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("REQUIRE_ALL_SERVICES"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        optional = [name for name in os.environ.get("OPTIONAL_SERVICES", "").split(",") if name]
        if not any(str(reason).removeprefix("Skipped: ").startswith(f"needs {name}") for name in optional):
            report.outcome = "failed"
            report.longrepr = f"skipped although REQUIRE_ALL_SERVICES is set: {reason}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        call_command("setup_roles", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches, the process's per-version lookups included: a rolled-back test leaves
    the content version where it found it, and a test may change settings that alter responses without changing
    content."""
    from django.core.cache import caches

    from delivery import changes

    for cache in caches.all():
        cache.clear()
    changes._per_version.clear()


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    translation.activate("en")


@pytest.fixture
def locales():
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def staff_client(client):
    """Logs the test client in as a new user of the given role."""
    from .factories import make_staff

    def login(role):
        user = make_staff(role)
        client.force_login(user)
        return client

    return login


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=needs_elasticsearch)])
def backend(request):
    """Runs a test on each search backend; the engine gets a fresh index of this test's database first."""
    from search import service

    if request.param == "database":
        with override_settings(ELASTICSEARCH_URL=""):
            yield "database"
    else:
        with override_settings(ELASTICSEARCH_URL=ELASTICSEARCH_URL):
            service.rebuild()
            yield "elasticsearch"


@pytest.fixture
def committed_demo_site(transactional_db):
    """For tests that commit (browser tests, concurrent writers), after which the database is emptied: the demo
    site rebuilt when it is gone (the tree root, root collection and locales come from migrations, which a flush
    also empties)."""
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
