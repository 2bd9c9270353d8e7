"""Privacy: consent to the privacy notice, the registry of what every app holds about a person,
"download my data", "delete my account", retention of inactive accounts and the audit log of all of
it (docs/privacy.md)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def dashboard_panel(request):
    from . import selectors

    if not request.user.is_authenticated:
        return None
    return {
        "template": "privacy/dashboard_panel.html",
        "latest_export": selectors.latest_export(request.user),
    }


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from accounts.dashboard import register_panel

        from . import checks, registry, signals  # noqa: F401 (system checks; the login check)

        # Every app says what it holds about a person in its personal_data module; loading them here,
        # like wagtail_hooks, means a new app's module is found without registering it anywhere.
        registry.autodiscover()
        register_panel(90, dashboard_panel)
