"""Downloading and uploading XLIFF: for one translation from its editor's footer, and (through the same two
helpers) for a whole batch from the batch page."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .review import edit_url, editable_translation
from .xliff import XliffError, export_xliff, import_xliff


def xliff_response(translations, name):
    response = HttpResponse(export_xliff(translations), content_type="application/xliff+xml; charset=utf-8")
    filename = f"{slugify(name) or 'translation'}-{translations[0].target_locale.language_code}.xlf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def take_upload(request, translations):
    """Imports the posted file into the translations, saying what happened."""
    try:
        changed = import_xliff(request.FILES.get("file"), translations, request.user)
    except XliffError as error:
        messages.error(request, _("The XLIFF file was not imported: %(reason)s") % {"reason": error})
        return
    if not changed:
        messages.warning(request, _("The XLIFF file changed no string: every translation in it was already there."))
        return
    messages.success(
        request,
        ngettext(
            "Imported the XLIFF file: %(count)d string changed.",
            "Imported the XLIFF file: %(count)d strings changed.",
            changed,
        )
        % {"count": changed},
    )


def download_translation_xliff(request, translation_id):
    translation, target = editable_translation(request, translation_id)
    return xliff_response([translation], str(target))


@require_POST
def upload_translation_xliff(request, translation_id):
    translation, target = editable_translation(request, translation_id)
    take_upload(request, [translation])
    return redirect(edit_url(target))
