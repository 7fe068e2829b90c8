"""The WSGI entry point (gunicorn cms.wsgi): production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from home.text import load_word_splitter  # noqa: E402 - needs the settings above

load_word_splitter()
