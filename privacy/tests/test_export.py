import io
import json
import zipfile

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from privacy.models import AuditEvent, DataExport

from .factories import EMAIL, NAME

pytestmark = pytest.mark.django_db


def _request(client, capture):
    # The task is queued on commit; tests run it eagerly when the request's transaction would commit.
    with capture(execute=True):
        return client.post(reverse("privacy:my_data"))


def _export_files(client, person, capture):
    response = _request(client, capture)
    export = DataExport.objects.get(user=person.user)
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("privacy:export", args=[export.uuid])
    )
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY and export.progress == 100
    download = client.post(reverse("privacy:download", args=[export.uuid]))
    assert download.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    return export, {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_the_export_holds_every_category_of_data(person, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(person.user)
    export, files = _export_files(client, person, django_capture_on_commit_callbacks)
    data = {
        name.removesuffix(".json"): json.loads(text) for name, text in files.items() if name.endswith(".json")
    }
    assert "README.txt" in files

    accounts = data["accounts"]
    assert accounts["profile"]["email"] == EMAIL and accounts["profile"]["last_name"] == NAME[1]
    assert "Nordhafen Logistics" in [m["organisation"] for m in accounts["memberships"]]
    assert data["privacy"]["consents"][0]["notice_version"] == 1

    enrolment = next(e for e in data["courses"]["enrolments"] if e["course"] == "Welcome at work")
    assert enrolment["progress_percent"] == 50 and enrolment["lessons"] and enrolment["activities"]
    assert enrolment["quiz_attempts"][0]["responses"] == {"q1": ["o2"]}
    assert data["courses"]["reflection_answers"][0]["answer"] == "I will learn the night-shift rota."

    assert data["h5p"]["results"][0]["score"] == 0.9
    assert data["h5p"]["saved_state"][0]["data"] == '{"answer": true}'

    stored_ids = {str(row.statement_id) for row in person.objects["statements"]}
    exported_ids = {item["statement"]["id"] for item in data["tracking"]["statements"]}
    assert stored_ids <= exported_ids
    assert all(
        item["statement"]["actor"]["mbox"] == f"mailto:{EMAIL}" for item in data["tracking"]["statements"]
    )

    # Other learners' statements that name the person (as instructor, as the object) are theirs to see too.
    naming = {item["statement"]["id"] for item in data["tracking"]["statements_naming_you"]}
    assert naming == set(person.objects["mentions"])

    assert data["certificates"]["certificates"][0]["holder_name"] == f"{NAME[0]} {NAME[1]}"

    assert [c["cohort"] for c in data["workshops"]["cohorts_joined"]] == ["Welcome workshop Hamburg"]
    assert data["workshops"]["attendance"][0]["present"] is True
    assert data["workshops"]["evaluations"][0]["answers"]
    assert data["scenarios"]["scenarios_played"][0]["choices"] == ["greet"]
    assert data["scenarios"]["live_sessions_joined"][0]["role"] == "hr"
    plan = data["plans"]["plans_about_me"][0]
    assert (
        plan["new_hire_name"] == f"{NAME[0]} {NAME[1]}"
        and plan["languages"] == "Arabic, Kurdish, some German"
    )
    assert plan["permit_expires_on"]
    assert data["cases"]["submissions"][0]["case"] == "Night-shift buddies"

    # Logged, and the person was told by e-mail.
    actions = set(AuditEvent.objects.filter(subject=person.user).values_list("action", flat=True))
    assert {AuditEvent.Action.EXPORT_REQUESTED, AuditEvent.Action.EXPORT_DOWNLOADED} <= actions
    assert any(EMAIL in message.to and str(export.uuid) in message.body for message in mail.outbox)


def test_the_download_works_once_and_only_for_its_owner(
    person, make_user, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(person.user)
    _request(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=person.user)

    stranger = Client()
    stranger.force_login(make_user())
    assert stranger.get(reverse("privacy:export", args=[export.uuid])).status_code == 404
    assert stranger.post(reverse("privacy:download", args=[export.uuid])).status_code == 404

    assert client.post(reverse("privacy:download", args=[export.uuid])).status_code == 200
    again = client.post(reverse("privacy:download", args=[export.uuid]))
    assert again.status_code == 410
    assert "no longer available" in again.content.decode()


def test_an_expired_link_gives_the_file_to_nobody(person, django_capture_on_commit_callbacks):
    from django.utils import timezone

    client = Client()
    client.force_login(person.user)
    _request(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=person.user)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now())
    assert client.post(reverse("privacy:download", args=[export.uuid])).status_code == 410

    from privacy.services import remove_old_export_files

    assert remove_old_export_files() == 1
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and not export.file


def test_while_the_file_is_prepared_the_page_shows_progress_and_reloads_itself(make_user):
    person = make_user()
    export = DataExport.objects.create(
        user=person, requested_by=person, status=DataExport.Status.RUNNING, progress=40
    )
    client = Client()
    client.force_login(person)
    page = client.get(reverse("privacy:export", args=[export.uuid])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert '<progress max="100" value="40"' in page
    # No inline script: the strict CSP would refuse it.
    assert "<script>" not in page
    DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.FAILED)
    failed = client.get(reverse("privacy:export", args=[export.uuid])).content.decode()
    assert "http-equiv" not in failed and "Preparing the file failed" in failed


def test_a_second_request_while_one_is_prepared_reuses_it(make_user):
    from privacy.services import request_export

    person = make_user()
    first = request_export(person, requested_by=person)
    assert request_export(person, requested_by=person).pk == first.pk
    assert DataExport.objects.filter(user=person).count() == 1


def test_an_app_that_fails_to_export_marks_the_request_failed(make_user, monkeypatch):
    from privacy import registry
    from privacy.services import build_export

    def broken(user):
        raise RuntimeError("disk full")

    entries = {**registry._entries, "broken": registry.Entry("broken", (), broken, lambda user: {})}
    monkeypatch.setattr(registry, "_entries", entries)
    person = make_user()
    export = build_export(DataExport.objects.create(user=person, requested_by=person))
    assert export.status == DataExport.Status.FAILED and not export.file
