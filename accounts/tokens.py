"""The sign-up confirmation link, built like Django's password-reset link.

The token is an HMAC over the account's state: confirming (``is_active``), a password change and a
login (``last_login``) all change that state, so a link works once, and not after either of them.
It is also short-lived (``ACCOUNT_CONFIRMATION_MAX_AGE``)."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int


class ConfirmationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "accounts.tokens.ConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        last_login = user.last_login
        login_timestamp = "" if last_login is None else last_login.replace(microsecond=0, tzinfo=None)
        return f"{user.pk}{user.password}{login_timestamp}{user.is_active}{user.email}{timestamp}"

    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        # Django's own check allows PASSWORD_RESET_TIMEOUT; a confirmation link lives shorter.
        age = self._num_seconds(self._now()) - base36_to_int(token.split("-")[0])
        return age <= settings.ACCOUNT_CONFIRMATION_MAX_AGE


confirmation_tokens = ConfirmationTokenGenerator()
