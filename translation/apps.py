from django.apps import AppConfig


class TranslationConfig(AppConfig):
    name = "translation"
    verbose_name = "Translation workflow"

    def ready(self):
        from . import memory, sync

        sync.connect()
        memory.connect()
