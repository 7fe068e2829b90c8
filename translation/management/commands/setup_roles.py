from django.core.management.base import BaseCommand, CommandError

from translation.roles import RolesError, setup_roles


class Command(BaseCommand):
    help = (
        "Creates or resets the Editors and Moderators groups, each translated language's translators and reviewers, "
        "and its review workflow."
    )

    def handle(self, *args, **options):
        try:
            groups = setup_roles()
        except RolesError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {', '.join(groups)}."))
