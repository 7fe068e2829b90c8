"""What an event says of its object: kind, id, type, language, public URL, API detail URL and, for a translation,
the id of its source (the same item in the language it was translated from)."""

from urllib.parse import urljoin

from wagtail.models import Page

from translation.field_strings import translation_that_made


def describe(item):
    """(the event's `data`, the item's model) for a page or snippet: the endpoints' type filter reads the model."""
    if isinstance(item, Page):
        model = item.specific_class or Page
        url = item.get_full_url()
        site = item.get_site()
        api_url = urljoin(site.root_url, f"/api/v2/pages/{item.pk}/") if site else None
        kind, base_model = "page", Page
    else:
        model, url, api_url, kind, base_model = type(item), None, None, "snippet", type(item)
    data = {
        "kind": kind,
        "id": item.pk,
        "type": f"{model._meta.app_label}.{model.__name__}",
        "locale": item.locale.language_code,
        "url": url,
        "api_url": api_url,
        "translation_of": source_id(item, base_model),
    }
    return data, model


def source_id(item, base_model):
    """The id of the item this one was translated from (by wagtail-localize), or None for an original."""
    translation = translation_that_made(item)
    if translation is None:
        return None
    found = base_model.objects.filter(translation_key=item.translation_key, locale_id=translation.source.locale_id)
    return found.values_list("pk", flat=True).first()
