import json
import uuid

import pytest
from django.test import override_settings

from tracking import services
from tracking.models import ForwardingDestination, OutboxEntry, Statement, StatementActivity
from tracking.store import Conflict, activity_hash
from tracking.validation import StatementError

pytestmark = pytest.mark.django_db

COURSE = "http://testserver/xapi/activities/course/c1"
LESSON = "http://testserver/xapi/activities/lesson/l1"


def test_activity_iri_uses_site_url_kind_and_key(settings):
    settings.SITE_URL = "https://academy.example"
    assert services.activity_iri("lesson", "abc") == "https://academy.example/xapi/activities/lesson/abc"


def test_record_stores_a_pseudonymous_actor_by_default(make_user, settings):
    user = make_user()
    statement = services.record(user=user, verb="launched", activity_id=LESSON)
    data = json.loads(statement.raw)
    assert data["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(user.xapi_id)},
    }
    assert user.email not in statement.raw


@override_settings(XAPI_ACTOR_USES_EMAIL=True)
def test_record_uses_the_email_when_the_setting_says_so(make_user):
    user = make_user()
    data = services.record(user=user, verb="launched", activity_id=LESSON).data
    assert data["actor"]["mbox"] == f"mailto:{user.email}"


def test_record_builds_verb_object_result_and_context(make_user):
    user = make_user()
    registration = uuid.uuid4()
    statement = services.record(
        user=user,
        verb="passed",
        activity_id=LESSON,
        activity_type="lesson",
        name="Legal hiring",
        result={"score": {"scaled": 0.8}, "success": True},
        registration=registration,
        parent=[COURSE],
        language="ar",
    )
    data = statement.data
    assert data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert data["object"]["definition"] == {
        "name": {"ar": "Legal hiring"},
        "type": "http://adlnet.gov/expapi/activities/lesson",
    }
    assert data["result"] == {"score": {"scaled": 0.8}, "success": True}
    assert data["context"]["registration"] == str(registration)
    assert data["context"]["contextActivities"]["parent"] == [{"objectType": "Activity", "id": COURSE}]
    assert data["context"]["language"] == "ar"
    assert statement.registration == registration
    assert statement.user == user


def test_record_indexes_parent_activities_for_related_queries(make_user):
    statement = services.record(user=make_user(), verb="completed", activity_id=LESSON, parent=[COURSE])
    hashes = set(
        StatementActivity.objects.filter(statement=statement).values_list("activity_hash", flat=True)
    )
    assert {activity_hash(COURSE), activity_hash(LESSON)} <= hashes


def test_record_accepts_a_full_verb_iri(make_user):
    statement = services.record(
        user=make_user(), verb="http://example.org/verbs/reflected", activity_id=LESSON
    )
    assert statement.verb_id == "http://example.org/verbs/reflected"


def test_record_rejects_an_unknown_short_verb(make_user):
    with pytest.raises(ValueError):
        services.record(user=make_user(), verb="danced", activity_id=LESSON)


def test_record_rejects_an_invalid_result(make_user):
    with pytest.raises(StatementError):
        services.record(user=make_user(), verb="scored", activity_id=LESSON, result={"score": {"scaled": 3}})
    assert Statement.objects.count() == 0


def test_record_with_the_same_statement_id_twice_stores_once(make_user):
    user = make_user()
    statement_id = uuid.uuid4()
    first = services.record(
        user=user,
        verb="launched",
        activity_id=LESSON,
        statement_id=statement_id,
        timestamp="2026-01-01T10:00:00Z",
    )
    second = services.record(
        user=user,
        verb="launched",
        activity_id=LESSON,
        statement_id=statement_id,
        timestamp="2026-01-01T10:00:00Z",
    )
    assert first.pk == second.pk
    assert Statement.objects.count() == 1


def test_record_with_a_taken_statement_id_and_other_content_conflicts(make_user):
    user = make_user()
    statement_id = uuid.uuid4()
    services.record(user=user, verb="launched", activity_id=LESSON, statement_id=statement_id)
    with pytest.raises(Conflict):
        services.record(user=user, verb="completed", activity_id=LESSON, statement_id=statement_id)


