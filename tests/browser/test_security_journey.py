"""Browser journeys of the login protections: an editor is made to set up two-step login on the
first admin visit, then logs in with an app code and with a backup code; a learner is locked out
after repeated wrong passwords and reads why (English and Arabic)."""

import re
from base64 import b32decode

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMIN = True


def app_code(secret, steps_ahead=0):
    """What an authenticator app shows (RFC 6238: 30-second steps, six digits)."""
    from django_otp.oath import totp

    return f"{totp(b32decode(secret), step=30, t0=0, digits=6, drift=steps_ahead):06d}"


def editor_account(make_user):
    from django.contrib.auth.models import Group, Permission

    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = make_user(email="editor@example.org", first_name="Edith")
    editor.groups.add(editors)
    return editor


def admin_login(page, url, email, password):
    page.goto(url + "/admin/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("button[type=submit]").click()


def test_an_editor_sets_up_two_step_login_then_uses_a_code_and_a_backup_code(
    page, new_page, live_server, site_content, make_user, password, screenshot
):
    editor_account(make_user)
    admin_login(page, live_server.url, "editor@example.org", password)
    page.wait_for_url(re.compile(r"/accounts/two-step/set-up/"))
    assert page.locator(".two-factor-qr svg").is_visible()
    screenshot(page, "two-step-setup-en")
    secret = page.locator(".two-factor-secret").inner_text().strip()

    page.get_by_label("Code").fill(app_code(secret))
    page.get_by_role("button", name="Confirm and switch on").click()
    page.wait_for_url(re.compile(r"/accounts/two-step/backup-codes/"))
    codes = [code.strip() for code in page.locator(".two-factor-codes code").all_inner_texts()]
    assert len(codes) == 10
    screenshot(page, "two-step-backup-codes-en")
    page.get_by_role("link", name="I have kept them, continue").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "Dashboard" in page.title()

    # A new login: the code of the next 30-second step (the app's current one was just used).
    second = new_page()
    admin_login(second, live_server.url, "editor@example.org", password)
    second.wait_for_url(re.compile(r"/accounts/two-step/verify/"))
    second.get_by_label("Code").fill(app_code(secret, steps_ahead=1))
    second.get_by_role("button", name="Continue").click()
    second.wait_for_url(re.compile(r"/admin/$"))

    # Without the phone: a backup code, in Arabic.
    third = new_page()
    admin_login(third, live_server.url, "editor@example.org", password)
    third.wait_for_url(re.compile(r"/accounts/two-step/verify/"))
    third.goto(third.url.replace("/en/", "/ar/"))
    assert third.locator("html").get_attribute("dir") == "rtl"
    assert third.get_by_role("heading", level=1).inner_text() == "تسجيل الدخول بخطوتين"
    screenshot(third, "two-step-verify-ar")
    third.locator("#id_code").fill(codes[0])
    third.get_by_role("button", name="متابعة").click()
    third.wait_for_url(re.compile(r"/admin/$"))


def fail_until_locked_out(page, email):
    for _attempt in range(6):
        if not page.locator("#id_username").count():
            break
        page.locator("#id_username").fill(email)
        page.locator("#id_password").fill("not-my-password")
        page.locator("button[type=submit]").click()
        page.wait_for_load_state()


def test_a_learner_is_locked_out_after_repeated_wrong_passwords(
    page, new_page, live_server, site_content, make_user, screenshot
):
    make_user(email="lena@example.org", first_name="Lena")
    page.goto(live_server.url + "/en/accounts/login/")
    fail_until_locked_out(page, "lena@example.org")
    assert page.get_by_role("heading", name="Too many failed logins").is_visible()
    assert page.get_by_text("logging in is paused for 15 minutes").is_visible()
    screenshot(page, "login-locked-out-en")

    make_user(email="samir@example.org", first_name="Samir")
    arabic = new_page()
    arabic.goto(live_server.url + "/ar/accounts/login/")
    fail_until_locked_out(arabic, "samir@example.org")
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    assert arabic.get_by_role("heading", name="محاولات دخول فاشلة كثيرة جدًا").is_visible()
    screenshot(arabic, "login-locked-out-ar")
