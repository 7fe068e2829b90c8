"""A batch's XLIFF: every item in one file, for an agency; its upload checked whole (translation.xliff)."""

from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from translation.xliff_views import take_upload, xliff_response

from .items import batch_items
from .views import batch_for, detail_url


def download_xliff(request, batch_id):
    batch = batch_for(request, batch_id)
    return xliff_response([item.translation for item in batch_items(batch)], batch.name)


@require_POST
def upload_xliff(request, batch_id):
    batch = batch_for(request, batch_id)
    take_upload(request, [item.translation for item in batch_items(batch)])
    return redirect(detail_url(batch))
