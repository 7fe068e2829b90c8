"""Conditional requests and the shared response cache for anonymous readers.

The ETag and Last-Modified of a response are known before it is built: they come from the content version, the
release and the request's variant (URL, language, Accept). So a matching If-None-Match or If-Modified-Since is
answered 304 at once, and a response already built for this variant is served from the cache (local memory, or
Redis in production) without touching the view. Only responses marked `Cache-Control: public` are stored: the
API's public reads, and the pages and search results readers see. Requests with a session (staff, or a reader who
entered a page's password) and anything private or previewed never enter or come out of the cache.
"""

import hashlib
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.utils.translation import get_language

from home.visibility import Readers, reading_as

from . import changes
from .changes import per_version
from .release import release

CACHED_HEADERS_SKIPPED = {"set-cookie", "etag", "last-modified", "date"}
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")


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


class Variant:
    """What identifies one response: the code, the content version and what the request asked for."""

    def __init__(self, request):
        number, changed_at = request.content_version = changes.current()
        release_id, released_at = release()
        parts = [
            settings.SECRET_KEY,
            release_id,
            str(number),
            changed_at.isoformat(),
            request.build_absolute_uri(),
            get_language() or "",
            request.META.get("HTTP_ACCEPT", ""),
        ]
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        self.key = f"response:{digest}"
        self.etag = f'"{number}-{digest[:20]}"'
        self.last_modified = int(max(changed_at.timestamp(), released_at))

    def matches(self, request):
        """If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)."""
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match:
            return self.etag in parse_etags(if_none_match)
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        return since is not None and self.last_modified <= since

    def stamp(self, response):
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        patch_vary_headers(response, ["Accept"])
        return response


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
        variant = Variant(request)
        if variant.matches(request):
            return variant.stamp(HttpResponseNotModified())
        cache = caches[settings.RESPONSE_CACHE]
        stored = self.lookup(cache, variant.key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(b"" if request.method == "HEAD" else content, status=status, headers=headers)
            response["X-Cache"] = "hit"
            return variant.stamp(response)
        response = self.get_response(request)
        if request.method == "GET" and storable(response):
            headers = {name: value for name, value in response.items() if name.lower() not in CACHED_HEADERS_SKIPPED}
            cache.set(variant.key, (response.status_code, headers, response.content), settings.RESPONSE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
            variant.stamp(response)
        return response


class ReadersMiddleware:
    """Every surface of a request asks the same definition of what readers may see (home.visibility), whose facts
    (view restrictions, private collections, site roots) are looked up once a content version in this process."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with reading_as(per_version(request, "readers", Readers)):
            return self.get_response(request)
