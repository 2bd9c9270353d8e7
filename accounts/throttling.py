"""Limits on logging in and on account emails.

Failed logins are counted by django-axes (settings ``AXES_*``): after ``AXES_FAILURE_LIMIT`` failures
for one email address from one client address, that pair is locked out for ``AXES_COOLOFF_TIME``, on
the site and on ``/admin/login/``. An administrator can unlock it earlier (``wagtail_hooks``).

Emails that anyone can trigger (password reset, the confirmation link again, "this address already
has an account") are limited per email address and per client address with counters in the cache,
the same way certificate verification is limited: a limit reached sends nothing but answers the
same, so the page tells nobody which addresses have accounts. The client address is REMOTE_ADDR as
``website.middleware.TrustedProxyMiddleware`` set it (the real client behind ``TRUSTED_PROXIES``)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def client_address(request):
    """The client's address, or None for a login without one (Django's test client, a management
    command): django-axes stores it in an IP-address column, which PostgreSQL refuses "unknown" for."""
    return request.META.get("REMOTE_ADDR") or None


def login_name(request, credentials):
    """The email address a login attempt names, lower-cased so "Omar@" and "omar@" count together."""
    value = (credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD)
    if value is None and request is not None:
        value = request.POST.get(settings.AXES_USERNAME_FORM_FIELD, "")
    return str(value or "").strip().lower()[:254]


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of the login form while locked out (django-axes calls it)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else None
    response = render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes, "reset_url_name": "accounts:password_reset"},
        status=429,
    )
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response


def _count(key, window):
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        return 1


def email_allowed(request, email, action):
    """Count one email of ``action`` to ``email`` requested by this client; False once either the
    address or the client address has used its allowance for the window."""
    window = settings.ACCOUNTS_EMAIL_RATE_WINDOW
    address = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    per_address = _count(f"accounts:mail:{action}:address:{address}", window)
    per_client = _count(f"accounts:mail:client:{client_address(request) or 'unknown'}", window)
    return (
        per_address <= settings.ACCOUNTS_EMAIL_RATE_LIMIT_PER_ADDRESS
        and per_client <= settings.ACCOUNTS_EMAIL_RATE_LIMIT_PER_CLIENT
    )
