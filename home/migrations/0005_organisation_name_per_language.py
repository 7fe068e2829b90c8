"""The organisation's name moves from the site's contact settings to the home page, so that each language's home
page (and footer) carries it in that language. Existing names are copied to every translation of the site's home
page and to their revisions, so the next edit does not clear them."""

from django.db import migrations, models


def copy_names_to_home_pages(apps, schema_editor):
    ContactSettings = apps.get_model("home", "ContactSettings")
    HomePage = apps.get_model("home", "HomePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for contact in ContactSettings.objects.exclude(organisation_name="").select_related("site__root_page"):
        homes = HomePage.objects.filter(translation_key=contact.site.root_page.translation_key, organisation_name="")
        ids = [str(pk) for pk in homes.values_list("pk", flat=True)]
        homes.update(organisation_name=contact.organisation_name)
        for revision in Revision.objects.filter(object_id__in=ids, content_type__app_label="home"):
            revision.content["organisation_name"] = contact.organisation_name
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_page_expiry_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='homepage',
            name='organisation_name',
            field=models.CharField(blank=True, help_text="Shown in every page's footer, in this page's language.", max_length=255, verbose_name='organisation name'),
        ),
        migrations.RunPython(copy_names_to_home_pages, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='contactsettings',
            name='organisation_name',
        ),
    ]
