import pytest
from django.test import Client
from django.urls import reverse

from privacy.models import AuditEvent, Consent, NoticeVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(site_content):
    return NoticeVersion.objects.create(number=1, summary="First version.")


def test_sign_up_stores_the_consent_with_its_version_and_links_the_notice(notice):
    client = Client()
    page = client.get(reverse("accounts:signup"))
    assert 'href="/en/privacy/"' in page.content.decode()
    client.post(
        reverse("accounts:signup"),
        {
            "first_name": "Nadia",
            "last_name": "Karimi",
            "email": "nadia@example.org",
            "password1": "Sturdy-Passw0rd-2026",
            "password2": "Sturdy-Passw0rd-2026",
            "accept_privacy": "on",
        },
    )
    consent = Consent.objects.get(user__email="nadia@example.org")
    assert consent.notice_version == 1 and consent.occasion == Consent.Occasion.SIGN_UP and consent.given_at


def test_the_footer_links_the_notice(site_content):
    assert 'href="/en/privacy/"' in Client().get("/en/").content.decode()


def test_a_new_notice_asks_again_at_the_next_login(notice, make_user, password):
    from privacy.services import record_consent

    person = make_user(email="amir@example.org")
    record_consent(person, occasion=Consent.Occasion.SIGN_UP)
    client = Client(headers={"Accept": "text/html,application/xhtml+xml"})  # as a browser opens a page
    client.post(reverse("accounts:login"), {"username": person.email, "password": password})
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    client.post(reverse("accounts:logout"))

    NoticeVersion.objects.create(number=2, summary="Certificates can now be verified by employers.")
    client.post(reverse("accounts:login"), {"username": person.email, "password": password})
    blocked = client.get(reverse("accounts:dashboard"))
    assert blocked.status_code == 302 and reverse("privacy:agree") in blocked["Location"]
    # A page's own script (JSON, no text/html) is not redirected.
    assert (
        client.get(reverse("accounts:dashboard"), headers={"Accept": "application/json"}).status_code == 200
    )
    page = client.get(blocked["Location"])
    assert "Certificates can now be verified by employers." in page.content.decode()

    refused = client.post(reverse("privacy:agree"), {"next": reverse("accounts:dashboard")})
    assert refused.status_code == 200 and "Please agree to the privacy notice" in refused.content.decode()
    agreed = client.post(
        reverse("privacy:agree"), {"accept_privacy": "on", "next": reverse("accounts:dashboard")}
    )
    assert agreed.status_code == 302 and agreed["Location"] == reverse("accounts:dashboard")
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    assert list(
        Consent.objects.filter(user=person).values_list("notice_version", flat=True).order_by("pk")
    ) == [1, 2]
    assert AuditEvent.objects.filter(subject=person, action=AuditEvent.Action.CONSENT).count() == 2


def test_an_unsafe_next_goes_to_the_dashboard(notice, make_user):
    person = make_user()
    client = Client()
    client.force_login(person)
    response = client.post(
        reverse("privacy:agree"), {"accept_privacy": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("accounts:dashboard")
