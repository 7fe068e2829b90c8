"""The serializers page types declare their API fields with, as Wagtail's `APIField(name, serializer=...)` takes.

Each says, beside how it shows a value, its JSON schema (which the OpenAPI description reads), what a listing
fetches at once for it, and which snippets and pages it shows in the reader's language. How images, documents and
linked pages look to apps is the API's to say: it puts an object in the serializer's context as `represent` (see
api.representation), so this module imports nothing from the apps that serve content.
"""

from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.models import Page

from rest_framework import serializers


def component(name):
    """A reference to one of the OpenAPI description's shared schemas."""
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def array_of(schema):
    return {"type": "array", "items": schema}


class DeclaredField(serializers.Field):
    """A read-only field with its schema, its listing prefetch and the content it links to."""

    schema = {}

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    @property
    def represent(self):
        return self.context["represent"]

    def prefetch(self, name):
        """Lookups for prefetch_related_objects that serve this field (named `name` on the page) for a listing."""
        return []

    def linked(self, page, name):
        """The snippets and pages this field shows of `page`, each to be shown in the reader's language."""
        return []


class ImageField(DeclaredField):
    """An image with its renditions, or null (none, or in a private collection)."""

    schema = nullable(component("Image"))

    def to_representation(self, image):
        return self.represent.image(image)

    def prefetch(self, name):
        return [Prefetch(name, queryset=get_image_model().objects.prefetch_renditions())]


class DocumentField(DeclaredField):
    """A document with its download URL, or null (none, or in a private collection)."""

    schema = nullable(component("Document"))

    def to_representation(self, document):
        return self.represent.document(document)

    def prefetch(self, name):
        return [name]


class TranslationsField(DeclaredField):
    """The live translations of the page, this one included."""

    schema = array_of(component("PageSummary"))

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        return [self.represent.page(translation) for translation in self.represent.translations(page)]


class LinkField(DeclaredField):
    """A foreign key to a page or snippet that has a version in each language."""

    def prefetch(self, name):
        return [name]

    def linked(self, page, name):
        value = getattr(page, name)
        return [value.specific if type(value) is Page else value] if value is not None else []


class RelatedPageField(LinkField):
    """A linked page in the reader's language, or null unless readers may see it."""

    schema = nullable(component("PageSummary"))

    def to_representation(self, page):
        page = self.represent.localized(page.specific) if page is not None else None
        return self.represent.page(page) if page is not None else None


def topic_summary(topic):
    return {"id": topic.pk, "name": topic.name, "slug": topic.slug} if topic is not None else None


class InlineListField(DeclaredField):
    """What an inline relation links to, each through its `item` key: the relation is the field's `source` (e.g.
    article_topics), else its name."""

    item = ""

    def relation(self, name):
        return self.source or name

    def prefetch(self, name):
        return [f"{self.relation(name)}__{self.item}"]

    def linked(self, page, name):
        items = (getattr(link, self.item) for link in getattr(page, self.relation(name)).all())
        return [item.specific if isinstance(item, Page) else item for item in items]


class TopicListField(InlineListField):
    """A page's topics (its inline relation to them as `source`), in the reader's language."""

    schema = array_of(component("Topic"))
    item = "topic"

    def to_representation(self, links):
        topics = (self.represent.localized(link.topic) for link in links.all())
        return [topic_summary(topic) for topic in topics if topic is not None]


class FirstTopicField(TopicListField):
    """The one topic of a page that has one (a success story, a tip sheet), or null: the first of its topics."""

    schema = nullable(component("Topic"))

    def to_representation(self, links):
        return next(iter(super().to_representation(links)), None)


class OrganizationListField(InlineListField):
    """A program's partners, donors and sponsors, in the reader's language, with their logos."""

    schema = array_of(component("Organization"))
    item = "organization"

    def prefetch(self, name):
        return [f"{self.relation(name)}__organization__logo"]

    def to_representation(self, links):
        organizations = []
        for link in links.all():
            organization = self.represent.localized(link.organization)
            if organization is not None:
                logo = self.represent.image(organization.logo) if organization.logo else None
                organizations.append(
                    {
                        "id": organization.pk,
                        "name": organization.name,
                        "role": link.role,
                        "website": organization.website,
                        "logo": logo,
                    }
                )
        return organizations


class PageListField(InlineListField):
    """Editor-chosen pages (e.g. the home page's featured items), in the reader's language."""

    schema = array_of(component("PageSummary"))
    item = "page"

    def to_representation(self, links):
        pages = (self.represent.localized(link.page.specific) for link in links.all())
        return [self.represent.page(page) for page in pages if page is not None]
