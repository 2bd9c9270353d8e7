"""The authentication backend: Django's ``ModelBackend`` with the per-request user lookup prepared.

Every request of a logged-in person reads their user row; ``website.queries.PreparedQuery`` keeps
the compiled SQL so that this costs a database round trip and no query building. Logging in,
passwords and permissions are ``ModelBackend``'s own."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from website.queries import PreparedQuery

_user_by_id = None


def _prepared():
    global _user_by_id
    if _user_by_id is None:
        User = get_user_model()
        _user_by_id = PreparedQuery(
            User,
            lambda user_id: User._default_manager.filter(pk=user_id).order_by(),
            user_id=User._meta.pk,
        )
    return _user_by_id


class AccountBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            user = _prepared().first(user_id=user_id)
        except (TypeError, ValueError):
            return None  # a session key that is no user id
        return user if user is not None and self.user_can_authenticate(user) else None


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lock-out check for every login that comes with a request (all HTTP logins).

    Code that authenticates without a request (Django's test client ``login()``, management
    commands) has no client address to count, so it is passed on to the next backend instead of
    refused; nothing reachable over HTTP authenticates without one."""

    def authenticate(self, request=None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
