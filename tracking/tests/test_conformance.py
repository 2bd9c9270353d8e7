"""Rules of xAPI 2.0.0 (IEEE 9274.1.1) the store once broke; each test names the section it checks."""

import json

import pytest

from tracking.models import Document, Statement

from .conftest import new_id
from .test_attachments import attachment_entry, jws, post_multipart, signing_key  # noqa: F401

pytestmark = pytest.mark.django_db

SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"
CONSISTENT = "X-Experience-API-Consistent-Through"
LESSON = "http://example.org/activities/lesson-1"


# --- Communication 2.1.3 GET Statements: X-Experience-API-Consistent-Through ------------------


@pytest.mark.parametrize(
    "params",
    [
        {"statementId": "not-a-uuid"},
        {"statementId": "00000000-0000-4000-8000-000000000000"},
        {"voidedStatementId": "00000000-0000-4000-8000-000000000000"},
        {"limit": "many"},
        {"unknown": "x"},
        {"more": "forged"},
        {},
    ],
)
def test_communication_2_1_3_every_statements_get_has_consistent_through(lrs, params):
    response = lrs.get("statements", params)
    assert CONSISTENT in response.headers, response.status_code


def test_communication_2_1_3_consistent_through_also_on_refused_credentials(lrs_key):
    from .conftest import LRSClient

    response = LRSClient(None).get("statements")
    assert response.status_code == 401
    assert CONSISTENT in response.headers


# --- Data 2.4.4.1 Activity Definition (interaction activities): wrongly typed members -----------


def interaction(definition):
    return {
        "actor": {"mbox": "mailto:learner@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": LESSON, "definition": definition},
    }


