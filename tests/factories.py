"""Small factories for staff users in each role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.translation.roles import EDITORS, REVIEWERS, TRANSLATORS

ROLE_GROUPS = {"editor": EDITORS, "translator": TRANSLATORS, "reviewer": REVIEWERS}


def make_staff(role, username=None, password="correct-horse-battery"):
    """A user in the group of the given role ('editor', 'translator', 'reviewer' or 'admin')."""
    username = username or f"{role}-user"
    user_model = get_user_model()
    existing = user_model.objects.filter(username=username).first()
    if existing:
        return existing
    if role == "admin":
        return user_model.objects.create_superuser(username, f"{username}@example.org", password)
    user = user_model.objects.create_user(username, f"{username}@example.org", password)
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    return user
