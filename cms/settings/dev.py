"""Local development: debug on, a fixed throwaway key, mails to the console."""

from .base import *  # noqa: F403
from .base import DEVELOPMENT_MACHINE_TRANSLATOR, machine_translator_from_env, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env() or DEVELOPMENT_MACHINE_TRANSLATOR
