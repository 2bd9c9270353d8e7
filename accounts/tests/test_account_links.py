"""Sign-up confirmation links (single-use, short-lived, void after a password change or a login),
neutral sign-up answers and passwords that are never written back into the page."""

import re
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

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


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/\S*/confirm/\S+)", message.body).group(1)


def sign_up(client, **overrides):
    client.post(reverse("accounts:signup"), signup_data(**overrides))
    return confirmation_link(mail.outbox[-1])


def test_a_confirmation_link_logs_in_only_once(client):
    link = sign_up(client)
    assert client.get(link).status_code == 302
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    client.logout()

    response = client.get(link, follow=True)
    assert "not valid" in response.content.decode()
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_a_confirmation_link_is_void_after_the_password_changed(client):
    link = sign_up(client)
    user = User.objects.get(email="samira@example.org")
    user.set_password("Another-Passw0rd-2026")
    user.save()
    client.get(link)
    assert not User.objects.get(pk=user.pk).is_active
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_a_confirmation_link_is_void_after_a_first_login(client):
    link = sign_up(client)
    user = User.objects.get(email="samira@example.org")
    # An admin activated the account and the person logged in before opening the link.
    User.objects.filter(pk=user.pk).update(is_active=True, last_login=timezone.now())
    client.logout()
    client.get(link)
    assert "_auth_user_id" not in client.session


def test_a_confirmation_link_expires_within_a_day(client):
    link = sign_up(client)
    # The token generator counts in naive local time, as Django's password-reset links do.
    with freeze_time(datetime.now() + timedelta(hours=25)):
        response = client.get(link, follow=True)
    assert "not valid" in response.content.decode()
    assert not User.objects.get(email="samira@example.org").is_active


def test_signing_up_with_a_taken_address_answers_like_a_new_sign_up_and_mails_the_owner(client, make_user):
    make_user(email="samira@example.org")
    fresh = client.post(reverse("accounts:signup"), signup_data(email="new-person@example.org"))
    taken = client.post(reverse("accounts:signup"), signup_data(email="Samira@Example.org"))
    assert taken.status_code == fresh.status_code == 302
    assert taken.url == fresh.url
    followed = client.get(taken.url).content.decode()
    assert "already exists" not in followed
    assert User.objects.filter(email__iexact="samira@example.org").count() == 1
    to_owner = [message for message in mail.outbox if message.to == ["samira@example.org"]]
    assert len(to_owner) == 1
    assert reverse("accounts:password_reset") in to_owner[0].body


def test_typed_passwords_never_come_back_in_the_page(client):
    response = client.post(
        reverse("accounts:signup"), signup_data(last_name="", password2="Sturdy-Passw0rd-2026")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sturdy-Passw0rd-2026" not in html


def test_every_password_problem_is_reported_at_once(client):
    response = client.post(reverse("accounts:signup"), signup_data(password1="short", password2="other"))
    html = response.content.decode()
    assert "The two passwords differ" in html
    assert "too short" in html
