import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import User

pytestmark = pytest.mark.django_db


def signup_data(**overrides):
    data = {
        "first_name": "Samira",
        "last_name": "Haddad",
        "email": "samira@example.org",
        "password1": "Sturdy-Passw0rd-2026",
        "password2": "Sturdy-Passw0rd-2026",
        "accept_privacy": "on",
    }
    data.update(overrides)
    return data


def test_sign_up_creates_an_inactive_account_and_sends_a_confirmation_link(client):
    response = client.post(reverse("accounts:signup"), signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="samira@example.org")
    assert not user.is_active
    assert len(mail.outbox) == 1
    assert re.search(r"/accounts/confirm/[^/\s]+/", mail.outbox[0].body)


def test_the_confirmation_link_activates_the_account_and_logs_in(client):
    client.post(reverse("accounts:signup"), signup_data())
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link)
    assert response.status_code == 302
    assert User.objects.get(email="samira@example.org").is_active
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_a_tampered_confirmation_link_is_refused_with_a_message(client):
    response = client.get(reverse("accounts:confirm", args=["MQ", "not-a-real-token"]), follow=True)
    assert "not valid" in response.content.decode()
    assert not User.objects.filter(is_active=True, email="samira@example.org").exists()


def test_after_an_error_the_typed_values_except_passwords_are_kept(client):
    data = signup_data(email="Samira@Example.org", accept_privacy="")
    response = client.post(reverse("accounts:signup"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Samira"' in html and 'value="Haddad"' in html
    assert 'value="samira@example.org"' in html.lower()
    assert not User.objects.filter(email__iexact="samira@example.org").exists()


def test_a_weak_password_is_refused_with_the_reason(client):
    response = client.post(reverse("accounts:signup"), signup_data(password1="12345", password2="12345"))
    html = response.content.decode()
    assert "too short" in html
    assert "entirely numeric" in html
    assert not User.objects.filter(email="samira@example.org").exists()


def test_different_passwords_are_refused(client):
    response = client.post(reverse("accounts:signup"), signup_data(password2="Other-Passw0rd-2026"))
    assert "The two passwords differ" in response.content.decode()
    assert not User.objects.exists()


def test_missing_fields_are_named(client):
    response = client.post(reverse("accounts:signup"), {"email": "x@example.org"})
    html = response.content.decode()
    assert html.count("This field is required.") >= 4
    assert "Please accept the privacy notice" in html
    assert 'value="x@example.org"' in html


def test_sign_up_messages_are_translated(client):
    with translation.override("de"):
        url = reverse("accounts:signup")
    assert url.startswith("/de/")
    response = client.post(url, signup_data(password1="12345", password2="12345"))
    html = response.content.decode()
    assert 'lang="de"' in html
    assert "Dieses Passwort ist zu kurz" in html


def test_arabic_sign_up_page_is_right_to_left(client):
    with translation.override("ar"):
        url = reverse("accounts:signup")
    html = client.get(url).content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
