"""The side-by-side editor's state and footer: the next step of the review workflow as the main button, the strings
that still need a translator (each with "Keep as it is" where a suggestion is there), and the glossary flags.

wagtail-localize's own footer makes its last available action the main button, which for a translator is
"Convert to alias page" (the Chinese page then shows English); this footer takes its place.
"""

from django import template
from django.urls import reverse

from wagtail.models import Page

from scheduling.together import source_go_live
from translation.compat import EDITOR_ROOT_SELECTOR, editor_props
from translation.glossary_check import flags_summary, glossary_flags
from translation.guards import can_edit, can_publish, in_review
from translation.memory import memory_suggestions, near_matches
from translation.open_strings import open_strings
from translation.review import edit_url, open_strings_status, review_actions, review_blocker

register = template.Library()


def editor_target(context):
    instance = context.get("object") or context["translation"].get_target_instance()
    return instance.specific if isinstance(instance, Page) else instance


def open_strings_of(context):
    """Worked out once per request: the editor's props and its footer both show them."""
    if "_open_strings" not in context.render_context:
        context.render_context["_open_strings"] = open_strings(context["translation"])
    return context.render_context["_open_strings"]


@register.simple_tag(takes_context=True)
def translation_editor_props(context):
    """The editor's props, locked while the translation waits for review, with suggestions shown as open."""
    found = open_strings_of(context)
    return editor_props(
        context["props"],
        locked=in_review(editor_target(context)),
        open_by_segment={item.segment_id: item.explanation for item in found if item.keepable},
    )


@register.simple_tag(takes_context=True)
def translation_editor_source_link(context):
    """The editor's header links the source language to the source's editor: for a user who may not edit the
    source (a translator), to the published source page instead, or to nothing."""
    link = dict(context["source_translation"])
    source = context["translation"].source.get_source_instance()
    if not can_edit(context["request"].user, source):
        link["editUrl"] = source.url if isinstance(source, Page) and source.live else None
    return link


@register.inclusion_tag("translation/editor_footer.html", takes_context=True)
def translation_editor_footer(context):
    translation = context["translation"]
    instance = editor_target(context)
    user = context["request"].user
    is_page = isinstance(instance, Page)
    reviewing = in_review(instance)
    flags = glossary_flags(translation)
    found = open_strings_of(context)
    near = near_matches(translation, found)
    return {
        "translation": translation,
        "source_name": translation.source.locale.get_display_name(),
        "target_name": translation.target_locale.get_display_name(),
        "instance": instance,
        "is_page": is_page,
        "open_strings": [(item, near.get(item.segment_id)) for item in found],
        "open_count": len(found),
        "memory_suggestions": memory_suggestions(translation),
        "status": open_strings_status(len(found)),
        "glossary_flags": flags,
        "glossary_summary": flags_summary(len(flags)),
        "editor_root": EDITOR_ROOT_SELECTOR,
        "in_review": reviewing,
        "review_blocker": review_blocker(instance) if reviewing else None,
        "can_submit": is_page and not reviewing and can_edit(user, instance),
        "may_edit": can_edit(user, instance),
        "review_actions": review_actions(instance, user) if reviewing else [],
        "source_go_live": source_go_live(instance) if reviewing else None,
        "publisher": can_publish(user, instance),
        "edit_url": edit_url(instance),
        "convert_to_alias_url": reverse("wagtail_localize:convert_to_alias", args=[instance.pk]) if is_page else "",
        "unpublish_url": reverse("wagtailadmin_pages:unpublish", args=[instance.pk]) if is_page else "",
        "live": getattr(instance, "live", False),
        "csrf_token": context.get("csrf_token"),
    }
