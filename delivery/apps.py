from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DeliveryConfig(AppConfig):
    name = "delivery"
    verbose_name = "Response delivery"

    def ready(self):
        from .change_record import record_content_changes, record_existing_content
        from .changes import watch_content_changes

        watch_content_changes()
        record_content_changes()
        post_migrate.connect(record_existing_content, sender=self, dispatch_uid="delivery:record:existing")
