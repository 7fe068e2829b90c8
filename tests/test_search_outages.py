"""The search engine misbehaving, on a real node of these tests' own that they pause (kill -STOP: it hangs), stop
and start again, so that tests running beside them on the run's node are not disturbed: readers are answered from
the database without waiting, the circuit breaker opens and closes, index updates wait in the task queue (real
db_worker) until the engine is back, and a rebuild loses no update."""

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

from django.conf import settings
from django.test import override_settings

from wagtail.models import Page

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home.content import content_kinds
from search import engine, service
from search.backends.base import SearchRequest
from search.backends.elastic import ElasticsearchSearch
from search.documents import alias_name
from search.engine import EngineUnavailable
from search.tasks import update_search_index

from .factories import publish_article
from .helpers import run_worker
from .proxy import free_port

CONTROL = Path(settings.BASE_DIR) / "tools" / "search_node.sh"
ENGINE = os.environ.get("SEARCH_NODE_ENGINE", "elasticsearch")
JARS = Path(settings.BASE_DIR) / "services" / ENGINE / "lib"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.xdist_group("own search node"),  # one worker starts the node for all of them
    pytest.mark.skipif(
        not (os.environ.get("ELASTICSEARCH_URL") and shutil.which("java") and (shutil.which("mvn") or JARS.is_dir())),
        reason="needs a search engine (ELASTICSEARCH_URL) and Java and Maven to run a node of these tests' own "
        "(make test sets the first when the others are installed: apt-get install -y openjdk-17-jre-headless maven)",
    ),
]


@pytest.fixture(scope="module")
def own_node(tmp_path_factory):
    """A node of the same engine on a free port, for these tests alone; stopped after them."""
    environment = {
        **os.environ,
        "SEARCH_NODE_PORT": str(free_port()),
        "SEARCH_NODE_HOME": str(tmp_path_factory.mktemp("search-node")),
    }

    def control(action):
        return subprocess.run(  # noqa: S603 - the project's own script
            [CONTROL, action], env=environment, check=True, capture_output=True, text=True
        ).stdout.strip()

    url = control("start")
    try:
        yield url, control
    finally:
        control("stop")


@pytest.fixture
def node(own_node):
    """The engine, indexed afresh, with a short timeout; whatever a test does to the node is undone after it."""
    url, control = own_node
    backends = {**settings.WAGTAILSEARCH_BACKENDS, "default": {**settings.WAGTAILSEARCH_BACKENDS["default"]}}
    backends["default"]["URLS"] = [url]
    with override_settings(ELASTICSEARCH_URL=url, ELASTICSEARCH_TIMEOUT=1, WAGTAILSEARCH_BACKENDS=backends):
        service.rebuild()
        try:
            yield control
        finally:
            control("resume")
            control("start")


def search(query):
    return service.search(SearchRequest(query=query, language="en"))


def engine_titles(query):
    return [hit.page.title for hit in ElasticsearchSearch().search(SearchRequest(query=query, language="en")).hits]


def queued_updates():
    return DBTaskResult.objects.filter(task_path=update_search_index.module_path, status=TaskResultStatus.READY)


def test_a_hung_engine_costs_one_timeout_then_searches_skip_it_until_it_answers(node):
    node("pause")
    assert search("conservation").backend == "database"  # after the one timeout
    assert engine.breaker().is_open
    for _ in range(5):  # not asked at all while the breaker cools down
        with pytest.raises(EngineUnavailable):
            ElasticsearchSearch().search(SearchRequest(query="conservation", language="en"))
        assert search("conservation").backend == "database"
    time.sleep(settings.SEARCH_ENGINE_COOLDOWN + 0.1)
    assert search("conservation").backend == "database"  # starts a probe in the background, without waiting
    assert not probe_closes_the_breaker()  # the node still hangs

    node("resume")
    time.sleep(settings.SEARCH_ENGINE_COOLDOWN + 0.1)
    assert search("conservation").backend == "database"  # starts the next probe
    assert probe_closes_the_breaker()
    results = search("conservation")
    assert results.backend == "elasticsearch"
    assert "Water Conservation tips" in [hit.page.title for hit in results.hits]


