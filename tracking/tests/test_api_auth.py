import base64
import io

import pytest
from django.core.management import call_command

from tracking.models import LRSKey

from .conftest import LRSClient
from .factories import LRSKeyFactory

pytestmark = pytest.mark.django_db


def test_about_is_open_and_lists_versions(client):
    response = client.get("/xapi/about")
    assert response.status_code == 200
    assert "2.0.0" in response.json()["version"]
    assert response["X-Experience-API-Version"] == "2.0.0"


def test_missing_credentials_are_401_with_a_challenge(make_statement):
    response = LRSClient(None).get("statements")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")


def test_wrong_secret_is_401(lrs_key):
    lrs_key.secret = "wrong"
    assert LRSClient(lrs_key).get("statements").status_code == 401


def test_garbled_authorization_header_is_401(client):
    response = client.get(
        "/xapi/statements", HTTP_AUTHORIZATION="Basic %%%", HTTP_X_EXPERIENCE_API_VERSION="2.0.0"
    )
    assert response.status_code == 401


def test_revoked_key_is_refused(lrs_key):
    from tracking.views.base import forget_key

    lrs_key.revoke()
    forget_key(lrs_key.key)
    assert LRSClient(lrs_key).get("statements").status_code == 401


def test_read_only_key_cannot_write(make_statement):
    key = LRSKeyFactory(scope=LRSKey.Scope.READ)
    client = LRSClient(key)
    assert client.get("statements").status_code == 200
    assert client.post("statements", make_statement()).status_code == 403


def test_write_only_key_cannot_read(make_statement):
    client = LRSClient(LRSKeyFactory(scope=LRSKey.Scope.WRITE))
    assert client.post("statements", make_statement()).status_code == 200
    assert client.get("statements").status_code == 403


def test_a_key_sees_only_its_organisations_statements(lrs, make_statement):
    statement_id = lrs.post("statements", make_statement()).json()[0]
    stranger = LRSClient(LRSKeyFactory())
    assert stranger.get("statements", {"statementId": statement_id}).status_code == 404
    assert stranger.get("statements").json()["statements"] == []


def test_logged_in_platform_user_is_not_an_lrs_client(client, make_user, password):
    user = make_user()
    client.force_login(user)
    response = client.get("/xapi/statements", HTTP_X_EXPERIENCE_API_VERSION="2.0.0")
    assert response.status_code == 401


def test_secret_is_stored_only_as_sha256(lrs_key):
    import hashlib

    assert lrs_key.secret_hash == hashlib.sha256(lrs_key.secret.encode()).hexdigest()
    assert lrs_key.secret not in str(LRSKey.objects.values().get(pk=lrs_key.pk))


def test_missing_version_header_is_400(lrs_key):
    response = LRSClient(lrs_key, version=None).get("statements")
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["error"]


def test_unsupported_version_is_400(lrs_key):
    assert LRSClient(lrs_key, version="0.95").get("statements").status_code == 400


def test_version_1_0_3_clients_are_accepted_and_get_version_1_0_0_statements(lrs_key, make_statement):
    client = LRSClient(lrs_key, version="1.0.3")
    statement_id = client.post("statements", make_statement()).json()[0]
    response = client.get("statements", {"statementId": statement_id})
    assert response["X-Experience-API-Version"] == "1.0.3"
    assert response.json()["version"] == "1.0.0"


def test_every_error_response_carries_the_version_header(lrs):
    assert lrs.get("statements", {"bogus": "1"})["X-Experience-API-Version"] == "2.0.0"
    assert LRSClient(None).get("statements")["X-Experience-API-Version"] == "2.0.0"


def test_cors_preflight_needs_no_credentials(client):
    response = client.options("/xapi/statements")
    assert response.status_code == 200
    assert "X-Experience-API-Version" in response["Access-Control-Allow-Headers"]


def test_create_lrs_key_prints_key_and_secret_on_the_last_line(make_statement):
    out = io.StringIO()
    call_command("create_lrs_key", "Analytics", stdout=out)
    last = out.getvalue().strip().splitlines()[-1]
    key_id, secret = last.split(":")
    key = LRSKey.objects.get(key=key_id)
    assert key.name == "Analytics"
    assert key.scope == LRSKey.Scope.READ_WRITE
    assert key.organisation.is_default
    key.secret = secret
    assert LRSClient(key).post("statements", make_statement()).status_code == 200


def test_create_lrs_key_for_an_organisation_read_only():
    from accounts.tests.factories import OrganisationFactory

    organisation = OrganisationFactory(slug="acme")
    out = io.StringIO()
    call_command("create_lrs_key", "Reader", "--organisation", "acme", "--scope", "read", stdout=out)
    key = LRSKey.objects.get(name="Reader")
    assert key.organisation == organisation
    assert key.scope == LRSKey.Scope.READ


def test_create_lrs_key_with_unknown_organisation_fails_cleanly():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("create_lrs_key", "X", "--organisation", "nope", stdout=io.StringIO())


def test_basic_header_token_is_base64_of_key_and_secret(lrs_key):
    token = base64.b64encode(f"{lrs_key.key}:{lrs_key.secret}".encode()).decode()
    assert LRSClient(lrs_key).headers()["HTTP_AUTHORIZATION"] == f"Basic {token}"


def test_an_id_taken_in_another_organisation_conflicts(lrs, make_statement):
    statement = make_statement(id="0f5c7b5e-2b1a-4c44-9f0e-5a1c2e3d4f50", timestamp="2026-01-01T00:00:00Z")
    assert lrs.post("statements", statement).status_code == 200
    stranger = LRSClient(LRSKeyFactory())
    assert stranger.post("statements", statement).status_code == 409


def test_about_shows_a_1_0_client_only_the_1_0_line(client):
    response = client.get("/xapi/about", HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
    assert response.json()["version"] == ["1.0.3"]
    assert response["X-Experience-API-Version"] == "1.0.3"
