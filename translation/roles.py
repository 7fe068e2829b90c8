"""The staff roles of the translation workflow, for the languages in the settings, set up idempotently by
`manage.py setup_roles`.

- Editors write and publish pages and snippets in the default language and submit them for translation.
- Each other language has its translators, who edit only that language's tree and snippets (topics, organisations,
  glossary terms), cannot publish or delete, and submit their work to the language's review workflow,
- and its reviewers, who approve or reject those translations (approving publishes).
- Moderators (the group Wagtail creates, with publish rights on the whole tree) keep only what Editors have on
  the default language's tree, less sending pages for translation: nobody outside a language's reviewers publishes
  in it.
- Every role reads Reports → Searches; Editors and Moderators pin pages for a query (Wagtail's search promotions).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.coreutils import get_content_languages
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from glossary.models import GlossaryTerm
from resources.snippets import Organization, Topic
from search_insights.models import DailySearch

from .models import TranslationReviewTask

EDITORS = "Editors"
MODERATORS = "Moderators"
# The names Simplified Chinese's groups and workflow had when it was the only translation; setup_roles renames them.
EARLIER_NAMES = {"zh-hans": {"translators": "Chinese translators", "reviewers": "Reviewers"}}

SNIPPETS = [Topic, Organization, GlossaryTerm]


class RolesError(Exception):
    """The site is not ready for roles (e.g. a language has no home page yet)."""


def locale_root(language_code):
    page = Page.objects.filter(depth=2, locale__language_code=language_code).first()
    if page is None:
        raise RolesError(f"There is no {language_code} home page yet; load or create the site first.")
    return page


def model_permissions(model, *actions):
    content_type = ContentType.objects.get_for_model(model)
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def collection_permissions(*codenames):
    return list(
        Permission.objects.filter(codename__in=codenames, content_type__app_label__in=["wagtailimages", "wagtaildocs"])
    )


def language_name(language_code):
    """The language's name in English, as the settings give it (group and workflow names use it)."""
    with translation.override("en"):
        return str(get_content_languages()[language_code])


def translators_group(language_code):
    return f"{language_name(language_code)} translators"


def reviewers_group(language_code):
    return f"{language_name(language_code)} reviewers"


def target_languages():
    """Every content language of the settings but the default one, which the others are translated from."""
    default = Locale.get_default().language_code
    return [code for code in get_content_languages() if code != default]


def role_definitions(source_root):
    """The default language's groups: page permissions (by tree root), model and collection permissions."""
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    publisher = {
        "pages": [(source_root, ["add", "change", "publish", "lock", "unlock"])],
        "permissions": [
            admin_access(),
            *(p for model in SNIPPETS for p in model_permissions(model, "add", "change", "delete", "publish")),
            *search_report(),
            *model_permissions(SearchPromotion, "add", "change", "delete"),
        ],
        "collections": [
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ],
    }
    return {
        EDITORS: {**publisher, "permissions": [*publisher["permissions"], submit_translation]},
        MODERATORS: publisher,
    }


def translation_role_definitions(language_code, root):
    """A translated language's groups: its translators and its reviewers, on its tree only."""
    return {
        translators_group(language_code): {
            "pages": [(root, ["change"])],
            "permissions": [
                admin_access(),
                *(p for model in SNIPPETS for p in model_permissions(model, "change")),
                *search_report(),
            ],
            "collections": ["add_image", "choose_image", "add_document", "choose_document"],
        },
        reviewers_group(language_code): {
            "pages": [(root, ["change", "publish"])],
            "permissions": [
                admin_access(),
                *(p for model in SNIPPETS for p in model_permissions(model, "change", "publish")),
                *search_report(),
            ],
            "collections": ["choose_image", "choose_document"],
        },
    }


def search_report():
    """Reports → Searches: every staff role reads what readers search for in its languages."""
    return model_permissions(DailySearch, "view")


def admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def reset_group(name, role, root_collection):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.set(role["permissions"])
    GroupPagePermission.objects.filter(group=group).delete()
    for page, types in role["pages"]:
        for permission_type in types:
            GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    GroupCollectionPermission.objects.filter(group=group).delete()
    for permission in collection_permissions(*role["collections"]):
        GroupCollectionPermission.objects.create(group=group, collection=root_collection, permission=permission)
    return group


def rename_earlier_groups(language_code):
    for role, earlier in EARLIER_NAMES.get(language_code, {}).items():
        current = translators_group(language_code) if role == "translators" else reviewers_group(language_code)
        if not Group.objects.filter(name=current).exists():
            Group.objects.filter(name=earlier).update(name=current)


def review_workflow(language_code, root, reviewers):
    """The language's review workflow, on its tree: one TranslationReviewTask for its reviewers."""
    name = language_name(language_code)
    task, _created = TranslationReviewTask.objects.get_or_create(name=f"{name} translation review")
    task.groups.set([reviewers])
    existing = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    workflow = existing.workflow if existing else Workflow.objects.create(name=f"Review {name} translation")
    workflow.name = f"Review {name} translation"
    workflow.save()
    workflow.workflow_tasks.exclude(task=task).delete()  # e.g. a plain group approval, from before snapshots
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


@transaction.atomic
def setup_roles():
    """Creates or resets the groups of every language, their permissions and each translated language's review
    workflow; returns the groups."""
    root_collection = Collection.get_first_root_node()
    roles = role_definitions(locale_root(Locale.get_default().language_code))
    translated = {}
    for language_code in target_languages():
        root = locale_root(language_code)
        rename_earlier_groups(language_code)
        translated[language_code] = root
        roles.update(translation_role_definitions(language_code, root))
    groups = {name: reset_group(name, role, root_collection) for name, role in roles.items()}
    for language_code, root in translated.items():
        review_workflow(language_code, root, groups[reviewers_group(language_code)])
    return groups
