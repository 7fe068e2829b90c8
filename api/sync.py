"""Delta sync for the mobile apps: `GET /api/v2/sync/?locale=zh-hans` pages through every public page, image and
document (pages in that language, or in all when `locale` is left out); its last page ends with a
`next_sync_token`. `GET /api/v2/sync/?token=…` then answers only what changed since: the items to fetch again, and,
apart, the ids of those that left the public set. Each answer ends with a new token.

Both read the change record (delivery.models.ChangeRecord) in the order of the content version, which follows
commit order: a token says how far a client has read, so nothing is missed or reported twice without a reason,
whatever the clocks say. Tokens are signed and opaque; every page of an answer costs the same few queries.
"""

from dataclasses import asdict, dataclass, replace

from django.core import signing
from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from rest_framework.response import Response
from rest_framework.views import APIView

from delivery.changes import current
from delivery.models import ChangeRecord
from endpoints.errors import APIError, invalid
from endpoints.pages import page_summary
from endpoints.parameters import refuse_empty, refuse_unknown
from endpoints.urls import absolute
from endpoints.views import APIConventionsMixin, CacheableMixin
from home.visibility import readers
from resources.filters import language, whole_number

from .media import IMAGE_PARAMETERS, RENDITION_SPECS, asked_size, document_representation, image_representation
from .prefetch import locale_ids
from .views import public_pages_for

SIGNING_SALT = "cms.api.sync"
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
PAGE, IMAGE, DOCUMENT = ChangeRecord.Kind.PAGE, ChangeRecord.Kind.IMAGE, ChangeRecord.Kind.DOCUMENT
MEDIA_TYPES = {IMAGE: "wagtailimages.Image", DOCUMENT: "wagtaildocs.Document"}
ENDPOINTS = {PAGE: "pages", IMAGE: "images", DOCUMENT: "documents"}


@dataclass(frozen=True)
class Position:
    """Where a client is: the records after version `since`, in `locale` ("" for all), read up to version `until`
    (None: up to the content version when asked), after the record `after` (its version and id) of this answer's
    earlier pages. The initial sync leaves out what is no longer public, which the client never had."""

    locale: str
    since: int
    until: int | None = None
    after: tuple | None = None
    initial: bool = False

    def sign(self):
        return signing.Signer(salt=SIGNING_SALT).sign_object(asdict(self), compress=True)

    @classmethod
    def from_token(cls, token):
        try:
            fields = signing.Signer(salt=SIGNING_SALT).unsign_object(token)
            position = cls(**fields)
        except (signing.BadSignature, TypeError, ValueError) as error:
            message = _("This is not a sync token this site issued; sync again without one.")
            raise APIError("invalid_sync_token", message, parameter="token") from error
        return position if position.after is None else cls(**{**fields, "after": tuple(position.after)})


def starting_position(request):
    """The position the request names: its token, or an initial sync of its `locale`."""
    refuse_unknown(request.GET, {"locale", "token", "limit", "format", *IMAGE_PARAMETERS})
    refuse_empty(request.GET)
    asked_size(request)
    if "token" in request.GET and "locale" in request.GET:
        raise invalid("token", _("A token carries its locale: send token or locale, not both."))
    if "token" in request.GET:
        return Position.from_token(request.GET["token"])
    locale = language(request.GET["locale"]) if "locale" in request.GET else ""
    return Position(locale=locale, since=0, initial=True)


def requested_limit(request):
    return whole_number(request.GET.get("limit", str(DEFAULT_LIMIT)), "limit", 1, MAX_LIMIT)


def records_from(position, request):
    """The change records this position has still to read, in the order they were made."""
    records = ChangeRecord.objects.filter(sequence__gt=position.since, sequence__lte=position.until)
    if position.locale:
        if position.locale not in locale_ids(request):
            raise APIError("sync_restart", _("This token's locale is no longer on the site; sync again."), status=410)
        records = records.filter(Q(locale_id=locale_ids(request)[position.locale]) | Q(locale__isnull=True))
    if position.initial:
        records = records.filter(public=True)
    if position.after:
        sequence, pk = position.after
        records = records.filter(Q(sequence__gt=sequence) | Q(sequence=sequence, id__gt=pk))
    return records.order_by("sequence", "id")


def public_objects(records, request):
    """The objects of these records that readers may see now, by kind and id."""
    ids = {kind: [r.object_id for r in records if r.kind == kind and r.public] for kind in ENDPOINTS}
    images = get_image_model().objects.filter(pk__in=ids[IMAGE]).prefetch_renditions(*RENDITION_SPECS)
    return {
        PAGE: public_pages_for(request).filter(pk__in=ids[PAGE]).select_related("locale").in_bulk(),
        IMAGE: readers().media(images).in_bulk(),
        DOCUMENT: readers().media(get_document_model().objects.filter(pk__in=ids[DOCUMENT])).in_bulk(),
    }


def summary(record, item, request):
    """What the API's listings say of the item, with its kind, its detail URL and when it last changed."""
    if record.kind == PAGE:
        data = {**page_summary(item, request), "last_published_at": item.last_published_at}
    else:
        show = image_representation if record.kind == IMAGE else document_representation
        data = {**show(item, request), "type": MEDIA_TYPES[record.kind]}
        data["detail_url"] = absolute(request, f"/api/v2/{ENDPOINTS[record.kind]}/{item.pk}/")
    return {"kind": record.kind, **data, "changed_at": record.changed_at}


def sync_url(request, token):
    query = QueryDict(mutable=True)
    query["token"] = token
    for name in ("limit", *sorted(IMAGE_PARAMETERS)):  # what the app asked for, again on the next page
        if name in request.GET:
            query[name] = request.GET[name]
    return absolute(request, f"{request.path}?{query.urlencode()}")


def sync_answer(request):
    position = starting_position(request)
    limit = requested_limit(request)
    version = getattr(request, "content_version", None) or current()
    if max(position.since, position.until or 0) > version[0]:
        message = _("This token is ahead of the site's content (a backup restored?); sync again.")
        raise APIError("sync_restart", message, status=410)
    if position.until is None:
        position = replace(position, until=version[0])
    records = list(records_from(position, request)[: limit + 1])
    more, records = len(records) > limit, records[:limit]
    found = public_objects(records, request)
    items, removed = [], []
    for record in records:
        item = found[record.kind].get(record.object_id)
        if item is not None:
            items.append(summary(record, item, request))
        elif not position.initial:
            removed.append({"kind": record.kind, "id": record.object_id})
    answer = {"items": items, "removed": removed}
    if more:
        last = records[-1]
        token = replace(position, after=(last.sequence, last.pk)).sign()
        answer.update(next_page_token=token, next_page_url=sync_url(request, token))
        answer.update(next_sync_token=None, next_sync_url=None)
    else:
        token = Position(locale=position.locale, since=position.until).sign()
        answer.update(next_page_token=None, next_page_url=None)
        answer.update(next_sync_token=token, next_sync_url=sync_url(request, token))
    return answer


class SyncAPIView(CacheableMixin, APIConventionsMixin, APIView):
    """GET /api/v2/sync/: see the module's description. Answers are public and revalidated every time, so an
    unchanged site answers a delta with a 304."""

    cache_seconds = 0

    def get(self, request):
        return Response(sync_answer(request))
