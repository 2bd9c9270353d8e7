"""Certificates: issuing rules, PDF rendering, public verification, revocation, expiry and
renewal, and Open Badges 3.0 credentials."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def dashboard_panel(request):
    from . import selectors

    if not request.user.is_authenticated:
        return None
    return {
        "template": "certificates/dashboard_panel.html",
        "certificates": selectors.dashboard_certificates(request.user),
        "can_manage": selectors.can_manage(request.user),
    }


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from accounts.dashboard import register_panel

        register_panel(30, dashboard_panel)
