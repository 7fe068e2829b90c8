"""Uploaded files as readers may fetch them. No stored file is served straight from disk or bucket: originals and
renditions of images pass this view, which asks home.visibility whether their image may be seen (a private
collection's never are, to strangers or staff); documents only ever pass Wagtail's own document view, which checks
their collection, never /media/documents/.

Files in MEDIA_ROOT are sent by Django, or behind nginx (MEDIA_ACCEL_REDIRECT set to an `internal` location over
MEDIA_ROOT) by nginx once the view has decided (X-Accel-Redirect); files in a bucket (media_storage) are streamed
from it. Public files are cacheable for a minute, so a file made private stops being served by a cache in front
within that minute. A rendition whose file has gone from storage is made again rather than answered with 404.
"""

import os
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views import static

from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from home.visibility import readers
from media_storage.renditions import remake_missing_file

FILE_SECONDS = 60
IMAGE_FOLDERS = ("original_images/", "images/")
STREAM_CHUNK_BYTES = 64 * 1024


def stored_file_of(name):
    """The image a stored file belongs to and, for a rendition, the rendition (image, rendition); (None, None)."""
    image_model = get_image_model()
    if name.startswith("original_images/"):
        return image_model.objects.filter(file=name).first(), None
    if name.startswith("images/"):
        rendition = image_model.get_rendition_model().objects.filter(file=name).select_related("image").first()
        return (rendition.image, rendition) if rendition else (None, None)
    return None, None


def sendfile(request, filename, **kwargs):
    """SENDFILE_BACKEND for Wagtail's document view behind nginx: nginx sends the file the view has checked."""
    relative = os.path.relpath(filename, settings.MEDIA_ROOT)
    response = HttpResponse()
    response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT.rstrip("/") + "/" + quote(relative)
    return response


def serve_media(request, name):
    """An image's original or rendition, if readers may see the image; 404 for anything else under MEDIA_URL."""
    image, rendition = stored_file_of(name) if name.startswith(IMAGE_FOLDERS) else (None, None)
    if not readers().can_see(image):
        raise Http404("no such file")
    if rendition:
        return send_rendition(request, rendition)
    try:
        return send_media(request, name)
    except FileNotFoundError:
        raise Http404("no such file") from None


def send_rendition(request, rendition):
    """A rendition readers may see; its file made again first if storage has lost it (410 if the original is gone
    too)."""
    try:
        return send_media(request, rendition.file.name)
    except FileNotFoundError:
        try:
            return send_media(request, remake_missing_file(rendition))
        except SourceImageIOError:
            return original_missing()


def original_missing():
    return HttpResponse("The image's file is missing.", content_type="text/plain", status=410)


def send_media(request, name):
    """A stored file readers may see; FileNotFoundError if storage has no such file."""
    stream = getattr(default_storage, "stream", None)
    if stream:
        response = streamed(request, stream(name))
    elif not os.path.isfile(os.path.join(settings.MEDIA_ROOT, name)):
        raise FileNotFoundError(name)
    elif settings.MEDIA_ACCEL_REDIRECT:
        response = sendfile(request, os.path.join(settings.MEDIA_ROOT, name))
        response["Content-Type"] = ""  # nginx sets it from the file's extension
    else:
        response = static.serve(request, name, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=FILE_SECONDS)
    return response


def streamed(request, stored):
    """A response that passes a bucket's object on as it arrives (304 when the reader has it already)."""
    modified = int(stored.modified.timestamp())
    not_modified = get_conditional_response(request, etag=stored.etag, last_modified=modified)
    if not_modified:
        stored.body.close()
        return not_modified
    response = StreamingHttpResponse(chunks_of(stored.body), content_type=stored.content_type)
    response["Content-Length"] = str(stored.length)
    response["Last-Modified"] = http_date(modified)
    response["ETag"] = stored.etag
    return response


def chunks_of(body):
    """The object's bytes; its connection goes back to the pool when they are all sent or the reader leaves."""
    try:
        yield from body.iter_chunks(STREAM_CHUNK_BYTES)
    finally:
        body.close()
