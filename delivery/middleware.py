"""Conditional requests and the shared response cache for anonymous readers.

A response a view marks `Cache-Control: public` is stored under what identifies it: the release, the content
version, the URL, the language and the Accept header. Its ETag is a digest of its body, so it tells nothing of the
site's activity, and a 304 answers only a request that would get that very 200: one whose stored (or just built)
response has the ETag it names. No Last-Modified is sent: a time in whole seconds could hide a second change made
within the same second. Requests with a session (staff, or a reader who entered a page's password), and anything
private, previewed or degraded (a search answered by the fallback) never enter or come out of the cache.

A scheduled expiry changes what readers see without a content change: the key also counts the expiries passed, and
no public response may be kept (`max-age`) beyond the next one.

The cache cannot be flooded: a response is stored only if its view read every parameter of the request, and one
with a query string only the second time this process is asked for it (random URLs never repeat); every table kept
in the process is bounded.
"""

import bisect
import hashlib
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

from home.visibility import Readers, reading_as

from . import changes
from .changes import per_version
from .release import release

CACHED_HEADERS_SKIPPED = {"set-cookie", "etag", "last-modified", "date"}
# What a 304 repeats of its 200: caching headers, and what the search counter reads (search.views.counted).
NOT_MODIFIED_HEADERS = ("Cache-Control", "Vary", "Content-Location", "Expires", "X-Search-Results", "X-Search-Language")
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
ADMISSION_MEMORY = 10_000  # query-string variants asked once, remembered per process


def anonymous_read(request):
    """A GET or HEAD without a session or credentials, outside the admin and file downloads."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(UNCACHED_PREFIXES)
    )


def storable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and "public" in cache_control
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not response.cookies
    )


def content_etag(content):
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def names_etag(request, etag):
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    return bool(if_none_match) and (etag in parse_etags(if_none_match) or if_none_match.strip() == "*")


def not_modified(etag, headers):
    response = HttpResponseNotModified()
    for name in NOT_MODIFIED_HEADERS:
        if name in headers:
            response[name] = headers[name]
    response["ETag"] = etag
    return response


class ParametersRead(QueryDict):
    """The request's query parameters, noting which ones the view asked for (any that it did not must not make a
    stored response distinct)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read = set()

    @classmethod
    def of(cls, parameters):
        tracked = cls("", mutable=True, encoding=parameters.encoding)
        for key, values in parameters.lists():
            tracked.setlist(key, values)
        tracked._mutable = False
        return tracked

    def _note(self, key):
        self.read.add(key)
        return key

    def __getitem__(self, key):
        return super().__getitem__(self._note(key))

    def __contains__(self, key):
        return super().__contains__(self._note(key))

    def get(self, key, default=None):
        return super().get(self._note(key), default)

    def getlist(self, key, default=None):
        return super().getlist(self._note(key), default)

    def _all(self):
        self.read.update(super().keys())

    def keys(self):
        self._all()
        return super().keys()

    def __iter__(self):
        self._all()
        return super().__iter__()

    def items(self):
        self._all()
        return super().items()

    def lists(self):
        self._all()
        return super().lists()

    def values(self):
        self._all()
        return super().values()

    def dict(self):
        self._all()
        return super().dict()

    def copy(self):
        self._all()
        return super().copy()

    def urlencode(self, safe=None):
        self._all()
        return super().urlencode(safe)

    def all_read(self):
        return set(super().keys()) <= self.read


def digest(*parts):
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def what_was_asked(request):
    """What the request asked for: its URL, language and Accept header."""
    return digest(request.build_absolute_uri(), get_language() or "", request.META.get("HTTP_ACCEPT", ""))


def variant_key(request, asked):
    """What identifies one response: the code, the content version, the expiries passed since and what the request
    asked for; and when the next expiry is due (None if none is)."""
    number, changed_at = request.content_version = changes.current()
    expiries = per_version(request, "readers", Readers).expiry_times
    passed = bisect.bisect_right(expiries, timezone.now())
    # The time as well as the number: a database restored from a backup counts again from an earlier number.
    key = digest(settings.SECRET_KEY, release(), str(number), changed_at.isoformat(), str(passed), asked)
    return "response:" + key, expiries[passed] if passed < len(expiries) else None


def kept_until(response, moment):
    """A public response may be kept by browsers and proxies until `moment` at the latest."""
    if moment is not None and "public" in response.get("Cache-Control", ""):
        patch_cache_control(response, max_age=max(0, int((moment - timezone.now()).total_seconds())))
    return response


class Doorkeeper:
    """The URLs with a query string asked in this process, the most recent `size`: such a response is stored from the
    second time its URL is asked (in any content version), so a flood of random query strings stores nothing."""

    def __init__(self, size):
        self.size, self.seen = size, OrderedDict()

    def admits(self, asked):
        known = asked in self.seen
        self.seen[asked] = True
        self.seen.move_to_end(asked)
        if len(self.seen) > self.size:
            self.seen.popitem(last=False)
        return known


class LocalCopies:
    """Responses read from a shared cache (Redis), also kept in this process, the most recently used up to
    `max_bytes`: their keys carry the content version, so a copy can never be stale, and a hit costs no round trip
    and no unpickling."""

    def __init__(self, max_bytes):
        self.max_bytes, self.size, self.entries = max_bytes, 0, OrderedDict()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, entry):
        if key in self.entries or len(entry[2]) > self.max_bytes:
            return
        self.entries[key] = entry
        self.size += len(entry[2])
        while self.size > self.max_bytes:
            _key, oldest = self.entries.popitem(last=False)
            self.size -= len(oldest[2])


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        shared = not isinstance(caches[settings.RESPONSE_CACHE], LocMemCache | DummyCache)
        self.local = LocalCopies(settings.RESPONSE_CACHE_LOCAL_BYTES) if shared else None
        self.doorkeeper = Doorkeeper(ADMISSION_MEMORY)

    def lookup(self, cache, key):
        stored = self.local.get(key) if self.local else None
        if stored is None:
            stored = cache.get(key)
            if stored is not None and self.local:
                self.local.put(key, stored)
        return stored

    def __call__(self, request):
        if not anonymous_read(request):
            return self.get_response(request)
        asked = what_was_asked(request)
        key, next_expiry = variant_key(request, asked)
        cache = caches[settings.RESPONSE_CACHE]
        stored = self.lookup(cache, key)
        if stored is not None:
            status, headers, content, etag = stored
            if names_etag(request, etag):
                return kept_until(not_modified(etag, headers), next_expiry)
            response = HttpResponse(b"" if request.method == "HEAD" else content, status=status, headers=headers)
            response["X-Cache"], response["ETag"] = "hit", etag
            return kept_until(response, next_expiry)
        request.GET = parameters = ParametersRead.of(request.GET)
        response = kept_until(self.get_response(request), next_expiry)
        if not storable(response):
            return response
        del response["Last-Modified"]
        patch_vary_headers(response, ["Accept"])
        etag = response["ETag"] = content_etag(response.content)
        admitted = not request.GET or self.doorkeeper.admits(asked)
        if request.method == "GET" and parameters.all_read() and admitted:
            headers = {name: value for name, value in response.items() if name.lower() not in CACHED_HEADERS_SKIPPED}
            cache.set(key, (response.status_code, headers, response.content, etag), settings.RESPONSE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return not_modified(etag, response) if names_etag(request, etag) else response


class ReadersMiddleware:
    """Every surface of a request asks the same definition of what readers may see (home.visibility), whose facts
    (view restrictions, private collections, site roots) are looked up once a content version in this process."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with reading_as(per_version(request, "readers", Readers)):
            return self.get_response(request)
