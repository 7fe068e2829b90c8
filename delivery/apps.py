from django.apps import AppConfig
from django.core import checks
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


@checks.register
def pillow_writes_every_rendition_format(**kwargs):
    """Renditions come in AVIF, WebP and JPEG: a Pillow built without one of their codecs would fail on a reader's
    request, so the server says so before it starts."""
    from PIL import features

    missing = [codec for codec in ("avif", "webp", "jpg") if not features.check(codec)]
    if not missing:
        return []
    hint = "Install Pillow's wheel from PyPI (pip install --force-reinstall pillow), which carries every codec."
    return [checks.Error(f"Pillow cannot write {', '.join(missing)} images here.", hint=hint, id="delivery.E001")]