def probe_closes_the_breaker():
    """Waits for the background probe to end; True if it found the engine answering."""
    breaker = engine.breaker()
    deadline = time.monotonic() + 10
    while breaker.probing and time.monotonic() < deadline:
        time.sleep(0.05)
    return not breaker.is_open


def test_making_an_index_may_take_longer_than_a_search_may_wait(node):
    """A rebuild's new index is made while the engine stalls for longer than a reader's timeout (1 s here): the
    write waits it out (ELASTICSEARCH_WRITE_TIMEOUT) instead of failing the rebuild."""
    made = []
    node("pause")
    writer = threading.Thread(target=lambda: made.append(ElasticsearchSearch().create_index()))
    writer.start()
    time.sleep(settings.ELASTICSEARCH_TIMEOUT + 0.5)
    node("resume")
    writer.join()
    [index] = made
    assert engine.client().indices.exists(index=index)
    engine.client().indices.delete(index=index)


def test_wagtails_admin_search_answers_from_the_database_when_the_engine_hangs(node, admin_client):
    node("pause")
    for _ in range(2):  # the first waits for the timeout, then the breaker is open
        response = admin_client.get("/admin/pages/search/", {"q": "conservation"})
        assert response.status_code == 200
        assert "Water Conservation tips" in response.content.decode()
    assert engine.breaker().is_open


@pytest.mark.parametrize("outage", ["pause", "stop"])
@override_settings(TASKS=settings.DATABASE_TASKS)
def test_a_change_made_during_an_outage_reaches_the_index_when_the_engine_is_back(node, outage):
    node(outage)
    first = publish_article("Rainwater tanks in Chengdu", "Cisterns on every roof.")
    second = publish_article("Greywater gardens in Xi'an", "Cisterns for the courtyard.")
    run_worker()  # Wagtail's database index is updated; the engine's updates go back to the queue, merged
    assert {hit.page.pk for hit in search("cisterns").hits} == {first.pk, second.pk}  # from the database
    [retry] = queued_updates()
    assert set(retry.args_kwargs["kwargs"]["page_ids"]) >= {first.pk, second.pk}
    assert retry.run_after.timestamp() - time.time() <= settings.SEARCH_INDEX_RETRY_MAX_DELAY
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()  # each attempt is on record

    node("resume" if outage == "pause" else "start")
    deadline = time.monotonic() + 60
    while queued_updates().exists() and time.monotonic() < deadline:  # no reader request: only the worker
        time.sleep(0.5)
        run_worker()
    assert not queued_updates().exists()
    assert sorted(engine_titles("cisterns")) == ["Greywater gardens in Xi'an", "Rainwater tanks in Chengdu"]


def test_publishing_does_not_touch_the_engine_when_tasks_run_in_the_background(node):
    node("pause")
    with override_settings(TASKS=settings.DATABASE_TASKS):
        publish_article("Bamboo bicycles in Anji", "Frames of local bamboo.")
        assert not engine.breaker().is_open  # the engine was not asked, so it could not make anyone wait
        assert queued_updates().count() >= 1


def test_a_rebuild_while_updates_flow_loses_none(node):
    """Updates made while a rebuild runs (here, between two of its chunks) reach the new index, and a page it has
    already filled that is unpublished meanwhile does not come back with it."""
    searchable = Page.objects.live().public().type(*content_kinds().values())
    removed = searchable.order_by("path").first().specific  # in the rebuild's first chunk
    edited = publish_article("Wind pumps in Chifeng", "Old windmills lifted water.")

    def meanwhile(done, total):
        if done == 5:
            removed.unpublish()
            edited.title = "Wind pumps of Chifeng, restored"
            edited.save_revision().publish()
            publish_article("Biogas in Mianyang", "Digesters turn waste into gas.")

    count, _seconds = service.rebuild(progress=meanwhile, chunk_size=5)
    assert not engine.client().exists(index=alias_name(), id=removed.pk)
    assert engine_titles("windmills") == ["Wind pumps of Chifeng, restored"]
    assert engine_titles("digesters") == ["Biogas in Mianyang"]
    assert count == searchable.count()
