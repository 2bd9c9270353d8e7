"""What accounts holds about a person: the profile, memberships, two-step devices, login records.

Erasure runs last (privacy.registry order): the account row stays as an anonymous placeholder so
cohorts, plans and dashboards of other people keep pointing at "deleted participant"."""

import uuid

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_otp import devices_for_user

from privacy.registry import register

from .models import ERASED_EMAIL_DOMAIN, Membership


def export(user):
    return {
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "joined": user.date_joined,
            "last_login": user.last_login,
            "account_confirmed": user.is_active,
            "pseudonymous_learner_id": str(user.xapi_id),
        },
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role, "joined": m.joined_at}
            for m in Membership.objects.filter(user=user).select_related("organisation").order_by("joined_at")
        ],
        "two_step_login": [
            {"kind": type(device).__name__, "name": device.name}
            for device in devices_for_user(user, confirmed=None)
        ],
        "failed_logins": [
            {
                "at": attempt.attempt_time,
                "client_address": attempt.ip_address,
                "failures": attempt.failures_since_start,
            }
            for attempt in AccessAttempt.objects.filter(username__iexact=user.email)
        ],
        "logins": [
            {"at": entry.attempt_time, "client_address": entry.ip_address}
            for entry in AccessLog.objects.filter(username__iexact=user.email).order_by("attempt_time")
        ],
    }


def erase(user):
    memberships = Membership.objects.filter(user=user).delete()[0]
    devices = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        devices += 1
    logins = 0
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        logins += model.objects.filter(username__iexact=user.email).delete()[0]
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"erased-{uuid.uuid4().hex}@{ERASED_EMAIL_DOMAIN}"
    user.first_name = ""
    user.last_name = ""
    user.preferred_language = ""
    # A new pseudonymous id: the old one is in statements other LRSs hold.
    user.xapi_id = uuid.uuid4()
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.save()
    return {"memberships": memberships, "two_step_devices": devices, "login_records": logins}


register(
    "accounts",
    models=["accounts.User", "accounts.Membership", "accounts.Organisation"],
    export=export,
    erase=erase,
    order=100,
)
