"""URLs as the client asked for them."""


def absolute(request, url):
    """The URL on the host the client asked for (Wagtail's own URLs use the Site record's host). A path is joined
    to the request's base URL, worked out once a request: a listing makes hundreds of these."""
    if request is None:
        return url
    if url.startswith("/") and not url.startswith("//"):
        base = getattr(request, "api_base_url", None)
        if base is None:
            base = request.api_base_url = request.build_absolute_uri("/")
        return base + url[1:]
    return request.build_absolute_uri(url)
