"""Sends a person who must agree to a new privacy notice to the consent page before anything else."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .signals import SESSION_KEY


class NoticeConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a page a person opens is turned away; requests a page's script makes (the live-session
        # poll answers 304 without touching the database) neither load the session nor are redirected.
        if (
            "text/html" in request.headers.get("Accept", "")
            and getattr(request, "session", None) is not None
            and request.session.get(SESSION_KEY)
        ):
            path = request.path_info
            allowed = (
                reverse("privacy:agree"),
                reverse("accounts:logout"),
                reverse("privacy:delete_account"),
            )
            # The notice itself, static files, the LRS and the admin (which has its own login) stay reachable.
            passes = (
                path.startswith(allowed)
                or path.startswith(
                    (settings.STATIC_URL, settings.MEDIA_URL, "/xapi/", "/admin/", "/django-admin/")
                )
                or path.rstrip("/").endswith("/privacy")
            )
            if not passes and request.method in ("GET", "HEAD"):
                return redirect(f"{reverse('privacy:agree')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
