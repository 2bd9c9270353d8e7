"""Permission-matrix entries for accounts: sign-up, login, the account page, two-step login and
the admin screens for lock-outs and two-step recovery (see website/tests/access.py)."""

from django.urls import reverse

from website.tests.access import (
    ADMIN_LOGIN,
    DONE,
    LOGIN,
    NO_ADMIN,
    NOT_ALLOWED,
    OK,
    REDIRECT,
    Rule,
    everyone,
    get,
    post,
    roles,
)


def build(world):
    """Two organisations; the acting users belong to A (or to no organisation), the objects to B."""
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory

    world.org_a = OrganisationFactory(name="Own Company", slug="own-company")
    world.org_b = OrganisationFactory(name="Other Company", slug="other-company")

    def member(email, role, organisation):
        person = UserFactory(email=email)
        MembershipFactory(user=person, organisation=organisation, role=role)
        return person

    world.users = {
        "learner": member("learner@own.example", Membership.Role.LEARNER, world.org_a),
        "trainer": member("trainer@own.example", Membership.Role.TRAINER, world.org_a),
        "company admin": member("hr@own.example", Membership.Role.COMPANY_ADMIN, world.org_a),
        "editor": UserFactory(email="editor@platform.example"),
        "moderator": UserFactory(email="moderator@platform.example"),
        "superuser": UserFactory(email="root@platform.example", is_staff=True, is_superuser=True),
    }
    # Wagtail's own groups, as its migrations create them.
    world.users["editor"].groups.add(Group.objects.get(name="Editors"))
    world.users["moderator"].groups.add(Group.objects.get(name="Moderators"))
    # People who may open the admin have their second step done in the matrix's sessions.
    world.devices = {
        role: TOTPDevice.objects.create(user=world.users[role], name="app", confirmed=True)
        for role in ("editor", "moderator", "superuser")
    }
    world.other_learner = member("learner@other.example", Membership.Role.LEARNER, world.org_b)
    world.other_trainer = member("trainer@other.example", Membership.Role.TRAINER, world.org_b)

    def locked_out_attempt():
        from axes.models import AccessAttempt
        from django.utils import timezone

        # The unlock request is made once per role and only the superuser's consumes the lock-out;
        # axes allows one row per (username, address, user agent), so reuse the one still there.
        attempt, _created = AccessAttempt.objects.get_or_create(
            username=world.other_learner.email,
            ip_address="203.0.113.5",
            user_agent="matrix",
            defaults={
                "http_accept": "*/*",
                "path_info": "/en/accounts/login/",
                "attempt_time": timezone.now(),
                "get_data": "",
                "post_data": "",
                "failures_since_start": 5,
            },
        )
        return attempt

    world.locked_out_attempt = locked_out_attempt


ADMIN_ONLY_SUPERUSER = roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=OK)
ADMIN_ONLY_SUPERUSER_POST = roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=DONE)

RULES = [
    Rule("accounts:signup", get(lambda w: reverse("accounts:signup")), roles(DONE, anonymous=OK)),
    Rule("accounts:signup_done", get(lambda w: reverse("accounts:signup_done")), everyone(OK)),
    Rule(
        "accounts:confirm",
        get(lambda w: reverse("accounts:confirm", args=["MQ", "1-not-a-token"])),
        everyone(REDIRECT),
        note="A wrong, used or old link sends everyone to 'send the link again'; it never logs in.",
    ),
    Rule(
        "accounts:resend_confirmation", get(lambda w: reverse("accounts:resend_confirmation")), everyone(OK)
    ),
    Rule("accounts:login", get(lambda w: reverse("accounts:login")), roles(DONE, anonymous=OK)),
    Rule(
        "accounts:logout", get(lambda w: reverse("accounts:logout")), everyone(NOT_ALLOWED), note="POST only."
    ),
    Rule("accounts:password_reset", get(lambda w: reverse("accounts:password_reset")), everyone(OK)),
    Rule(
        "accounts:password_reset_done", get(lambda w: reverse("accounts:password_reset_done")), everyone(OK)
    ),
    Rule(
        "accounts:password_reset_confirm",
        get(lambda w: reverse("accounts:password_reset_confirm", args=["MQ", "set-password"])),
        everyone(OK),
        note="An invalid link shows the 'link is not valid' page.",
    ),
    Rule(
        "accounts:password_reset_complete",
        get(lambda w: reverse("accounts:password_reset_complete")),
        everyone(OK),
    ),
    Rule("accounts:dashboard", get(lambda w: reverse("accounts:dashboard")), roles(OK, anonymous=LOGIN)),
    Rule("accounts:two_factor", get(lambda w: reverse("accounts:two_factor")), roles(OK, anonymous=LOGIN)),
    Rule(
        "accounts:two_factor_setup",
        get(lambda w: reverse("accounts:two_factor_setup")),
        roles(OK, anonymous=LOGIN),
    ),
    Rule(
        "accounts:two_factor_backup_codes",
        get(lambda w: reverse("accounts:two_factor_backup_codes")),
        roles(DONE, anonymous=LOGIN),
        note="Codes are shown once, right after they were made; otherwise back to the two-step page.",
    ),
    Rule(
        "accounts:two_factor_verify",
        get(lambda w: reverse("accounts:two_factor_verify")),
        roles(DONE, anonymous=LOGIN, editor=OK, moderator=OK, superuser=OK),
        note="Without a device it leads to the set-up page.",
    ),
    Rule(
        ("wagtailusers_users:index", "wagtailusers_users:index_results"),
        get(lambda w: reverse("wagtailusers_users:index")),
        ADMIN_ONLY_SUPERUSER,
        note="Wagtail's user list, audited (accounts.viewsets): Wagtail's user permissions decide.",
    ),
    Rule(
        ("wagtailsnippets_accounts_membership:list", "wagtailsnippets_accounts_membership:list_results"),
        get(lambda w: reverse("wagtailsnippets_accounts_membership:list")),
        ADMIN_ONLY_SUPERUSER,
        note="The memberships snippet list, audited: snippet permissions decide.",
    ),
    Rule("lockouts:index", get(lambda w: reverse("lockouts:index")), ADMIN_ONLY_SUPERUSER),
    Rule(
        "lockouts:unlock",
        post(lambda w: reverse("lockouts:unlock", args=[w.locked_out_attempt().pk])),
        ADMIN_ONLY_SUPERUSER_POST,
    ),
    Rule("two_factor_admin:index", get(lambda w: reverse("two_factor_admin:index")), ADMIN_ONLY_SUPERUSER),
    Rule(
        "two_factor_admin:reset",
        post(lambda w: reverse("two_factor_admin:reset", args=[w.other_learner.pk])),
        ADMIN_ONLY_SUPERUSER_POST,
    ),
]
