"""How images and documents appear in the API: absolute URLs, renditions apps can use as they are, the size the
request asks for (`image_width`, `image_height`, `image_fit`, `image_format`, `image_density`), the focal point for
apps that crop themselves, and nothing at all for files in private collections."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from delivery.changes import per_version
from delivery.compat import rendition_size
from delivery.renditions import EXTENSIONS, filter_spec, rendition_url
from endpoints.urls import absolute
from home.content import InvalidFilter
from home.visibility import readers
from resources.filters import whole_number

# Three sizes, each in AVIF, WebP and JPEG.
RENDITION_SIZES = {"thumbnail": "fill-320x240", "medium": "max-800x600", "large": "max-1600x1200"}
RENDITION_FORMATS = list(EXTENSIONS)
RENDITION_SPECS = [filter_spec(spec, fmt) for spec in RENDITION_SIZES.values() for fmt in RENDITION_FORMATS]

FITS = ("fill", "max", "min")
DENSITIES = (1, 2, 3)
LARGEST_SIDE = 4000  # pixels of a rendition an app may ask for: a width or height times the density
IMAGE_PARAMETERS = frozenset(["image_width", "image_height", "image_fit", "image_format", "image_density"])


@dataclass(frozen=True)
class SizeAsked:
    """A rendition size an app asks for. `fill` crops to exactly the width and height, keeping the focal point in;
    `max` fits within them, `min` covers them; none enlarges the original. With only one of width and height the
    image is scaled to it, with neither it keeps the original's size (in the format asked for). Every combination
    the schema allows can be made: a side over LARGEST_SIDE pixels is scaled down to it, keeping the shape."""

    fit: str
    width: int | None
    height: int | None
    format: str
    density: int

    @classmethod
    def of(cls, request):
        """The size the request's query asks for, or None; InvalidFilter (a 400) for a value out of its range."""
        query = request.GET
        if not IMAGE_PARAMETERS & set(query):
            return None
        fit = one_of(query.get("image_fit", "max"), "image_fit", FITS)
        fmt = one_of(query.get("image_format", "jpeg"), "image_format", RENDITION_FORMATS)
        density = int(one_of(query.get("image_density", "1"), "image_density", [str(d) for d in DENSITIES]))
        width, height = (
            whole_number(query[name], name, 1, LARGEST_SIDE) if name in query else None
            for name in ("image_width", "image_height")
        )
        return cls(fit, width, height, fmt, density)

    @property
    def resize(self):
        """As a Wagtail filter: the pixels are the points asked for times the density, at most LARGEST_SIDE."""
        sides = [side * self.density for side in (self.width, self.height) if side]
        scale = min(1, LARGEST_SIDE / max(sides)) if sides else 1
        width, height = (
            max(1, round(side * self.density * scale)) if side else None for side in (self.width, self.height)
        )
        if width and height:
            return f"{self.fit}-{width}x{height}"
        return f"width-{width}" if width else f"height-{height}" if height else "original"


def one_of(value, name, allowed):
    if value not in allowed:
        message = _("{name} must be one of: {allowed}.")
        raise InvalidFilter(name, message, name=name, allowed=", ".join(map(str, allowed)))
    return value


def asked_size(request):
    """SizeAsked.of(request), read once a request."""
    if not hasattr(request, "_image_size_asked"):
        request._image_size_asked = SizeAsked.of(request)
    return request._image_size_asked


def requested_rendition(image, request):
    """The rendition the request asks for: its signed URL and its size, worked out without rendering it."""
    size = asked_size(request)
    if size is None:
        return {"rendition": None}
    resize = size.resize
    width, height = rendition_size(image, filter_spec(resize, size.format))
    url = absolute(request, rendition_url(image, resize, size.format))
    return {"rendition": {"url": url, "width": width, "height": height, "format": size.format}}


def image_representation(image, request, alt_text=""):
    """Renditions (thumbnail, medium, large; AVIF, WebP and JPEG) with absolute URL and size, the original's size
    and focal point, alt text, and the rendition the request asks for (or null). Built once per image and content
    version in a process (finding the renditions is most of an image's cost)."""
    if not readers().can_see(image):
        return None
    key = ("image", image.pk, absolute(request, "/"))
    built = per_version(request, key, lambda: image_with_renditions(image, request))
    alt = alt_text or image.default_alt_text
    return {"id": image.pk, "title": image.title, "alt": alt, **built, **requested_rendition(image, request)}


def image_with_renditions(image, request):
    renditions = image.get_renditions(*RENDITION_SPECS)
    sizes = {}
    for size, spec in RENDITION_SIZES.items():
        sizes[size] = {}
        for fmt in RENDITION_FORMATS:
            rendition = renditions[filter_spec(spec, fmt)]
            sizes[size][fmt] = {
                "url": absolute(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
    return {"width": image.width, "height": image.height, "focal_point": focal_point(image), "renditions": sizes}


def focal_point(image):
    """The subject an editor marked, as fractions of the original's width and height (x and y its centre), which
    hold for every rendition that keeps the image whole; None where none is marked."""
    if not image.has_focal_point():
        return None
    return {
        "x": round(image.focal_point_x / image.width, 4),
        "y": round(image.focal_point_y / image.height, 4),
        "width": round(image.focal_point_width / image.width, 4),
        "height": round(image.focal_point_height / image.height, 4),
    }


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
