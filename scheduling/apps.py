from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "scheduling"
    verbose_name = "Scheduled publishing"

    def ready(self):
        from .schedule import watch_schedules
        from .together import watch_sources

        watch_schedules()
        watch_sources()
