import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_login_with_the_right_password_opens_the_dashboard(client, make_user, password):
    make_user(email="omar@example.org")
    response = client.post(reverse("accounts:login"), {"username": "omar@example.org", "password": password})
    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")


def test_login_is_case_insensitive_for_the_email(client, make_user, password):
    make_user(email="omar@example.org")
    response = client.post(reverse("accounts:login"), {"username": "Omar@Example.org", "password": password})
    assert response.status_code == 302


def test_a_wrong_password_gets_a_clear_message_and_keeps_the_email(client, make_user):
    make_user(email="omar@example.org")
    response = client.post(reverse("accounts:login"), {"username": "omar@example.org", "password": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The email address or the password is wrong" in html
    assert 'value="omar@example.org"' in html


def test_missing_login_fields_are_named(client):
    response = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    assert response.content.decode().count("This field is required.") == 2


def test_an_unconfirmed_account_is_told_to_confirm_first(client, make_user, password):
    make_user(email="new@example.org", is_active=False)
    response = client.post(reverse("accounts:login"), {"username": "new@example.org", "password": password})
    assert "confirm your email address first" in response.content.decode()


def test_wrong_password_message_is_translated_to_arabic(client, make_user):
    make_user(email="omar@example.org")
    with translation.override("ar"):
        url = reverse("accounts:login")
    response = client.post(url, {"username": "omar@example.org", "password": "nope"})
    html = response.content.decode()
    assert "The email address or the password is wrong" not in html
    assert 'value="omar@example.org"' in html


def test_logout_ends_the_session(client, make_user):
    user = make_user()
    client.force_login(user)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_password_reset_sends_a_link_that_sets_a_new_password(client, make_user):
    make_user(email="reset@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "reset@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    new = "Another-Sturdy-Pass-77"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert client.login(username="reset@example.org", password=new)


def test_password_reset_for_an_unknown_email_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0
