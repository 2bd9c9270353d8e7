from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    """Users (email login), organisations and memberships, sign-up, login limits and two-step login."""

    # This module holds a second AppConfig (Wagtail's users app, below): this one is the app's own.
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deploy check)


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the audited user listing (``accounts.viewsets``)."""

    default = False
    user_viewset = "accounts.viewsets.AuditedUserViewSet"
