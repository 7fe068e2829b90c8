"""The admin's image and document forms (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE) store an
uploaded file while they validate it: storage that fails is then a message on the file field, in every upload
screen (single, multiple, chooser), and nothing is saved. The row is saved only once its file is stored, and a file
whose row could not be saved is removed again."""

import logging

from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)
STORAGE_FAILED = _(
    "The file could not be stored: file storage is not answering. Nothing was saved; please try again in a minute."
)


class StoredWhileValidated:
    stored_name = None

    def _post_clean(self):
        super()._post_clean()
        if "file" not in self.changed_data or self._errors:
            return
        upload = self.instance.file
        try:
            upload.save(upload.name, upload.file, save=False)
        except STORAGE_ERRORS:
            logger.warning("an upload could not be stored", exc_info=True)
            self.add_error("file", STORAGE_FAILED)
            return
        # The stored file, still holding the upload: the file's size and hash are read from memory, not storage.
        self.instance.file = upload
        self.stored_name = upload.name

    def save(self, commit=True):
        try:
            return super().save(commit=commit)
        except Exception:
            if commit and self.stored_name:
                self.instance.file.storage.delete(self.stored_name)
            raise


class ImageForm(StoredWhileValidated, BaseImageForm):
    pass


class DocumentForm(StoredWhileValidated, BaseDocumentForm):
    pass
