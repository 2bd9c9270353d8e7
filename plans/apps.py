from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    """Owns integration-plan templates, legal checklists and the plans built from them."""

    name = "plans"
    verbose_name = _("Integration plans")

    def ready(self):
        from accounts.dashboard import register_panel

        from .dashboard import plans_panel

        register_panel(20, plans_panel)
