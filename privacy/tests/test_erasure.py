import json

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from certificates.models import Certificate
from plans.models import IntegrationPlan
from privacy.models import AuditEvent, Erasure
from tracking import forwarding
from tracking.models import Statement
from tracking.verbs import VOIDED
from workshops.models import Participant

from .factories import EMAIL, NAME

pytestmark = pytest.mark.django_db

TEXT_TYPES = ("char", "text", "json", "clob", "string")
_PG_TYPES = {}


def _pg_type(cursor, oid):
    if oid not in _PG_TYPES:
        cursor.execute("SELECT typname FROM pg_type WHERE oid = %s", [oid])
        row = cursor.fetchone()
        _PG_TYPES[oid] = row[0] if row else ""
    return _PG_TYPES[oid]


def rows_mentioning(needle):
    """(table, column) of every text column in the whole database that contains ``needle``."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                # The raw column type ("varchar(254)", "text", "jsonb"): nothing of another kind holds words.
                kind = str(
                    column.type_code if connection.vendor == "sqlite" else _pg_type(cursor, column.type_code)
                )
                if not any(part in kind.lower() for part in TEXT_TYPES):
                    continue
                name = connection.ops.quote_name(column.name)
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "  # noqa: S608 (names from introspection)
                    f"WHERE LOWER(CAST({name} AS TEXT)) LIKE %s",
                    [f"%{needle.lower()}%"],
                )
                if cursor.fetchone()[0]:
                    found.append((table, column.name))
    return found


def delete_own_account(user, password):
    client = Client()
    client.force_login(user)
    response = client.post(reverse("privacy:delete_account"), {"password": password, "understood": "on"})
    assert response.status_code == 302 and response["Location"].endswith(reverse("privacy:deleted"))
    return client


def test_the_search_finds_the_seeded_person_before_erasure(person):
    # The check below means something only if it sees the person where they are.
    tables = {table for table, _column in rows_mentioning(EMAIL)}
    assert {"accounts_user", "tracking_statement", "plans_hireinvitation"} <= tables
    assert {table for table, _column in rows_mentioning(NAME[1])} >= {
        "certificates_certificate",
        "plans_integrationplan",
    }


def test_deleting_the_account_leaves_the_name_and_address_nowhere(person, password):
    statement_ids = {str(row.statement_id) for row in Statement.objects.filter(user=person.user)}
    assert len(statement_ids) >= 2
    client = delete_own_account(person.user, password)

    for needle in (EMAIL, NAME[1], f"{NAME[0]} {NAME[1]}", NAME[0]):
        assert rows_mentioning(needle) == [], needle

    # Every statement is voided locally, and a voiding statement waits in the outbox for the LRS.
    assert not Statement.objects.filter(statement_id__in=statement_ids, voided=False).exists()
    lrs = forwarding.RecordingClient()
    forwarding.drain(client=lrs)
    sent = [statement for _destination, batch in lrs.batches for statement in batch]
    voided_there = {s["object"]["id"] for s in sent if s["verb"]["id"] == VOIDED}
    assert statement_ids <= voided_there
    # What reaches the LRS about the person (their statements still pending, and the voiding ones)
    # carries the pseudonym, never the address.
    about_them = [s for s in sent if s["id"] in statement_ids or s["verb"]["id"] == VOIDED]
    actors = {json.dumps(s["actor"], sort_keys=True) for s in about_them}
    assert actors and all("erased-" in actor and "mailto" not in actor for actor in actors)

    # Other learners' statements that named the person keep their meaning, with the pseudonym in
    # place of the instructor and of the agent they were about; they are not voided.
    mentions = Statement.objects.filter(statement_id__in=person.objects["mentions"])
    assert len(mentions) == 2 and not any(row.voided for row in mentions)
    for row in mentions:
        statement = json.loads(row.raw)
        assert statement["actor"]["mbox"] == "mailto:other@example.org"
        named = statement.get("context", {}).get("instructor") or statement["object"]
        assert named["account"]["name"].startswith("erased-") and "mbox" not in named
    mentored = next(row for row in mentions if row.object_type == "Agent")
    assert mentored.object_id.startswith("account:") and "erased-" in mentored.object_id

    # Other people's data stays whole: the cohort still counts the place, the plan stays with the company.
    cohort = person.objects["cohort"]
    assert Participant.objects.filter(cohort=cohort).count() == 2
    trainer = Client()
    trainer.force_login(person.others["trainer"])
    dashboard = trainer.get(reverse("workshops:dashboard", args=[cohort.pk]))
    assert dashboard.status_code == 200
    assert "Deleted participant" in dashboard.content.decode()
    plan = IntegrationPlan.objects.get(pk=person.objects["plan"].pk)
    assert plan.hire_languages == "" and plan.permit_expires_on is None and plan.hire_role

    # The certificate stays valid without a name; its public page shows none.
    certificate = Certificate.objects.get(pk=person.objects["certificate"].pk)
    assert certificate.status == Certificate.Status.VALID and certificate.holder_name == ""
    page = Client().get(reverse("certificates:verify", args=[certificate.code_display]))
    assert page.status_code == 200 and "Holder" not in page.content.decode()

    # Logged out, and logging in again says why it fails.
    assert client.get(reverse("accounts:dashboard")).status_code == 302
    login = Client().post(reverse("accounts:login"), {"username": EMAIL, "password": password})
    assert login.status_code == 200
    assert "was deleted" in login.content.decode()

    erasure = Erasure.objects.get()
    assert (
        erasure.reason == Erasure.Reason.OWN_REQUEST and erasure.summary["tracking"]["statements_voided"] >= 2
    )
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASED, subject_ref=erasure.user_id).exists()


@override_settings(PRIVACY_CERTIFICATES_ON_ERASURE="revoke")
def test_certificates_can_be_revoked_instead(person, password):
    delete_own_account(person.user, password)
    certificate = Certificate.objects.get(pk=person.objects["certificate"].pk)
    assert certificate.status == Certificate.Status.REVOKED and certificate.holder_name == ""
    assert rows_mentioning(NAME[1]) == []


def test_a_wrong_password_deletes_nothing(person):
    client = Client()
    client.force_login(person.user)
    response = client.post(reverse("privacy:delete_account"), {"password": "not it", "understood": "on"})
    assert response.status_code == 200
    assert "This is not your password" in response.content.decode()
    assert not Erasure.objects.exists()
    person.user.refresh_from_db()
    assert person.user.email == EMAIL


def test_erasing_twice_changes_nothing_more(person):
    from privacy.services import erase_person

    first = erase_person(person.user, reason=Erasure.Reason.ADMIN)
    second = erase_person(person.user, reason=Erasure.Reason.ADMIN)
    assert first.pk == second.pk and Erasure.objects.count() == 1


def test_a_trainers_zip_that_held_the_persons_certificate_is_built_again_without_it(
    person, password, django_capture_on_commit_callbacks
):
    import zipfile

    from certificates.models import CertificateExport
    from certificates.services import build_export
    from certificates.tests.factories import CertificateFactory

    mine = person.objects["certificate"]
    theirs = CertificateFactory(user=person.others["participant"], course_key=mine.course_key)
    export = CertificateExport.objects.create(
        requested_by=person.others["trainer"],
        course_key=mine.course_key,
        course_title="Welcome at work",
        total=2,
    )
    export.certificates.set([mine, theirs])
    build_export(export)
    export.refresh_from_db()
    built_at = export.finished_at
    with export.archive.open("rb") as handle:
        assert any(NAME[1].lower() in name for name in zipfile.ZipFile(handle).namelist())

    with django_capture_on_commit_callbacks(execute=True):
        delete_own_account(person.user, password)

    export.refresh_from_db()
    assert export.state == CertificateExport.State.DONE and export.total == 1
    assert export.finished_at > built_at
    with export.archive.open("rb") as handle:
        names = zipfile.ZipFile(handle).namelist()
    assert len(names) == 1 and NAME[1].lower() not in names[0] and "participant" in names[0]


def test_agent_shaped_values_in_extensions_that_are_not_identifiers_are_left_alone():
    from tracking.personal_data import _replace_person

    pseudonym = {"objectType": "Agent", "account": {"homePage": "https://x.example", "name": "erased-1"}}
    keys = {f"mbox:mailto:{EMAIL}"}
    statement = {
        "actor": {"mbox": f"mailto:{EMAIL}"},
        "result": {
            "extensions": {
                "https://x.example/e": {"account": "not an account"},
                "https://x.example/f": {"mbox": 7},
            }
        },
    }
    replaced = _replace_person(statement, keys, pseudonym)
    assert replaced["actor"] == pseudonym
    assert replaced["result"] == statement["result"]
