"""Sign-up, login, confirmation and password reset input surfaces for the fuzz harness (docs/testing.md)."""

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, query_strings, url_text

emails = st.one_of(st.sampled_from(["learner@example.org", "a@b", "x@example.org\x00"]), url_text)


def site(context):
    from website import demo

    demo.load()


def logged_in(context):
    from django.test import Client

    from accounts.tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory())
    return client


SIGN_UP = [
    "first_name",
    "last_name",
    "email",
    "password1",
    "password2",
    "accept_privacy",
    "organisation",
    "next",
]

TARGETS = [
    Target("accounts:signup", "GET", setup=site, query=query_strings(["next"])),
    Target(
        "accounts:signup", "POST", setup=site, form=form_data(SIGN_UP, values=st.one_of(emails, url_text))
    ),
    Target(
        "accounts:confirm",
        "GET",
        setup=site,
        kwargs={
            "uidb64": url_text.filter(lambda t: t and "/" not in t),
            "token": url_text.filter(lambda t: t and "/" not in t),
        },
    ),
    Target("accounts:resend_confirmation", "POST", setup=site, form=form_data(["email"], values=emails)),
    Target(
        "accounts:login", "POST", setup=site, form=form_data(["username", "password", "next"], values=emails)
    ),
    Target("accounts:login", "GET", setup=site, query=query_strings(["next"])),
    Target("accounts:logout", "POST", setup=site, client=logged_in, form=form_data(["next"])),
    Target("accounts:password_reset", "POST", setup=site, form=form_data(["email"], values=emails)),
    Target(
        "accounts:password_reset_confirm",
        "POST",
        setup=site,
        kwargs={
            "uidb64": url_text.filter(lambda t: t and "/" not in t),
            "token": url_text.filter(lambda t: t and "/" not in t),
        },
        form=form_data(["new_password1", "new_password2"]),
    ),
    Target(
        "accounts:dashboard",
        "GET",
        setup=site,
        client=logged_in,
        query=query_strings(["course", "page", "tab"]),
    ),
]

TARGETS += [
    Target("accounts:two_factor", "POST", setup=site, client=logged_in, form=form_data(["action"])),
    Target(
        "accounts:two_factor_setup", "POST", setup=site, client=logged_in, form=form_data(["code", "next"])
    ),
    Target(
        "accounts:two_factor_verify", "POST", setup=site, client=logged_in, form=form_data(["code", "next"])
    ),
    Target("accounts:two_factor_verify", "GET", setup=site, client=logged_in, query=query_strings(["next"])),
]

NO_INPUT = {
    "accounts:two_factor_backup_codes": "shows the backup codes just issued to the person; reads no input",
    "accounts:signup_done": "a fixed page shown after signing up",
    "accounts:password_reset_done": "a fixed page shown after asking for a reset link",
    "accounts:password_reset_complete": "a fixed page shown after a new password was set",
}
