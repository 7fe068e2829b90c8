"""What every answer says of a page it names: its type, its summary and its absolute URLs."""

from .urls import absolute


def type_name(model):
    """A page type as the API names it in meta.type and the `type` parameter, e.g. news.NewsArticlePage."""
    return f"{model._meta.app_label}.{model.__name__}"


def page_type(page):
    return type_name(page.specific_class or type(page))


def page_summary(page, request):
    """id, type, title and absolute URLs (the reader's HTML and the API detail) of a page."""
    return {
        "id": page.pk,
        "type": page_type(page),
        "locale": page.locale.language_code,
        "title": page.title,
        "html_url": absolute(request, page.get_url(request)),
        "detail_url": absolute(request, f"/api/v2/pages/{page.pk}/"),
    }
