from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Users (email login), organisations and memberships, sign-up, login limits and two-step login."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deploy check)
