from datetime import date

import pytest
from django.urls import reverse
from freezegun import freeze_time

from certificates import services
from certificates.tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db


def verify_url(code):
    return reverse("certificates:verify", args=[code])


@pytest.fixture
def certificate(make_user):
    holder = make_user(first_name="Amal", last_name="Haddad")
    return CertificateFactory(user=holder, holder_name="Amal Haddad", expires_on=date(2030, 5, 1))


def test_valid_certificate_page_shows_status_holder_course_dates_and_issuer(client, certificate):
    response = client.get(verify_url(certificate.code_display))
    text = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid." in text
    assert "Amal Haddad" in text
    assert "Hiring refugees legally" in text
    assert "1 May 2030" in text or "May 1, 2030" in text
    assert "COME IN Academy" in text


def test_verification_needs_no_login(client, certificate):
    response = client.get(verify_url(certificate.code_display))
    assert response.status_code == 200
    assert "login" not in response.get("Location", "")


def test_revoked_certificate_shows_revoked_and_the_reason_at_once(client, certificate, make_user):
    services.revoke(certificate, reason="Issued by mistake", revoked_by=make_user())
    text = client.get(verify_url(certificate.code_display)).content.decode()
    assert "This certificate has been revoked." in text
    assert "Issued by mistake" in text
    assert "This certificate is valid." not in text


def test_expired_certificate_shows_expired(client, certificate):
    with freeze_time("2030-05-02"):
        text = client.get(verify_url(certificate.code_display)).content.decode()
    assert "This certificate has expired." in text


def test_certificate_is_still_valid_on_its_last_day(client, certificate):
    with freeze_time("2030-05-01 20:00:00"):
        text = client.get(verify_url(certificate.code_display)).content.decode()
    assert "This certificate is valid." in text


def test_typed_code_in_lower_case_without_dashes_leads_to_the_certificate(client, certificate):
    response = client.get(verify_url(certificate.verification_code.lower()))
    assert response.status_code == 302
    assert response["Location"] == verify_url(certificate.code_display)


def test_malformed_code_gets_a_friendly_page(client, db):
    response = client.get(verify_url("not-a-code!"))
    assert response.status_code == 400
    assert "This is not a verification code" in response.content.decode()


def test_unknown_code_gets_a_friendly_page_that_reveals_nothing(client, certificate):
    code = certificate.code_display
    near_miss = code[:-1] + ("0" if code[-1] != "0" else "1")
    first = client.get(verify_url(near_miss))
    second = client.get(verify_url("ZZZZ-ZZZZ-ZZZZ"))
    assert first.status_code == second.status_code == 404
    assert "No certificate has this code" in first.content.decode()
    assert "Amal" not in first.content.decode()
    assert first.content.decode().replace(near_miss, "") == second.content.decode().replace(
        "ZZZZ-ZZZZ-ZZZZ", ""
    )


def test_lookup_form_sends_the_visitor_to_the_certificate(client, certificate):
    response = client.get(reverse("certificates:lookup"), {"code": certificate.verification_code.lower()})
    assert response.status_code == 302
    assert response["Location"] == verify_url(certificate.code_display)


def test_lookup_form_explains_a_malformed_code(client, db):
    response = client.get(reverse("certificates:lookup"), {"code": "12345"})
    assert response.status_code == 400
    assert "Codes have 12 letters and digits" in response.content.decode()


def test_verification_is_rate_limited_per_client(client, certificate, settings):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(verify_url("ZZZZ-ZZZZ-ZZZZ")).status_code == 404
    response = client.get(verify_url(certificate.code_display))
    assert response.status_code == 429
    assert "Too many checks" in response.content.decode()
    assert client.get(verify_url(certificate.code_display), REMOTE_ADDR="10.0.0.9").status_code == 200


def test_status_json_reports_the_current_status(client, certificate):
    services.revoke(certificate, reason="Fraud")
    data = client.get(reverse("certificates:verify_json", args=[certificate.code_display])).json()
    assert data["status"] == "revoked"
    assert data["holder"] == "Amal Haddad"


def test_verification_page_works_in_arabic(client, certificate):
    response = client.get(f"/ar/certificates/verify/{certificate.code_display}/")
    text = response.content.decode()
    assert response.status_code == 200
    assert 'dir="rtl"' in text
    assert "Amal Haddad" in text


def test_revoked_certificate_has_no_public_badge(client, certificate):
    services.revoke(certificate, reason="Fraud")
    response = client.get(reverse("certificates:public_badge", args=[certificate.code_display]))
    assert response.status_code == 410
