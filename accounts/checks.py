from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def two_factor_for_admin(app_configs, **kwargs):
    if settings.TWO_FACTOR_REQUIRED_FOR_ADMIN:
        return []
    return [
        Warning(
            "TWO_FACTOR_REQUIRED_FOR_ADMIN is off: the admin opens with a password alone.",
            hint="Unset TWO_FACTOR_REQUIRED_FOR_ADMIN (it is on by default).",
            id="accounts.W001",
        )
    ]
