"""The verification snippet in docs/certificates.md works against real credentials."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from certificates import openbadges
from certificates.tests.factories import CertificateFactory

DOC = Path(__file__).resolve().parents[2] / "docs" / "certificates.md"
pytestmark = pytest.mark.django_db


@pytest.fixture
def snippet():
    code = re.search(r"```python\n(.*?)```", DOC.read_text(), re.DOTALL).group(1)
    namespace = {"__name__": "verify_badge"}
    exec(compile(code, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    return namespace


def test_documented_snippet_verifies_a_credential_with_the_published_key(
    client, snippet, make_user, settings
):
    certificate = CertificateFactory(user=make_user(), holder_name="Amal Haddad")
    token = client.get(reverse("certificates:public_badge", args=[certificate.code_display])).content.decode()
    jwks = client.get(reverse("certificates:jwks")).json()
    claims = snippet["verify_credential"](token, jwks)
    assert claims["vc"]["credentialSubject"]["identifier"][0]["identityHash"] == "Amal Haddad"
    status_path = (claims["jti"] + "status.json").removeprefix(settings.SITE_URL)
    assert client.get(status_path).json()["status"] == "valid"


def test_documented_snippet_rejects_a_credential_with_one_byte_changed(client, snippet, make_user):
    certificate = CertificateFactory(user=make_user())
    token = openbadges.credential_jwt(certificate)
    header, payload, signature = token.split(".")
    changed = payload[:10] + ("B" if payload[10] != "B" else "C") + payload[11:]
    jwks = client.get(reverse("certificates:jwks")).json()
    with pytest.raises(ValueError):
        snippet["verify_credential"](f"{header}.{changed}.{signature}", jwks)
