"""Misconfigured privacy settings are reported at start-up (``manage.py check``), not when the first
account is erased or the nightly retention task runs."""

from django.conf import settings
from django.core.checks import Error, register

CERTIFICATE_CHOICES = ("anonymise", "revoke")


@register()
def privacy_settings(app_configs, **kwargs):
    problems = []
    if settings.PRIVACY_CERTIFICATES_ON_ERASURE not in CERTIFICATE_CHOICES:
        problems.append(
            Error(
                f"PRIVACY_CERTIFICATES_ON_ERASURE is {settings.PRIVACY_CERTIFICATES_ON_ERASURE!r}.",
                hint="Use 'anonymise' (certificates stay valid without a name) or 'revoke'.",
                id="privacy.E001",
            )
        )
    if settings.ACCOUNT_RETENTION_MONTHS < 0:
        problems.append(
            Error(
                "ACCOUNT_RETENTION_MONTHS is negative.",
                hint="Use 0 to keep inactive accounts, or the number of months without a login.",
                id="privacy.E002",
            )
        )
    days = list(settings.PRIVACY_RETENTION_WARNING_DAYS)
    if len(days) != 2 or len(set(days)) != 2 or min(days) <= 0:
        problems.append(
            Error(
                f"PRIVACY_RETENTION_WARNING_DAYS is {days!r}.",
                hint="Two different numbers of days before the deletion, one per warning: for example 30,7.",
                id="privacy.E003",
            )
        )
    return problems
