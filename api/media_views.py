"""The images and documents endpoints: Wagtail's, outside private collections, with what media.py shows of each item
(an image's alt text and renditions, a document's size and type) as fields of their own, which `fields` can name."""

from urllib.parse import urlsplit

from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework import serializers

from endpoints.urls import absolute
from endpoints.views import APIConventionsMixin, CacheableMixin
from home.visibility import readers

from .fields import RequestDetailUrlField
from .filters import RelevanceSearchFilter
from .media import IMAGE_PARAMETERS, document_representation, image_representation
from .parameters import FieldGrammarMixin


class RepresentedField(serializers.Field):
    """One key of the item as media.py represents it."""

    def __init__(self):
        super().__init__(source="*", read_only=True)

    def to_representation(self, instance):
        return self.parent.represented(instance)[self.field_name]


class PublicMediaSerializerMixin:
    """Absolute URLs built from the request; the item's representation (media.py) worked out once."""

    representation = None

    def represented(self, instance):
        found = self.__dict__.setdefault("_represented", {})
        if instance.pk not in found:
            found[instance.pk] = type(self).representation(instance, self.context["request"])
        return found[instance.pk]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        meta = data.get("meta", {})
        if meta.get("download_url"):
            meta["download_url"] = absolute(self.context["request"], urlsplit(meta["download_url"]).path)
        return data


class PublicImageSerializer(PublicMediaSerializerMixin, ImageSerializer):
    detail_url = RequestDetailUrlField(read_only=True)
    alt = RepresentedField()
    focal_point = RepresentedField()
    renditions = RepresentedField()
    rendition = RepresentedField()
    representation = image_representation


class PublicDocumentSerializer(PublicMediaSerializerMixin, DocumentSerializer):
    """With the download URL beside the other file facts as well as in meta, where Wagtail puts it."""

    detail_url = RequestDetailUrlField(read_only=True)
    file_size = RepresentedField()
    content_type = RepresentedField()
    file_extension = RepresentedField()
    representation = document_representation

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if "download_url" in data.get("meta", {}):
            data["download_url"] = data["meta"]["download_url"]
        return data


class PublicMediaMixin(CacheableMixin, APIConventionsMixin, FieldGrammarMixin):
    """Images or documents outside private collections."""

    filter_backends = [RelevanceSearchFilter]
    known_query_parameters = frozenset(["limit", "offset", "fields", "search", "search_operator", "format"])

    def get_queryset(self):
        return readers().media(self.model.objects.all().order_by("id"))


class PublicImagesAPIViewSet(PublicMediaMixin, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer
    known_query_parameters = PublicMediaMixin.known_query_parameters | IMAGE_PARAMETERS
    body_fields = [*ImagesAPIViewSet.body_fields, "alt", "focal_point", "renditions", "rendition"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "alt", "focal_point", "renditions", "rendition"]


class PublicDocumentsAPIViewSet(PublicMediaMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer
    body_fields = [*DocumentsAPIViewSet.body_fields, "file_size", "content_type", "file_extension"]
    listing_default_fields = [
        *DocumentsAPIViewSet.listing_default_fields,
        "file_size",
        "content_type",
        "file_extension",
    ]
