"""The staff roles of the translation workflow, set up idempotently by `manage.py setup_roles`.

- Editors write and publish English pages and snippets and submit them for translation.
- Chinese translators edit only the zh-hans tree and Chinese snippets (topics, organisations, glossary terms),
  cannot publish or delete, and submit their work to the "Review translation" workflow.
- Reviewers approve or reject Chinese translations in that workflow (approving publishes).
- Moderators (the group Wagtail creates, with publish rights on the whole tree) keep only what Editors have on
  the English tree, less sending pages for translation: nobody outside Reviewers publishes in Chinese.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

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

from .models import TranslationReviewTask

EDITORS = "Editors"
TRANSLATORS = "Chinese translators"
REVIEWERS = "Reviewers"
MODERATORS = "Moderators"
REVIEW_WORKFLOW = "Review translation"
REVIEW_TASK = "Chinese translation review"

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


def role_definitions(english_root, chinese_root):
    """Each group's page permissions (by tree root), model permissions and collection permissions."""
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    english_publisher = {
        "pages": [(english_root, ["add", "change", "publish", "lock", "unlock"])],
        "permissions": [
            admin_access,
            *(p for model in SNIPPETS for p in model_permissions(model, "add", "change", "delete", "publish")),
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
        EDITORS: {**english_publisher, "permissions": [*english_publisher["permissions"], submit_translation]},
        MODERATORS: english_publisher,
        TRANSLATORS: {
            "pages": [(chinese_root, ["change"])],
            "permissions": [admin_access, *(p for model in SNIPPETS for p in model_permissions(model, "change"))],
            "collections": ["add_image", "choose_image", "add_document", "choose_document"],
        },
        REVIEWERS: {
            "pages": [(chinese_root, ["change", "publish"])],
            "permissions": [
                admin_access,
                *(p for model in SNIPPETS for p in model_permissions(model, "change", "publish")),
            ],
            "collections": ["choose_image", "choose_document"],
        },
    }


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


@transaction.atomic
def setup_roles():
    """Creates or resets the four groups, their permissions and the review workflow; returns the groups."""
    chinese_root = locale_root("zh-hans")
    roles = role_definitions(locale_root(Locale.get_default().language_code), chinese_root)
    root_collection = Collection.get_first_root_node()
    groups = {name: reset_group(name, role, root_collection) for name, role in roles.items()}

    task = TranslationReviewTask.objects.filter(name=REVIEW_TASK).first() or TranslationReviewTask.objects.create(
        name=REVIEW_TASK
    )
    task.groups.set([groups[REVIEWERS]])
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    workflow.workflow_tasks.exclude(task=task).delete()  # a plain group approval, from before reviews kept snapshots
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=chinese_root, defaults={"workflow": workflow})
    return groups
