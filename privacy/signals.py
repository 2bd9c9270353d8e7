"""At login, note whether the person still has to agree to the notice in force (checked once per
login, not per request: the middleware only reads the session)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SESSION_KEY = "privacy_must_agree"


@receiver(user_logged_in)
def check_consent_at_login(sender, request, user, **kwargs):
    from . import selectors

    if request is None or not hasattr(request, "session"):
        return
    if selectors.must_agree_again(user):
        request.session[SESSION_KEY] = True
    else:
        request.session.pop(SESSION_KEY, None)
