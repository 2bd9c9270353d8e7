from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScenariosConfig(AppConfig):
    """Role-play scenarios: the engine, authoring, solo play and live workshop sessions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "scenarios"
    verbose_name = _("Scenarios")
