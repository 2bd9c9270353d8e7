from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from .celery import ensure_filesystem_broker_folders

        ensure_filesystem_broker_folders()

        from . import checks, signals  # noqa: F401 - checks register themselves

        signals.connect()
