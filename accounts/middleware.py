from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor


class AdminTwoFactorMiddleware:
    """Admin areas need a verified second step from everyone who may open them.

    Runs after django-otp's ``OTPMiddleware`` (which sets ``request.user.is_verified()``). The admin
    login and logout pages stay reachable; everything else under ``/admin/`` and ``/django-admin/``
    sends an unverified person to enter a code, or to set the authenticator up first."""

    open_paths = ("/admin/login/", "/admin/logout/", "/django-admin/login/", "/django-admin/logout/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.TWO_FACTOR_REQUIRED_FOR_ADMIN
            and request.path_info.startswith(two_factor.ADMIN_PREFIXES)
            and not request.path_info.startswith(self.open_paths)
        ):
            user = request.user
            if two_factor.must_use_two_factor(user) and not user.is_verified():
                target = (
                    "accounts:two_factor_verify"
                    if two_factor.is_enrolled(user)
                    else "accounts:two_factor_setup"
                )
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
