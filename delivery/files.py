"""Uploaded files as readers may fetch them. Nothing under MEDIA_ROOT is served straight from disk: originals and
renditions of images pass this view, which asks home.visibility whether their image may be seen (a private
collection's never are, to strangers or staff); documents only ever pass Wagtail's own document view, which checks
their collection, never /media/documents/.

Behind nginx (MEDIA_ACCEL_REDIRECT set to an `internal` location over MEDIA_ROOT), the view only decides and nginx
sends the bytes (X-Accel-Redirect); without it, Django sends them itself. Public files are cacheable for a
minute, so a file made private stops being served by a cache in front within that minute.
"""

import os
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views import static

from wagtail.images import get_image_model

from home.visibility import readers

FILE_SECONDS = 60
IMAGE_FOLDERS = ("original_images/", "images/")


def image_of(name):
    """The image a stored file belongs to (its original or one of its renditions), or None."""
    image_model = get_image_model()
    if name.startswith("original_images/"):
        return image_model.objects.filter(file=name).first()
    if name.startswith("images/"):
        rendition = image_model.get_rendition_model().objects.filter(file=name).select_related("image").first()
        return rendition.image if rendition else None
    return None


def sendfile(request, filename, **kwargs):
    """SENDFILE_BACKEND for Wagtail's document view behind nginx: nginx sends the file the view has checked."""
    relative = os.path.relpath(filename, settings.MEDIA_ROOT)
    response = HttpResponse()
    response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT.rstrip("/") + "/" + quote(relative)
    return response


def serve_media(request, name):
    """An image's original or rendition, if readers may see the image; 404 for anything else under MEDIA_URL."""
    if not name.startswith(IMAGE_FOLDERS) or not readers().can_see(image_of(name)):
        raise Http404("no such file")
    return send_media(request, name)


def send_media(request, name):
    """A file under MEDIA_ROOT that readers may see, through nginx where it is in front."""
    if settings.MEDIA_ACCEL_REDIRECT:
        response = sendfile(request, os.path.join(settings.MEDIA_ROOT, name))
        response["Content-Type"] = ""  # nginx sets it from the file's extension
    else:
        response = static.serve(request, name, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=FILE_SECONDS)
    return response
