"""Language-scoped permissions: staff work in the languages whose page tree they have been given."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from wagtail.models import GroupPagePermission, Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView


def editable_locale_ids(user):
    """The locales in which this user holds any page permission (every locale for superusers)."""
    if not user.is_active:
        return set()
    if user.is_superuser:
        return set(Locale.objects.values_list("pk", flat=True))
    return set(
        GroupPagePermission.objects.filter(group__user=user).values_list("page__locale_id", flat=True).distinct()
    )


class LocaleScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to instances in the user's languages: a Chinese translator may edit
    the Chinese topics but not the English ones they are translated from."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and (
            instance.locale_id in editable_locale_ids(user)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser:
            return instances
        return instances.filter(Q(locale_id__in=editable_locale_ids(user)))


class LocaleCheckedEditView(EditView):
    """Wagtail's edit view checks model permissions only; this one also checks the instance's language."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.user_has_permission_for_instance("change", instance):
            raise PermissionDenied
        return instance
