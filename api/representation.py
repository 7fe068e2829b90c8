"""How a response shows what pages link to (images, documents, other pages and snippets, in the reader's language):
the object the page viewsets hand the serializers of home.api_fields as `represent`."""

from endpoints.pages import page_summary

from .media import document_representation, image_representation
from .prefetch import localized, translations_of


class Representation:
    def __init__(self, request):
        self.request = request

    def image(self, image):
        return image_representation(image, self.request) if image else None

    def document(self, document):
        return document_representation(document, self.request) if document else None

    def page(self, page):
        return page_summary(page, self.request)

    def localized(self, instance):
        return localized(instance)

    def translations(self, page):
        return translations_of(page)
