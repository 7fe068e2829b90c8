"""The review panel under wagtail-localize's side-by-side editor: progress, submit for review, approve."""

from django import template

from wagtail.models import Page

from home.translation.review import review_actions, untranslated_count

register = template.Library()


@register.inclusion_tag("home/admin/translation_review_panel.html", takes_context=True)
def translation_review_panel(context):
    translation = context["translation"]
    instance = context.get("object") or translation.get_target_instance()
    user = context["request"].user
    if not isinstance(instance, Page):
        return {"show": False}
    page = instance.specific
    return {
        "show": True,
        "translation": translation,
        "page": page,
        "missing": untranslated_count(translation),
        "in_review": page.workflow_in_progress,
        "can_submit": page.permissions_for_user(user).can_edit() and not page.workflow_in_progress,
        "actions": review_actions(page, user),
        "csrf_token": context.get("csrf_token"),
    }
