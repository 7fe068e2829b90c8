"""Offline translation: importing a translated PO file, checked whole before anything is saved.

wagtail-localize's own upload view crashes on a file without its translation header and imports whatever
entries happen to match; translators get a clear refusal instead, and a file is imported all or nothing.
"""

import contextlib
import os
import re
import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, Translation

import polib

from .guards import can_edit

MAX_PO_FILE_SIZE = 5 * 1024 * 1024
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


class POFileError(ValueError):
    """The uploaded file cannot be imported into this translation."""


def parse_po_file(upload):
    if upload is None:
        raise POFileError(_("Choose a PO file to upload."))
    if upload.size > MAX_PO_FILE_SIZE:
        raise POFileError(_("The PO file is larger than 5 MB."))
    content = upload.read()
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise POFileError(_("The file is not a UTF-8 PO file.")) from error
    # polib reads a path when given a string, so parse from a temporary file, never from the upload's text.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)
    try:
        return polib.pofile(handle.name, encoding="utf-8")
    except (OSError, ValueError) as error:
        line = re.search(r"\(line \d+\)", str(error))  # polib's message also names our temporary file
        raise POFileError(
            _("This is not a valid PO file %(where)s.") % {"where": line.group(0) if line else ""}
        ) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def check_po_file(po, translation):
    """Refuses a file exported for another translation, or whose strings no longer match the source."""
    if po.metadata.get(TRANSLATION_ID_HEADER) != str(translation.uuid):
        raise POFileError(
            _(
                "This PO file was not exported from this translation. "
                "Download the PO file of this page and translate that."
            )
        )
    entries = [entry for entry in po if not entry.obsolete]
    if not entries:
        raise POFileError(_("The PO file contains no strings."))
    current = set(StringSegment.objects.filter(source=translation.source).values_list("string__data", "context__path"))
    stale = [entry for entry in entries if (entry.msgid, entry.msgctxt) not in current]
    if stale:
        raise POFileError(
            ngettext(
                "%(count)d string in the file no longer matches the page (e.g. “%(example)s”). "
                "Download a fresh PO file and copy your translations into it.",
                "%(count)d strings in the file no longer match the page (e.g. “%(example)s”). "
                "Download a fresh PO file and copy your translations into it.",
                len(stale),
            )
            % {"count": len(stale), "example": stale[0].msgid[:60]}
        )


def current_translations(translation):
    """The translation's strings now, by (source text, context path)."""
    segments = StringSegment.objects.filter(source=translation.source).annotate_translation(translation.target_locale)
    return {
        (segment["string__data"], segment["context__path"]): segment["translation"]
        for segment in segments.values("string__data", "context__path", "translation")
    }


def import_message(changed):
    if not changed:
        return _("The PO file changed no string: every translation in it was already there.")
    return ngettext(
        "Imported the PO file: %(count)d string changed.", "Imported the PO file: %(count)d strings changed.", changed
    ) % {"count": changed}


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not can_edit(request.user, translation.get_target_instance()):
        raise PermissionDenied
    try:
        po = parse_po_file(request.FILES.get("file"))
        check_po_file(po, translation)
    except POFileError as error:
        messages.error(request, str(error))
    else:
        before = current_translations(translation)
        with transaction.atomic():
            translation.import_po(po, user=request.user, tool_name="PO File")
        after = current_translations(translation)
        changed = sum(1 for key, text in after.items() if before.get(key) != text)
        messages.success(request, import_message(changed))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
