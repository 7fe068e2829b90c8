"""An index on the pages that expire. Every request and task asks which pages expire (home.visibility.Readers
.expiry_times); without it each asking read the row of every page, a cost that grew with the site (and made a
search index rebuild of 100,000 pages quadratic)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_verbose_names"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_expiry ON wagtailcore_page (expire_at) WHERE expire_at IS NOT NULL",
            "DROP INDEX IF EXISTS home_page_expiry",
        )
    ]
