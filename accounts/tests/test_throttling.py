"""Lock-out after repeated failed logins (django-axes) and limits on account emails per address and
per client address."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def fail(client, url, email, times):
    for _attempt in range(times):
        client.post(url, {"username": email, "password": "wrong-password"})


def test_thirty_wrong_passwords_lock_the_account_out_of_the_site_login(client, make_user, password):
    make_user(email="omar@example.org")
    url = reverse("accounts:login")
    fail(client, url, "omar@example.org", 30)
    response = client.post(url, {"username": "omar@example.org", "password": password})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_out_message_is_translated(client, make_user):
    make_user(email="omar@example.org")
    with translation.override("de"):
        url = reverse("accounts:login")
    fail(client, url, "omar@example.org", 6)
    html = client.post(url, {"username": "omar@example.org", "password": "x"}).content.decode()
    assert "Zu viele fehlgeschlagene Anmeldungen" in html


def test_wrong_passwords_lock_the_admin_login_too(make_user, password):
    make_user(email="edith@example.org", is_staff=True, is_superuser=True)
    client = Client()
    fail(client, "/admin/login/", "edith@example.org", 30)
    response = client.post("/admin/login/", {"username": "edith@example.org", "password": password})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_address_of_the_client_behind_a_trusted_proxy_is_what_counts(settings, make_user, password):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    make_user(email="omar@example.org")
    url = reverse("accounts:login")
    attacker = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    fail(attacker, url, "omar@example.org", 6)
    # The real person comes through the same proxy from another address and is not locked out.
    person = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert person.post(url, {"username": "omar@example.org", "password": password}).status_code == 302


def test_an_admin_unlocks_a_locked_account(client, make_user, password):
    make_user(email="omar@example.org")
    admin = make_user(email="root@example.org", is_staff=True, is_superuser=True)
    url = reverse("accounts:login")
    fail(client, url, "omar@example.org", 6)
    assert client.post(url, {"username": "omar@example.org", "password": password}).status_code == 429

    staff = Client()
    staff.force_login(admin)
    listing = staff.get(reverse("lockouts:index"))
    assert "omar@example.org" in listing.content.decode()
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get(username="omar@example.org")
    staff.post(reverse("lockouts:unlock", args=[attempt.pk]))
    assert client.post(url, {"username": "omar@example.org", "password": password}).status_code == 302


def test_five_password_reset_requests_do_not_send_five_emails(client, make_user):
    make_user(email="omar@example.org")
    for _request in range(5):
        response = client.post(reverse("accounts:password_reset"), {"email": "omar@example.org"})
        assert response.status_code == 302  # the same answer every time
    assert len(mail.outbox) == 3


def test_one_client_cannot_send_reset_emails_to_many_addresses(client, make_user):
    for number in range(15):
        make_user(email=f"person{number}@example.org")
    for number in range(15):
        client.post(reverse("accounts:password_reset"), {"email": f"person{number}@example.org"})
    assert len(mail.outbox) == 10


def test_the_confirmation_email_is_resent_a_limited_number_of_times(client, make_user):
    make_user(email="new@example.org", is_active=False)
    for _request in range(5):
        client.post(reverse("accounts:resend_confirmation"), {"email": "new@example.org"})
    assert len(mail.outbox) == 3
