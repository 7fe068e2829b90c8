"""Wagtail's stock API v2 on the benchmark's database, as a site would set it up: the project's production
settings without its response cache, and only the stock router's URLs (benchmarks/stock_urls.py)."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import MIDDLEWARE

MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("delivery.")]
ROOT_URLCONF = "benchmarks.stock_urls"
