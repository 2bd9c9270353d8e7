"""Input that once answered 500 from the LRS; each now answers 400 and stores nothing (issue 12)."""

import json

import pytest

from tracking.models import Document, Statement

from .test_attachments import attachment_entry, jws, post_multipart, signing_key  # noqa: F401

pytestmark = pytest.mark.django_db

EDGES = ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"]
LESSON = "http://example.org/activities/lesson-1"
AGENT = json.dumps({"mbox": "mailto:learner@example.org"})
SURROGATE_AGENT = '{"mbox": "mailto:learner@example.org", "name": "\\ud800"}'


@pytest.mark.parametrize("moment", EDGES)
def test_data_2_4_7_timestamp_outside_the_storable_range_is_400(lrs, make_statement, moment):
    response = lrs.post("statements", make_statement(timestamp=moment))
    assert response.status_code == 400
    assert "timestamp" in response.json()["error"]
    assert Statement.objects.count() == 0


@pytest.mark.parametrize("moment", EDGES)
@pytest.mark.parametrize("name", ["since", "until"])
def test_communication_2_1_3_since_until_outside_the_calendar_is_400(lrs, moment, name):
    assert lrs.get("statements", {name: moment}).status_code == 400


@pytest.mark.parametrize("moment", EDGES)
def test_communication_2_3_state_since_outside_the_calendar_is_400(lrs, moment):
    params = {"activityId": LESSON, "agent": AGENT, "since": moment}
    assert lrs.get("activities/state", params).status_code == 400


@pytest.mark.parametrize("limit", ["²", "٣", "9" * 5000])
def test_communication_2_1_3_limit_that_is_not_an_ascii_number_is_400(lrs, limit):
    assert lrs.get("statements", {"limit": limit}).status_code == 400


def test_lone_surrogate_in_a_statement_is_400(lrs, make_statement):
    body = json.dumps(make_statement()).replace('"Learner"', '"\\ud800"')
    assert lrs.post("statements", body).status_code == 400
    assert Statement.objects.count() == 0


def test_a_surrogate_pair_is_a_character_and_is_stored(lrs, make_statement):
    body = json.dumps(make_statement()).replace('"Learner"', '"\\ud83d\\ude00"')
    assert lrs.post("statements", body).status_code == 200


@pytest.mark.parametrize(
    "path, params",
    [
        ("statements", {"agent": SURROGATE_AGENT}),
        ("activities/state", {"activityId": LESSON, "agent": SURROGATE_AGENT}),
        ("agents", {"agent": SURROGATE_AGENT}),
    ],
)
def test_lone_surrogate_in_the_agent_parameter_is_400(lrs, path, params):
    assert lrs.get(path, params).status_code == 400


def test_lone_surrogate_merged_into_a_state_document_is_400(lrs):
    params = {"activityId": LESSON, "agent": AGENT, "stateId": "s"}
    assert lrs.post("activities/state", '{"a": 1}', params=params).status_code == 204
    assert lrs.post("activities/state", '{"b": "\\ud800"}', params=params).status_code == 400
    assert json.loads(bytes(Document.objects.get().content)) == {"a": 1}


DEEP = "[" * 100_000 + "]" * 100_000


def test_deeply_nested_json_merged_into_a_document_is_400(lrs):
    params = {"activityId": LESSON, "agent": AGENT, "stateId": "s"}
    assert lrs.post("activities/state", '{"a": ' + DEEP + "}", params=params).status_code == 400
    assert Document.objects.count() == 0


def test_deeply_nested_statement_is_400(lrs):
    assert lrs.post("statements", DEEP).status_code == 400


def test_data_2_6_deeply_nested_jws_payload_is_400(lrs, make_statement, signing_key):  # noqa: F811
    import base64

    statement = make_statement(id="5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1")
    token = jws(statement, *signing_key).decode()
    head, _payload, signature = token.split(".")
    payload = base64.urlsafe_b64encode(DEEP.encode()).rstrip(b"=").decode()
    token = f"{head}.{payload}.{signature}".encode()
    statement["attachments"] = [attachment_entry(token, "application/octet-stream", SIGNATURE)]
    assert post_multipart(lrs, statement, [("application/octet-stream", token)]).status_code == 400


SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"


def test_data_2_6_jws_payload_with_wrongly_typed_attachments_is_400(lrs, make_statement, signing_key):  # noqa: F811
    statement = make_statement(id="5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1")
    token = jws({**statement, "attachments": ["x"], "id": 5}, *signing_key)
    statement["attachments"] = [attachment_entry(token, "application/octet-stream", SIGNATURE)]
    assert post_multipart(lrs, statement, [("application/octet-stream", token)]).status_code == 400
    assert Statement.objects.count() == 0
