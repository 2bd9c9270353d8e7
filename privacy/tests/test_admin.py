import pytest
from django.test import Client
from django.urls import reverse

from privacy.models import AuditEvent, DataExport, Erasure

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(make_user):
    admin = make_user(email="dpo@platform.example", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    client.admin = admin
    return client


def test_an_admin_finds_a_person_and_opening_their_data_is_logged(admin_client, make_user):
    person = make_user(email="request@example.org", first_name="Leyla")
    found = admin_client.get(reverse("privacy_admin:people"), {"q": "request@"})
    assert found.status_code == 200 and "request@example.org" in found.content.decode()
    listed = AuditEvent.objects.get(action=AuditEvent.Action.ADMIN_VIEWED)
    assert listed.subject == person and listed.note == "personal data requests list"
    detail = admin_client.get(reverse("privacy_admin:person", args=[person.pk]))
    assert detail.status_code == 200
    event = AuditEvent.objects.filter(action=AuditEvent.Action.ADMIN_VIEWED).exclude(pk=listed.pk).get()
    assert event.subject == person and event.actor == admin_client.admin and event.note == ""

    log = admin_client.get(
        reverse("privacy_admin:audit_log"), {"action": "admin_viewed", "person": str(person.pk)}
    )
    assert log.status_code == 200 and f"#{person.pk}" in log.content.decode()
    # Filters that make no sense are ignored, not a 500.
    assert (
        admin_client.get(reverse("privacy_admin:audit_log"), {"action": "x", "person": "9" * 40}).status_code
        == 200
    )


def test_an_admin_exports_and_erases_on_request(admin_client, make_user, django_capture_on_commit_callbacks):
    person = make_user(email="leaving@example.org", last_name="Yilmaz")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("privacy_admin:export", args=[person.pk]))
    export = DataExport.objects.get(user=person)
    assert export.requested_by == admin_client.admin and export.status == DataExport.Status.READY
    download = admin_client.post(reverse("privacy_admin:download", args=[export.uuid]))
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    again = admin_client.post(reverse("privacy_admin:download", args=[export.uuid]))
    assert again.status_code == 302

    refused = admin_client.post(reverse("privacy_admin:erase", args=[person.pk]), {"note": ""})
    assert refused.status_code == 400 and not Erasure.objects.exists()
    done = admin_client.post(
        reverse("privacy_admin:erase", args=[person.pk]), {"note": "Letter of 2 December", "confirm": "on"}
    )
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.is_erased and Erasure.objects.get().reason == Erasure.Reason.ADMIN
    event = AuditEvent.objects.get(action=AuditEvent.Action.ERASED)
    assert event.actor == admin_client.admin and "Letter of 2 December" in event.note
    # The erased placeholder is no longer a person one can open.
    assert admin_client.get(reverse("privacy_admin:person", args=[person.pk])).status_code == 404


def test_people_without_the_right_see_nothing(make_user):
    client = Client()
    client.force_login(make_user(is_staff=True))
    assert client.get(reverse("privacy_admin:audit_log")).status_code in (302, 403)
    assert client.get(reverse("privacy_admin:people")).status_code in (302, 403)


def test_deleting_a_user_in_the_wagtail_admin_erases_them(admin_client, make_user):
    person = make_user(email="gone@example.org", last_name="Okafor")
    response = admin_client.post(reverse("wagtailusers_users:delete", args=[person.pk]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_erased and person.last_name == ""
    assert Erasure.objects.get(user=person).reason == Erasure.Reason.ADMIN


def test_opening_a_person_in_the_wagtail_user_admin_is_logged(admin_client, make_user):
    person = make_user(email="colleague@example.org", first_name="Nour")
    edit = admin_client.get(reverse("wagtailusers_users:edit", args=[person.pk]))
    assert edit.status_code == 200 and "colleague@example.org" in edit.content.decode()
    event = AuditEvent.objects.get(action=AuditEvent.Action.ADMIN_VIEWED)
    assert event.subject == person and event.actor == admin_client.admin and "user admin" in event.note
    admin_client.get(reverse("wagtailusers_users:edit", args=[admin_client.admin.pk]))
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.ADMIN_VIEWED).count() == 1
    )  # oneself: not logged


@pytest.mark.parametrize(
    ("url_name", "what"),
    [
        ("wagtailusers_users:index", "Wagtail user list"),
        ("wagtailsnippets_accounts_membership:list", "memberships list"),
        ("certificates_admin:index", "certificates list"),
        ("two_factor_admin:index", "two-step login list"),
    ],
)
def test_each_person_an_admin_listing_shows_is_logged(admin_client, make_user, url_name, what):
    from accounts.tests.factories import MembershipFactory
    from certificates.tests.factories import CertificateFactory

    people = [make_user(email=f"listed-{n}@example.org") for n in range(3)]
    for person in people:
        MembershipFactory(user=person)
        CertificateFactory(user=person)
        person.totpdevice_set.create(name="phone", confirmed=True)
    response = admin_client.get(reverse(url_name))
    assert response.status_code == 200

    events = AuditEvent.objects.filter(action=AuditEvent.Action.ADMIN_VIEWED, note=what)
    assert {event.subject_ref for event in events} >= {person.pk for person in people}
    # The admin looking at their own row is not an access to someone else's data.
    assert not events.filter(subject_ref=admin_client.admin.pk).exists()
    assert all(event.actor == admin_client.admin for event in events)
