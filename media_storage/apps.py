from django.apps import AppConfig


class MediaStorageConfig(AppConfig):
    name = "media_storage"
    verbose_name = "Media storage"

    def ready(self):
        from .compat import make_renditions_once

        make_renditions_once()
