"""What identifies the code serving a response, so that a deploy never serves a response cached by the code before
it: RELEASE from the environment (a commit id, say), else a digest of the project's own source, templates and
translations, and the pinned requirements (the same on every server that has the same code, wherever it lives)."""

import functools
import hashlib
import os

from django.conf import settings

SOURCE_SUFFIXES = {".py", ".html", ".mo", ".js", ".css", ".txt"}
SKIPPED_FOLDERS = {".venv", ".git", "media", "collected-static", "node_modules", "tests", "benchmarks", "services"}


def source_files(root):
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in SKIPPED_FOLDERS and not name.startswith("."))
        for name in sorted(files):
            if os.path.splitext(name)[1] in SOURCE_SUFFIXES:
                yield os.path.join(folder, name)


@functools.cache
def release():
    """The release's identifier; computed once a process."""
    if settings.RELEASE:
        return settings.RELEASE
    digest = hashlib.sha256()
    for path in source_files(settings.BASE_DIR):
        with open(path, "rb") as source:
            digest.update(os.path.relpath(path, settings.BASE_DIR).encode() + b"\0" + source.read())
    return digest.hexdigest()[:16]
