from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackingConfig(AppConfig):
    name = "tracking"
    verbose_name = _("Learning records (xAPI)")

    def ready(self):
        from . import services  # noqa: F401 - connects the receiver that forgets the cached organisation
