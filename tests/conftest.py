"""The demo site is loaded once per test run (per worker under pytest-xdist) into the test database; each test runs
in a transaction that is rolled back, so tests may change pages freely, and after a test that commits the demo
site's rows are written back."""

import os

from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

import pytest

restore_demo_site = pytest.StashKey()

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
needs_elasticsearch = pytest.mark.skipif(
    not ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set; make test starts a node when Java and Maven are installed",
)


def pytest_collection_modifyitems(items):
    """The slow tests first: pytest-xdist hands the first tests out in turn, then the rest to whichever worker is
    free, so the run does not end waiting on one worker's long test."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The demo site, built once per run (per worker under pytest-xdist) and kept as a snapshot of its rows."""
    from .snapshot import take_snapshot

    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        call_command("setup_roles", verbosity=0)
        snapshot = take_snapshot()

    def restore():
        with django_db_blocker.unblock():
            snapshot.restore()

    request.config.stash[restore_demo_site] = restore


def commits(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """pytest-django empties the database after a test that commits (browser tests, concurrent writers): the demo
    site's rows are written back at once, so that any test may follow on the same worker."""
    result = yield
    restore = item.config.stash.get(restore_demo_site, None)
    if restore and nextitem is not None and commits(item):
        restore()
    return result


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
    """For tests that commit (browser tests, concurrent writers): the demo site, committed; after the test the
    database is emptied and its rows written back (see pytest_runtest_teardown)."""
