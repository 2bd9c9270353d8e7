import json
import os
import stat

import pytest
from django.urls import reverse

from certificates import keys, openbadges
from certificates.tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(make_user):
    return CertificateFactory(user=make_user(), holder_name="Amal Haddad")


def published_keys(client):
    return json.loads(client.get(reverse("certificates:jwks")).content)


def test_credential_verifies_with_the_published_key(client, certificate):
    token = client.get(reverse("certificates:public_badge", args=[certificate.code_display])).content.decode()
    claims = openbadges.verify(token, published_keys(client))
    assert claims["vc"]["credentialSubject"]["achievement"]["name"] == "Hiring refugees legally"
    assert claims["jti"] == certificate.verification_url()


def test_credential_fails_when_one_byte_of_the_payload_changes(client, certificate):
    token = openbadges.credential_jwt(certificate)
    header, payload, signature = token.split(".")
    position = len(payload) // 2
    changed = payload[:position] + ("A" if payload[position] != "A" else "B") + payload[position + 1 :]
    with pytest.raises(openbadges.InvalidCredential):
        openbadges.verify(f"{header}.{changed}.{signature}", published_keys(client))


def test_credential_fails_when_one_byte_of_the_signature_changes(client, certificate):
    token = bytearray(openbadges.credential_jwt(certificate).encode())
    token[-5] = ord("A") if token[-5] != ord("A") else ord("B")
    with pytest.raises(openbadges.InvalidCredential):
        openbadges.verify(bytes(token), published_keys(client))


def test_credential_fails_with_another_key(certificate):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = keys.public_jwk(Ed25519PrivateKey.generate())
    with pytest.raises(openbadges.InvalidCredential):
        openbadges.verify(openbadges.credential_jwt(certificate), {"keys": [{**other, "kid": None}]})


def test_credential_is_an_open_badges_3_credential(certificate):
    claims = openbadges.credential_claims(certificate, "COME IN Academy")
    credential = claims["vc"]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in credential["@context"]
    assert credential["issuer"]["type"] == ["Profile"]
    assert credential["credentialSubject"]["type"] == ["AchievementSubject"]
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Amal Haddad"
    assert claims["iss"] == credential["issuer"]["id"]


def test_expiring_certificate_sets_valid_until_and_exp(make_user):
    from datetime import date

    certificate = CertificateFactory(user=make_user(), expires_on=date(2028, 6, 30))
    claims = openbadges.credential_claims(certificate, "COME IN Academy")
    assert claims["vc"]["validUntil"].startswith("2028-06-30")
    assert claims["exp"] > claims["nbf"]


def test_header_names_the_algorithm_type_and_key(certificate):
    header = json.loads(keys.b64url_decode(openbadges.credential_jwt(certificate).split(".")[0]))
    assert header == {"alg": "EdDSA", "typ": "vc+jwt", "kid": keys.public_jwk()["kid"]}


def test_signing_key_is_generated_once_with_private_permissions(signing_key_file):
    first = keys.public_jwk()
    keys.reset_cache()
    assert keys.public_jwk() == first
    assert stat.S_IMODE(os.stat(signing_key_file).st_mode) == 0o600


def test_signing_key_can_come_from_the_environment(settings):
    settings.CERTIFICATES_SIGNING_KEY = keys.b64url(bytes(range(32)))
    keys.reset_cache()
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    expected = keys.public_jwk(Ed25519PrivateKey.from_private_bytes(bytes(range(32))))
    assert keys.public_jwk() == expected


def test_previous_public_keys_stay_published(client, settings):
    settings.CERTIFICATES_PREVIOUS_PUBLIC_KEYS = (
        '[{"kty": "OKP", "crv": "Ed25519", "x": "abc", "kid": "old"}]'
    )
    assert [key["kid"] for key in published_keys(client)["keys"]][1:] == ["old"]


def test_learner_downloads_their_badge(client, certificate):
    client.force_login(certificate.user)
    response = client.get(reverse("certificates:download_badge", args=[certificate.code_display]))
    assert response["Content-Type"] == "application/vc+jwt"
    assert openbadges.verify(response.content, keys.jwks())["vc"]["name"] == "Hiring refugees legally"


def test_issuer_profile_is_published(client, certificate):
    from accounts.services import default_organisation

    organisation = default_organisation()
    data = json.loads(client.get(reverse("certificates:issuer", args=[organisation.slug])).content)
    assert data["type"] == ["Profile"]
    assert data["publicKey"].endswith("/certificates/jwks.json")