def test_record_writes_an_outbox_row_per_active_destination(make_user):
    ForwardingDestination.objects.create(name="A", endpoint="http://127.0.0.1:9/xapi/")
    ForwardingDestination.objects.create(name="Off", endpoint="http://127.0.0.1:9/xapi/", is_active=False)
    statement = services.record(user=make_user(), verb="launched", activity_id=LESSON)
    assert list(OutboxEntry.objects.values_list("statement_id", "destination__name")) == [(statement.pk, "A")]


def test_destination_verb_filter_skips_other_verbs(make_user):
    ForwardingDestination.objects.create(
        name="Completions",
        endpoint="http://127.0.0.1:9/xapi/",
        verb_filter="http://adlnet.gov/expapi/verbs/completed",
    )
    user = make_user()
    services.record(user=user, verb="launched", activity_id=LESSON)
    services.record(user=user, verb="completed", activity_id=LESSON)
    assert OutboxEntry.objects.get().statement.verb_id == "http://adlnet.gov/expapi/verbs/completed"


def test_destination_course_filter_matches_parent_and_grouping(make_user):
    ForwardingDestination.objects.create(
        name="Course", endpoint="http://127.0.0.1:9/xapi/", course_filter=COURSE
    )
    user = make_user()
    services.record(user=user, verb="launched", activity_id=LESSON, grouping=[COURSE])
    services.record(user=user, verb="launched", activity_id="http://testserver/xapi/activities/lesson/other")
    assert OutboxEntry.objects.count() == 1


def test_company_destination_only_gets_its_members_statements(make_user):
    from accounts.tests.factories import MembershipFactory, OrganisationFactory

    company = OrganisationFactory()
    ForwardingDestination.objects.create(
        name="Company", endpoint="http://127.0.0.1:9/xapi/", organisation=company
    )
    member = MembershipFactory(organisation=company).user
    services.record(user=member, verb="launched", activity_id=LESSON)
    services.record(user=make_user(), verb="launched", activity_id=LESSON)
    assert OutboxEntry.objects.get().statement.user == member


def test_record_raw_replaces_actor_registration_and_authority(make_user, settings):
    user = make_user()
    registration = uuid.uuid4()
    incoming = {
        "id": "not-a-uuid",
        "actor": {"mbox": "mailto:someone@else.example", "objectType": "Agent"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "http://h5p.example/content/1", "objectType": "Activity"},
        "authority": {"mbox": "mailto:forged@example.org"},
        "context": {"registration": str(uuid.uuid4())},
    }
    data = services.record_raw(incoming, user=user, registration=registration, parent=[LESSON]).data
    assert data["actor"]["account"]["name"] == str(user.xapi_id)
    assert data["context"]["registration"] == str(registration)
    assert data["context"]["contextActivities"]["parent"][0]["id"] == LESSON
    assert data["authority"]["account"] == {"homePage": settings.SITE_URL, "name": "platform"}
    uuid.UUID(data["id"])


def test_record_raw_keeps_a_valid_statement_id(make_user):
    statement_id = str(uuid.uuid4())
    incoming = {
        "id": statement_id,
        "actor": {"mbox": "mailto:x@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "http://h5p.example/content/1"},
    }
    assert str(services.record_raw(incoming, user=make_user()).statement_id) == statement_id


def test_record_raw_rejects_an_invalid_statement(make_user):
    with pytest.raises(StatementError):
        services.record_raw({"verb": {"id": "not an iri"}, "object": {"id": "x:y"}}, user=make_user())


def test_the_platform_organisation_is_looked_up_once_and_forgotten_when_it_changes(make_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = make_user()
    first = services.record(user=user, verb="launched", activity_id=LESSON)
    with CaptureQueriesContext(connection) as context:
        second = services.record(user=user, verb="launched", activity_id=LESSON)
    assert second.organisation_id == first.organisation_id
    assert not any("accounts_organisation" in query["sql"] for query in context.captured_queries)
    organisation = first.organisation
    organisation.name = "Renamed platform"
    organisation.save()
    with CaptureQueriesContext(connection) as context:
        services.record(user=user, verb="launched", activity_id=LESSON)
    assert any("accounts_organisation" in query["sql"] for query in context.captured_queries)
