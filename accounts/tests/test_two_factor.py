"""Two-step login: required for the admin areas for staff, editors and moderators (enrolment with a
QR code, backup codes, recovery by a superuser), optional for everyone else."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMIN = True


@pytest.fixture
def editor(make_user):
    person = make_user(email="edith@example.org", is_staff=False)
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    person.groups.add(group)
    return person


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def log_in_to_admin(email, password):
    client = Client()
    response = client.post("/admin/login/", {"username": email, "password": password})
    assert response.status_code == 302
    return client


def test_the_admin_does_not_open_with_a_password_alone(editor, password):
    client = log_in_to_admin(editor.email, password)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    assert client.get("/admin/pages/").status_code == 302


def test_an_editor_enrols_with_a_qr_code_and_receives_backup_codes(editor, password):
    client = log_in_to_admin(editor.email, password)
    page = client.get(reverse("accounts:two_factor_setup") + "?next=/admin/")
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post(reverse("accounts:two_factor_setup"), {"code": "000000", "next": "/admin/"})
    assert "not right" in wrong.content.decode()
    # django-otp makes the next try wait after a wrong code (1 s, doubling); a person waits anyway.
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(
        reverse("accounts:two_factor_setup"), {"code": current_code(device), "next": "/admin/"}
    )
    assert response.status_code == 302
    codes_page = client.get(response["Location"]).content.decode()
    assert codes_page.count("<code>") == two_factor.BACKUP_CODE_COUNT
    assert client.get("/admin/").status_code == 200


def test_a_later_login_needs_a_code_then_a_backup_code_works_once(editor, password):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    codes = two_factor.new_backup_codes(editor)

    client = log_in_to_admin(editor.email, password)
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    client.post(reverse("accounts:two_factor_verify"), {"code": current_code(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200

    again = log_in_to_admin(editor.email, password)
    again.post(reverse("accounts:two_factor_verify"), {"code": codes[0], "next": "/admin/"})
    assert again.get("/admin/").status_code == 200

    third = log_in_to_admin(editor.email, password)
    refused = third.post(reverse("accounts:two_factor_verify"), {"code": codes[0], "next": "/admin/"})
    assert "not right or was used already" in refused.content.decode()
    assert third.get("/admin/").status_code == 302


def test_the_next_address_cannot_lead_off_the_site(editor, password):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client = log_in_to_admin(editor.email, password)
    response = client.post(
        reverse("accounts:two_factor_verify"), {"code": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_superuser_resets_the_two_step_login_of_someone_who_lost_everything(editor, make_user, password):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    root = make_user(email="root@example.org", is_staff=True, is_superuser=True)
    root_device = TOTPDevice.objects.create(user=root, name="app", confirmed=True)
    client = log_in_to_admin(root.email, password)
    client.post(reverse("accounts:two_factor_verify"), {"code": current_code(root_device), "next": "/admin/"})

    assert editor.email in client.get(reverse("two_factor_admin:index")).content.decode()
    client.post(reverse("two_factor_admin:reset", args=[editor.pk]))
    assert not two_factor.is_enrolled(editor)

    editor_client = log_in_to_admin(editor.email, password)
    assert editor_client.get("/admin/")["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_only_superusers_may_reset_two_step_login(editor, password):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client = log_in_to_admin(editor.email, password)
    client.post(reverse("accounts:two_factor_verify"), {"code": current_code(device), "next": "/admin/"})
    response = client.post(reverse("two_factor_admin:reset", args=[editor.pk]))
    assert response.status_code in {302, 403}
    assert two_factor.is_enrolled(editor)


def test_two_step_login_is_optional_for_learners_and_offered_on_the_account_page(client, make_user):
    learner = make_user(email="lena@example.org")
    client.force_login(learner)
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    page = client.get(reverse("accounts:two_factor")).content.decode()
    assert reverse("accounts:two_factor_setup") in page
