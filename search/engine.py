"""The connection to the search engine (Elasticsearch 7.10 or OpenSearch 3): one client per process, shared by
the reader index and Wagtail's admin search, behind a circuit breaker.

A hung engine must not make every reader wait for a timeout: after a request times out or fails, the breaker
opens and further requests fail at once (EngineUnavailable) for a cool-down period, so callers answer from the
database. Then a quick probe in the background (HEAD / with a short timeout) decides whether the engine is let
back in.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.signals import setting_changed

from elasticsearch import Elasticsearch, Transport
from elasticsearch.exceptions import ConnectionError as EngineConnectionError
from elasticsearch.exceptions import TransportError

logger = logging.getLogger(__name__)


class EngineUnavailable(EngineConnectionError):
    """The breaker is open: the engine failed recently and is not asked again until the cool-down ends."""

    def __init__(self, reason):
        super().__init__("N/A", f"search engine unavailable: {reason}", None)

    def __str__(self):
        return self.args[1]


def is_engine_failure(error):
    """Refused, timed out or answering 5xx/429; a 4xx (a missing index, say) is an answer, not a failure."""
    if isinstance(error, EngineConnectionError):
        return True
    status = getattr(error, "status_code", None)
    return isinstance(status, int) and (status == 429 or status >= 500)


class CircuitBreaker:
    """Closed: requests pass. Open: they fail at once, and once `cooldown` seconds have passed since the last
    failure, the next request starts a probe in the background (one at a time) and fails at once too; a probe that
    gets an answer closes the breaker, one that does not keeps it open for another cool-down. No reader waits for
    a probe."""

    def __init__(self, cooldown, probe):
        self.cooldown = cooldown
        self.probe = probe
        self.opened_at = None
        self.last_error = ""
        self.probing = False
        self.lock = threading.Lock()

    @property
    def is_open(self):
        return self.opened_at is not None

    def admit(self):
        """Returns if the request may go to the engine; raises EngineUnavailable while the breaker is open."""
        if not self.is_open:
            return
        if self.claim_probe():
            threading.Thread(target=self.run_probe, name="search-engine-probe", daemon=True).start()
        raise EngineUnavailable(self.last_error)

    def probe_if_due(self):
        """For background work, which may wait: runs a due probe now, in this thread, so that the work that follows
        finds the engine back if it is."""
        if self.claim_probe():
            self.run_probe()

    def claim_probe(self):
        """True for the one caller that is to probe: the breaker is open, cooled down and nobody probes yet."""
        with self.lock:
            due = self.is_open and not self.probing and time.monotonic() - self.opened_at >= self.cooldown
            self.probing = self.probing or due
            return due

    def run_probe(self):
        try:
            self.probe()
        except TransportError as error:
            self.failed(error)
        else:
            self.succeeded()

    def succeeded(self):
        with self.lock:
            if self.opened_at is not None:
                logger.warning("The search engine answers again; the circuit breaker is closed.")
            self.opened_at, self.probing = None, False

    def failed(self, error):
        with self.lock:
            if self.opened_at is None:
                logger.warning("The search engine failed (%s); not asking it for %.0f s.", error, self.cooldown)
            self.opened_at, self.probing, self.last_error = time.monotonic(), False, str(error)


# The endpoints a reader's request may call (POST, with a query in the body); every other POST, PUT or DELETE
# writes: an index created, filled, refreshed or swapped by a background task or a command.
READING_ENDPOINTS = {"_search", "scroll", "_count", "_msearch", "_mget", "_analyze", "_explain"}


def writes(method, url):
    return method not in ("GET", "HEAD") and url.rstrip("/").rsplit("/", 1)[-1] not in READING_ENDPOINTS


class GuardedTransport(Transport):
    """The client's transport, with its breaker in front of every request. A read waits ELASTICSEARCH_TIMEOUT, a
    reader's budget; a write waits ELASTICSEARCH_WRITE_TIMEOUT, since making an index waits for its shards to start,
    which a busy cluster may take seconds to do, and no reader waits for it."""

    breaker = None  # each client's own, set by make_client()

    def perform_request(self, method, url, headers=None, params=None, body=None):
        if writes(method, url):
            params = {"request_timeout": settings.ELASTICSEARCH_WRITE_TIMEOUT, **(params or {})}
        self.breaker.admit()
        try:
            result = super().perform_request(method, url, headers=headers, params=params, body=body)
        except TransportError as error:
            if is_engine_failure(error):
                self.breaker.failed(error)
            raise
        self.breaker.succeeded()
        return result

    def probe(self):
        """Raises unless the engine answers a HEAD / within SEARCH_ENGINE_PROBE_TIMEOUT."""
        super().perform_request("HEAD", "/", params={"request_timeout": settings.SEARCH_ENGINE_PROBE_TIMEOUT})


def make_client(url):
    connection = Elasticsearch(
        [url],
        transport_class=GuardedTransport,
        timeout=settings.ELASTICSEARCH_TIMEOUT,
        max_retries=1,  # a refused connection is tried once more; a timeout is not (it would double the wait)
        retry_on_timeout=False,
    )
    connection.transport.breaker = CircuitBreaker(settings.SEARCH_ENGINE_COOLDOWN, connection.transport.probe)
    return connection


_clients = {}
_clients_lock = threading.Lock()


def client(url=None):
    """This process's client for the engine at `url` (default ELASTICSEARCH_URL), made on first use."""
    url = url or settings.ELASTICSEARCH_URL
    with _clients_lock:
        if url not in _clients:
            _clients[url] = make_client(url)
        return _clients[url]


def breaker(url=None):
    return client(url).transport.breaker


def forget_clients(setting, **kwargs):
    """Tests change the engine's settings; the next client() call then starts afresh."""
    if setting.startswith(("ELASTICSEARCH_", "SEARCH_ENGINE_")):
        with _clients_lock:
            _clients.clear()


setting_changed.connect(forget_clients, dispatch_uid="search_engine_forget_clients")
