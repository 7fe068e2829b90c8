from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    """Every content language needs a Locale before pages can be translated into it."""
    locale_model = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale_model.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0094_alter_page_locale")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
