"""How images and documents appear in the API: absolute URLs, renditions apps can use as they are,
and nothing at all for files in private collections."""

from delivery.changes import per_version
from endpoints.urls import absolute
from home.visibility import readers

# Three sizes, each in JPEG and WebP.
RENDITION_SIZES = {"thumbnail": "fill-320x240", "medium": "max-800x600", "large": "max-1600x1200"}
RENDITION_FORMATS = ["jpeg", "webp"]
RENDITION_SPECS = [f"{spec}|format-{fmt}" for spec in RENDITION_SIZES.values() for fmt in RENDITION_FORMATS]


def image_representation(image, request, alt_text=""):
    """Renditions (thumbnail, medium, large; JPEG and WebP) with absolute URL, size and alt text. Built once per
    image and content version in a process (finding the renditions is most of an image's cost)."""
    if not readers().can_see(image):
        return None
    key = ("image", image.pk, absolute(request, "/"))
    built = per_version(request, key, lambda: image_with_renditions(image, request))
    return {"id": image.pk, "title": image.title, "alt": alt_text or image.default_alt_text, **built}


def image_with_renditions(image, request):
    renditions = image.get_renditions(*RENDITION_SPECS)
    sizes = {}
    for size, spec in RENDITION_SIZES.items():
        sizes[size] = {}
        for fmt in RENDITION_FORMATS:
            rendition = renditions[f"{spec}|format-{fmt}"]
            sizes[size][fmt] = {
                "url": absolute(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
    return {"width": image.width, "height": image.height, "renditions": sizes}


def document_representation(document, request, title=""):
    """A document's absolute download URL, size and content type."""
    if not readers().can_see(document):
        return None
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return {
        "id": document.pk,
        "title": title or document.title,
        "download_url": absolute(request, document.url),
        "file_size": size,
        "content_type": document.content_type,
        "file_extension": document.file_extension,
    }
