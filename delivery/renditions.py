"""Renditions of any size an app asks for (api/media.py hands out their URLs): a width and height, a fit, a format
and a pixel density. Each URL is signed, so nobody can make the server render a size no answer gave out; its last
segment changes when the image's file or focal point does, so a cache in front never serves an old crop under the
new URL. A rendition is made on its first request and kept (Wagtail's renditions), then sent as a file. An image
readers may not see gets 404, as its files do."""

from django.core.signing import BadSignature, Signer
from django.http import Http404, HttpResponseForbidden
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from home.visibility import readers

from .compat import rendition_variant
from .files import original_missing, send_rendition

EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}  # format -> file extension
FORMATS = {extension: fmt for fmt, extension in EXTENSIONS.items()}
SIGNER = Signer(salt="delivery.renditions")


def filter_spec(size, fmt):
    return f"{size}|format-{fmt}"


def rendition_url(image, size, fmt):
    """The signed path of the rendition `size` (a Wagtail resize such as fill-390x390) of the image in `fmt`."""
    signature = SIGNER.signature(f"{image.pk}/{size}/{fmt}")
    variant = rendition_variant(image, filter_spec(size, fmt))
    return reverse("rendition", args=[signature, image.pk, size, f"{variant}.{EXTENSIONS[fmt]}"])


def serve_rendition(request, signature, image_id, size, filename):
    """403 for a URL no answer gave out (a changed size, say); 404 for an image readers may not see."""
    fmt = FORMATS.get(filename.rpartition(".")[2])
    try:
        SIGNER.unsign(f"{image_id}/{size}/{fmt}{SIGNER.sep}{signature}")
    except BadSignature:
        return HttpResponseForbidden("This rendition URL is not one the API gave out.", content_type="text/plain")
    image = readers().media(get_image_model().objects.filter(pk=image_id)).first()
    if image is None:
        raise Http404("no such image")
    try:
        rendition = image.get_rendition(filter_spec(size, fmt))
    except SourceImageIOError:
        return original_missing()
    return send_rendition(request, rendition)