WRONGLY_TYPED = {
    "interactionType object": interaction({"interactionType": {"choice": True}}),
    "interactionType array": interaction({"interactionType": ["choice"]}),
    "interactionType number": interaction({"interactionType": 3}),
    "interactionType object in a SubStatement": {
        "actor": {"mbox": "mailto:learner@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"objectType": "SubStatement", **interaction({"interactionType": {"a": 1}})},
    },
}


@pytest.mark.parametrize("statement", WRONGLY_TYPED.values(), ids=WRONGLY_TYPED.keys())
def test_data_2_4_4_1_wrongly_typed_interaction_type_is_400_with_the_rule(lrs, statement):
    response = lrs.post("statements", statement)
    assert response.status_code == 400
    assert "interactionType" in response.json()["error"]
    assert Statement.objects.count() == 0


# --- Data 2.4.9 Authority: a Group is an anonymous Group of exactly two Agents (OAuth 3-legged) --

AGENT_A = {"objectType": "Agent", "account": {"homePage": "http://example.org", "name": "app"}}
AGENT_B = {"objectType": "Agent", "mbox": "mailto:user@example.org"}

BAD_AUTHORITIES = {
    "identified group": {
        "objectType": "Group",
        "mbox": "mailto:team@example.org",
        "member": [AGENT_A, AGENT_B],
    },
    "identified group without members": {"objectType": "Group", "mbox": "mailto:team@example.org"},
    "one member": {"objectType": "Group", "member": [AGENT_A]},
    "three members": {"objectType": "Group", "member": [AGENT_A, AGENT_B, AGENT_B]},
    "member not an object": {"objectType": "Group", "member": [AGENT_A, "user"]},
}


@pytest.mark.parametrize("authority", BAD_AUTHORITIES.values(), ids=BAD_AUTHORITIES.keys())
def test_data_2_4_9_group_authority_must_be_anonymous_with_two_agents(lrs, make_statement, authority):
    response = lrs.post("statements", make_statement(authority=authority))
    assert response.status_code == 400
    assert "authority" in response.json()["error"]


def test_data_2_4_9_oauth_three_legged_authority_is_accepted(lrs, make_statement):
    authority = {"objectType": "Group", "member": [AGENT_A, AGENT_B]}
    assert lrs.post("statements", make_statement(authority=authority)).status_code == 200


# --- Communication 2.1.3 GET Statements, format=ids: an Activity is its id alone ---------------


def test_communication_2_1_3_format_ids_reduces_activities_to_their_id(lrs, make_statement):
    statement = make_statement(
        context={
            "contextActivities": {
                "parent": [{"objectType": "Activity", "id": "http://example.org/course", "definition": {}}]
            }
        }
    )
    sub = make_statement()
    sub["objectType"] = "SubStatement"
    wrapper = make_statement(object=sub)
    first = lrs.post("statements", statement).json()[0]
    second = lrs.post("statements", wrapper).json()[0]
    plain = lrs.get("statements", {"statementId": first, "format": "ids"}).json()
    assert plain["object"] == {"id": LESSON}
    assert plain["context"]["contextActivities"]["parent"] == [{"id": "http://example.org/course"}]
    nested = lrs.get("statements", {"statementId": second, "format": "ids"}).json()
    assert nested["object"]["object"] == {"id": LESSON}
    assert nested["object"]["objectType"] == "SubStatement"


# --- Communication 2.5 Activities Resource: the canonical definition from every statement -------


def test_communication_2_5_activity_definition_merges_every_statement(lrs, make_statement):
    first = make_statement(
        object={
            "id": LESSON,
            "definition": {
                "name": {"en-US": "Lesson 1"},
                "description": {"en-US": "Hiring basics"},
                "type": "http://adlnet.gov/expapi/activities/lesson",
            },
        }
    )
    later = make_statement(
        object={"id": LESSON, "definition": {"description": {"fr-FR": "Les bases du recrutement"}}}
    )
    through_context = make_statement(
        object={"id": "http://example.org/activities/quiz"},
        context={
            "contextActivities": {"parent": [{"id": LESSON, "definition": {"name": {"de": "Lektion 1"}}}]}
        },
    )
    for statement in (first, later, through_context):
        assert lrs.post("statements", statement).status_code == 200
    definition = lrs.get("activities", {"activityId": LESSON}).json()["definition"]
    assert definition["description"] == {"en-US": "Hiring basics", "fr-FR": "Les bases du recrutement"}
    assert definition["name"] == {"en-US": "Lesson 1", "de": "Lektion 1"}
    assert definition["type"] == "http://adlnet.gov/expapi/activities/lesson"


def test_communication_2_5_a_newer_definition_wins_for_the_same_language(lrs, make_statement):
    for title in ("Old title", "New title"):
        statement = make_statement(object={"id": LESSON, "definition": {"name": {"en-US": title}}})
        lrs.post("statements", statement)
    assert lrs.get("activities", {"activityId": LESSON}).json()["definition"]["name"] == {
        "en-US": "New title"
    }


# --- Data 2.6 Signed Statements / 2.3.1 comparison: durations equal to 0.01 s -------------------


def test_data_2_6_signed_payload_duration_compared_to_hundredths(lrs, make_statement, signing_key):  # noqa: F811
    statement = make_statement(id="5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1", result={"duration": "PT0.1237S"})
    payload = {**statement, "result": {"duration": "PT0.12S"}}
    token = jws(payload, *signing_key)
    statement["attachments"] = [attachment_entry(token, "application/octet-stream", SIGNATURE)]
    response = post_multipart(lrs, statement, [("application/octet-stream", token)])
    assert response.status_code == 200, response.content


def test_data_2_6_signed_payload_with_another_duration_is_refused(lrs, make_statement, signing_key):  # noqa: F811
    statement = make_statement(id="5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1", result={"duration": "PT0.13S"})
    payload = {**statement, "result": {"duration": "PT0.12S"}}
    token = jws(payload, *signing_key)
    statement["attachments"] = [attachment_entry(token, "application/octet-stream", SIGNATURE)]
    response = post_multipart(lrs, statement, [("application/octet-stream", token)])
    assert response.status_code == 400


def test_data_2_3_1_resent_statement_with_truncated_duration_is_the_same(lrs, make_statement):
    statement_id = new_id()
    lrs.post("statements", make_statement(id=statement_id, result={"duration": "PT0.1237S"}))
    again = make_statement(id=statement_id, result={"duration": "PT0.12S"})
    assert lrs.post("statements", again).status_code == 200
    assert Statement.objects.count() == 1


# --- Data 2.2 (JSON, RFC 8259): numbers JSON cannot carry are refused at the door ---------------

NON_FINITE = ["1e999", "-1e999", "NaN", "Infinity", "-Infinity"]


@pytest.mark.parametrize("number", NON_FINITE)
def test_data_2_2_non_finite_numbers_in_statements_are_400(lrs, make_statement, number):
    body = json.dumps(make_statement(result={"extensions": {"http://example.org/x": 0}})).replace(
        '"http://example.org/x": 0', f'"http://example.org/x": {number}'
    )
    response = lrs.post("statements", body)
    assert response.status_code == 400
    assert Statement.objects.count() == 0
    score = json.dumps(make_statement(result={"score": {"raw": 0}})).replace('"raw": 0', f'"raw": {number}')
    assert lrs.post("statements", score).status_code == 400


STATE = {
    "activityId": LESSON,
    "agent": json.dumps({"mbox": "mailto:learner@example.org"}),
    "stateId": "bookmark",
}


@pytest.mark.parametrize("number", NON_FINITE)
@pytest.mark.parametrize("method", ["put", "post"])
def test_data_2_2_non_finite_numbers_in_json_documents_are_400(lrs, number, method):
    response = getattr(lrs, method)("activities/state", '{"progress": ' + number + "}", params=STATE)
    assert response.status_code == 400
    assert Document.objects.count() == 0
