from django.apps import AppConfig


class SearchInsightsConfig(AppConfig):
    name = "search_insights"
    verbose_name = "Search insights"
