"""The footer of wagtail-localize's side-by-side editor: the next step of the review workflow as the main button,
and the glossary flags of the strings translated so far.

wagtail-localize's own footer makes its last available action the main button, which for a translator is
"Convert to alias page" (the Chinese page then shows English); this footer takes its place.
"""

from django import template
from django.urls import reverse

from wagtail.models import Page

from translation.compat import EDITOR_ROOT_SELECTOR
from translation.glossary_check import flags_summary, glossary_flags
from translation.guards import can_edit, can_publish
from translation.review import edit_url, review_actions, untranslated_count

register = template.Library()


@register.inclusion_tag("translation/editor_footer.html", takes_context=True)
def translation_editor_footer(context):
    translation = context["translation"]
    instance = context.get("object") or translation.get_target_instance()
    user = context["request"].user
    is_page = isinstance(instance, Page)
    instance = instance.specific if is_page else instance
    in_review = is_page and instance.workflow_in_progress
    publisher = can_publish(user, instance)
    flags = glossary_flags(translation)
    return {
        "translation": translation,
        "instance": instance,
        "is_page": is_page,
        "missing": untranslated_count(translation),
        "glossary_flags": flags,
        "glossary_summary": flags_summary(len(flags)),
        "editor_root": EDITOR_ROOT_SELECTOR,
        "in_review": in_review,
        "can_submit": is_page and not in_review and can_edit(user, instance),
        "review_actions": review_actions(instance, user) if in_review else [],
        "publisher": publisher,
        "edit_url": edit_url(instance),
        "convert_to_alias_url": reverse("wagtail_localize:convert_to_alias", args=[instance.pk]) if is_page else "",
        "unpublish_url": reverse("wagtailadmin_pages:unpublish", args=[instance.pk]) if is_page else "",
        "live": getattr(instance, "live", False),
        "csrf_token": context.get("csrf_token"),
    }
