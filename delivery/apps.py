from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "delivery"
    verbose_name = "Response delivery"

    def ready(self):
        from .changes import watch_content_changes

        watch_content_changes()
