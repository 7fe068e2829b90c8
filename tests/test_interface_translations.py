"""The interface's Chinese catalog keeps up with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib
import pytest

from .helpers import repository_files


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs GNU gettext: apt-get install -y gettext")
def test_every_interface_string_in_the_code_has_its_chinese_translation(tmp_path):
    """The catalog as `make messages` rebuilds it from the code today (in a copy: it writes to every locale folder
    it finds): no string missing, empty or fuzzy."""
    root = Path(settings.BASE_DIR)
    for name in repository_files("*.py", "*.html", "*.txt", "locale/*.po"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / name, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "--ignore=clients", "--verbosity=0"],
        cwd=tmp_path,
        check=True,
    )
    entries = polib.pofile(tmp_path / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    assert [entry.msgid for entry in entries if not entry.obsolete and not entry.translated()] == []
