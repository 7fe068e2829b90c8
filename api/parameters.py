"""The grammar of the `fields` and `order` parameters: one source for what the endpoints accept and for the
patterns the OpenAPI description publishes, so that the two cannot disagree.

`fields` is an optional `*` (every field) or `_` (none) followed by field names, each optionally prefixed with `-`
to remove it; `order` is field names, each optionally prefixed with `-` for descending. A name must be one the
endpoint knows for some type it serves; a name that the listed type (or the page asked for) does not have is left
out, so that one request works across types. Anything else is a 400 that names the known fields.
"""

import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.api.v2.pagination import WagtailPagination

from endpoints.errors import invalid
from endpoints.parameters import refuse_unknown
from resources.filters import whole_number

from .compat import serializer_class_for
from .media import asked_size

ALWAYS_SERVED = ("id", "type")  # every item says what it is, whatever `fields` removes


def alternation(names):
    return "|".join(re.escape(name) for name in sorted(names, key=lambda name: (-len(name), name)))


def fields_pattern(names):
    name = f"-?(?:{alternation(names)})"
    return f"^(?:\\*|_|{name})(?:,{name})*$"


def order_pattern(names):
    name = f"-?(?:{alternation(names)})"
    return f"^{name}(?:,{name})*$"


def parse_fields(value, known, available):
    """The `fields` value as Wagtail's field configuration ([(name, negated, sub_fields)]), the names `available`
    here kept; a 400 unless it follows the grammar over `known`. Adding after `*` or removing after `_` changes
    nothing, rather than being refused as by Wagtail's own parser."""
    if not re.fullmatch(fields_pattern(known), value):
        raise invalid(
            "fields",
            _(
                "fields must be *, _ or field names separated by commas, each optionally prefixed with -; "
                "known fields: {known}"
            ),
            known=", ".join(sorted(known)),
        )
    parts = value.split(",")
    config = [(parts.pop(0), False, None)] if parts[0] in ("*", "_") else []
    for part in parts:
        name = part.lstrip("-")
        if name in available and not (name in ALWAYS_SERVED and part.startswith("-")):
            config.append((name, part.startswith("-"), None))
    if config and config[0][0] == "_":
        config += [(name, False, None) for name in ALWAYS_SERVED]
    return config


def parse_order(value, known, available):
    """The `order` value as field names for order_by, those `available` here kept; a 400 unless it follows the
    grammar over `known`."""
    if not re.fullmatch(order_pattern(known), value):
        raise invalid(
            "order",
            _("order must be field names separated by commas, each optionally prefixed with -; known fields: {known}"),
            known=", ".join(sorted(known)),
        )
    return [part for part in value.split(",") if part.lstrip("-") in available]


MAX_OFFSET = 1_000_000


def optional_number(request, name, default, highest):
    value = request.GET.get(name)
    return default if value is None else whole_number(value, name, 0, highest)


class StrictPagination(WagtailPagination):
    """`limit` (0 to WAGTAILAPI_LIMIT_MAX) and `offset` (0 to a million) as plain digits; Wagtail's own reads
    them with int(), which takes " 5", "+5" and "5_0" and lets an offset past the database's integers fail."""

    def paginate_queryset(self, queryset, request, view=None):
        limit = optional_number(request, "limit", min(20, settings.WAGTAILAPI_LIMIT_MAX), settings.WAGTAILAPI_LIMIT_MAX)
        offset = optional_number(request, "offset", 0, MAX_OFFSET)
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class FieldGrammarMixin:
    """Reads `fields` by the grammar above; the names known are those of every type the endpoint serves. Every
    item keeps its id and meta.type. Pagination is strict (above)."""

    pagination_class = StrictPagination

    @classmethod
    def served_models(cls):
        return [cls.model]

    def check_query_parameters(self, queryset):
        """Only the documented parameters: Wagtail's filters by any database field (`?slug=`) are not offered, as
        they would clash with the project's (`topic` names a slug here, a foreign key there)."""
        refuse_unknown(self.request.GET, self.known_query_parameters)
        asked_size(self.request)  # before any answer is built: a size that cannot be made is a 400

    @classmethod
    def available_fields(cls, model, detail):
        fields = cls.get_available_fields(model)
        return fields if detail else [name for name in fields if name not in cls.detail_only_fields]

    @classmethod
    def known_fields(cls, detail):
        return {name for model in cls.served_models() for name in cls.available_fields(model, detail)}

    @classmethod
    def known_order_fields(cls):
        return {name for model in cls.served_models() for name in cls.get_available_fields(model, db_fields_only=True)}

    def get_serializer_class(self):
        """Built once a request: the view asks for it to prefetch and again to serialize."""
        if not hasattr(self, "_serializer_class"):
            self._serializer_class = self.build_serializer_class()
        return self._serializer_class

    def build_serializer_class(self):
        detail = self.action != "listing_view"
        model = type(self.get_object()) if detail else self.get_queryset().model
        fields = self.request.GET.get("fields")
        config = []
        if fields is not None:
            config = parse_fields(fields, self.known_fields(detail), self.available_fields(model, detail))
        return serializer_class_for(self, model, config, show_details=detail)
