"""The demo site is loaded once per test run (per worker under pytest-xdist) into the test database; each test runs
in a transaction that is rolled back, so tests may change pages freely, and after a test that commits the demo
site's rows are written back."""

import os

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation

import pytest

put_back_demo_site = pytest.StashKey()

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
needs_elasticsearch = pytest.mark.skipif(
    not ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set; make test starts a node when Java and Maven are installed",
)

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL for writers side by side: apt-get install -y postgresql, then "
    "bash tools/start_postgres.sh and DATABASE_URL=postgres://cms:cms@127.0.0.1:5432/cms make test",
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
    from .engine_index import EngineWrites, unindexed, wait_for_engine
    from .snapshot import take_snapshot

    with django_db_blocker.unblock():
        with unindexed():  # then indexed once, in bulk (as `make run` does), rather than page by page
            call_command("load_demo_content", verbosity=0)
        call_command("setup_roles", verbosity=0)
        if ELASTICSEARCH_URL:
            wait_for_engine(ELASTICSEARCH_URL)
        call_command("rebuild_search_index", verbosity=0)
        visit_every_page()
        snapshot = take_snapshot()
    engine_writes = EngineWrites()

    def put_back(item):
        with django_db_blocker.unblock():
            if commits(item):
                snapshot.restore()
            engine_writes.put_back()

    request.config.stash[put_back_demo_site] = put_back
    with engine_writes.recording():
        yield


def visit_every_page():
    """Every live page once, as HTML and through the API, and the image listing: the image renditions they show
    are made once here, as on a site that has had readers, instead of again in every test that shows them."""
    from django.test import Client

    from wagtail.models import Page

    reader = Client()
    for page in Page.objects.live().filter(depth__gt=1):
        reader.get(page.url)
        reader.get(f"/api/v2/pages/{page.pk}/")
    reader.get("/api/v2/images/", {"limit": 100})


def commits(item):
    """Whether the test commits: marked so, or asking for a committed database (transactional_db, live_server)."""
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "transactional_db" in item.fixturenames


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test's own teardown (its transaction rolled back, or the database emptied if it committed), the demo
    site is put back as it was: its rows written back after a test that commits (browser tests, concurrent
    writers), and the search engine's index brought back in step (tests/engine_index.py), so that any test may
    follow on the same worker."""
    result = yield
    put_back = item.config.stash.get(put_back_demo_site, None)
    if put_back and nextitem is not None:
        put_back(item)
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
def database_tasks():
    """Tasks queued in the database, for the real worker (tests.helpers.run_worker) to run."""
    with override_settings(TASKS=settings.DATABASE_TASKS):
        yield


@pytest.fixture
def receivers(database_tasks):
    """Starts real webhook receivers (tests/receiver.py) as asked, with tasks for the real worker; stops them after."""
    from .receiver import Receiver

    started = []

    def start(**behaviour):
        started.append(Receiver(**behaviour))
        return started[-1]

    yield start
    for receiver in started:
        receiver.stop()


@pytest.fixture
def searches_counted():
    """Writes what was counted so far in this test, as the counting thread would (earlier tests' notes dropped)."""
    from search_insights import counting

    with counting._lock:
        counting._noted.clear()
    return counting.write_noted


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
    """Runs a test on each search backend; the engine gets a fresh index of this test's database first, under
    a prefix of its own (so the run's index need not be rebuilt after the test: see tests/engine_index.py)."""
    from search import service

    if request.param == "database":
        with override_settings(ELASTICSEARCH_URL=""):
            yield "database"
    else:
        prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}_backend"
        with override_settings(ELASTICSEARCH_URL=ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX=prefix):
            service.rebuild()
            yield "elasticsearch"


@pytest.fixture
def committed_demo_site(transactional_db):
    """For tests that commit (browser tests, concurrent writers): the demo site, committed; after the test the
    database is emptied and its rows written back (see pytest_runtest_teardown)."""


@pytest.fixture
def own_store():
    """An S3 server of the test's own, which it may pause (a hung store) and resume, with a bucket whose first
    write has been made (a new store's first write waits for its volumes)."""
    import shutil

    from .object_store import OwnStore, new_bucket, s3_client

    store = OwnStore()
    store.start()
    store.bucket = new_bucket(store.url)
    s3_client(store.url).put_object(Bucket=store.bucket, Key="warm-up", Body=b"")
    s3_client(store.url).delete_object(Bucket=store.bucket, Key="warm-up")
    yield store
    store.run("stop")
    shutil.rmtree(store.home, ignore_errors=True)
