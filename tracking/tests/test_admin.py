import pytest

from tracking import services
from tracking.models import ForwardingDestination, LRSKey, OutboxEntry

from .conftest import LRSClient
from .factories import ForwardingDestinationFactory, LRSKeyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_creating_a_key_in_the_admin_shows_working_credentials_once(admin_client, make_statement):
    from accounts.tests.factories import OrganisationFactory

    organisation = OrganisationFactory()
    response = admin_client.post(
        "/admin/lrs_keys/new/", {"name": "Analytics", "organisation": organisation.pk, "scope": "read_write"}
    )
    assert response.status_code == 200
    credentials = response.context["credentials"]
    key = LRSKey.objects.get(name="Analytics")
    key_id, secret = credentials.split(":")
    assert key_id == key.key and secret not in key.secret_hash
    key.secret = secret
    assert LRSClient(key).post("statements", make_statement()).status_code == 200


def test_revoking_a_key_in_the_admin(admin_client):
    key = LRSKeyFactory()
    response = admin_client.post(
        f"/admin/lrs_keys/edit/{key.pk}/",
        {"name": key.name, "organisation": key.organisation_id, "scope": key.scope, "revoked": "on"},
    )
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_key_list_renders(admin_client):
    LRSKeyFactory(name="Dashboard tool")
    assert "Dashboard tool" in admin_client.get("/admin/lrs_keys/").content.decode()


def test_destination_form_keeps_the_secret_when_left_empty(admin_client):
    destination = ForwardingDestinationFactory(password="keep-me")
    response = admin_client.post(
        f"/admin/xapi_destinations/edit/{destination.pk}/",
        {
            "name": destination.name,
            "endpoint": destination.endpoint,
            "username": "u",
            "password": "",
            "xapi_version": "2.0.0",
            "verb_filter": "",
            "course_filter": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    destination.refresh_from_db()
    assert destination.password == "keep-me"


def test_destination_form_rejects_a_verb_filter_that_is_not_an_iri(admin_client):
    response = admin_client.post(
        "/admin/xapi_destinations/new/",
        {
            "name": "X",
            "endpoint": "https://lrs.example.org/xapi/",
            "xapi_version": "2.0.0",
            "verb_filter": "done",
        },
    )
    assert response.status_code == 200
    assert not ForwardingDestination.objects.exists()


def test_outbox_page_lists_dead_letters_and_retry_requeues_them(admin_client, make_user, settings):
    settings.XAPI_FORWARD_CLIENT = "tracking.forwarding.RecordingClient"
    ForwardingDestinationFactory(name="Company LRS")
    services.record(
        user=make_user(), verb="launched", activity_id="http://testserver/xapi/activities/lesson/1"
    )
    OutboxEntry.objects.update(status=OutboxEntry.Status.DEAD, attempts=8, last_error="HTTP 500: boom")
    page = admin_client.get("/admin/xapi-outbox/").content.decode()
    assert "HTTP 500: boom" in page and "Company LRS" in page
    entry = OutboxEntry.objects.get()
    response = admin_client.post("/admin/xapi-outbox/retry/", {"entry": [entry.pk]})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == OutboxEntry.Status.SENT  # retried and delivered by the (eager) task


def test_outbox_page_needs_permission(client, make_user):
    from django.contrib.auth.models import Permission

    user = make_user(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/xapi-outbox/")
    # Wagtail answers a permission denial with a redirect to the dashboard and a message.
    assert response.status_code == 302
    assert response.url == "/admin/"
