"""The project stands on its own: a copy of its files, with nothing beside it, builds the whole bilingual demo site."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest

from .helpers import repository_files

ROOT = Path(settings.BASE_DIR)

COUNT_LIVE_PAGES = (
    "from wagtail.models import Page; "
    "print(Page.objects.live().filter(locale__language_code='en', depth__gt=1).count(), "
    "Page.objects.live().filter(locale__language_code='zh-hans', depth__gt=1).count())"
)


@pytest.mark.slow
def test_a_copy_of_the_repository_alone_builds_the_bilingual_demo_site(tmp_path):
    copy = tmp_path / "clone" / "cms"
    for name in repository_files():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ELASTICSEARCH_URL": "",
    }

    def manage(*arguments):
        return subprocess.run(  # noqa: S603 - this interpreter and the copied manage.py
            [sys.executable, "manage.py", *arguments],
            cwd=copy,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    manage("migrate", "--noinput")
    assert "Demo content loaded" in manage("load_demo_content")
    english, chinese = map(int, manage("shell", "--no-imports", "-c", COUNT_LIVE_PAGES).split())
    assert english == chinese >= 18
