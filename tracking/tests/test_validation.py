"""Formatting requirements of the xAPI data model, each checked through the API (400 + rule message)."""

import pytest

pytestmark = pytest.mark.django_db

ACTOR = {"objectType": "Agent", "mbox": "mailto:learner@example.org"}
VERB = {"id": "http://adlnet.gov/expapi/verbs/completed"}
ACTIVITY = {"objectType": "Activity", "id": "http://example.org/a"}


def base(**overrides):
    statement = {"actor": ACTOR, "verb": VERB, "object": ACTIVITY}
    statement.update(overrides)
    return {key: value for key, value in statement.items() if value is not ...}


INVALID = {
    "missing actor": (base(actor=...), "actor"),
    "missing verb": (base(verb=...), "verb"),
    "missing object": (base(object=...), "object"),
    "unknown top-level property": (base(colour="blue"), "colour"),
    "wrong case property": (base(Actor=ACTOR), "Actor"),
    "null value": (base(result=None), "null"),
    "id not a uuid": (base(id="123"), "id"),
    "agent without ifi": (base(actor={"name": "Nobody"}), "actor"),
    "agent with two ifis": (base(actor={"mbox": "mailto:a@b.org", "openid": "http://a.org/me"}), "actor"),
    "mbox without mailto": (base(actor={"mbox": "a@b.org"}), "actor.mbox"),
    "bad mbox_sha1sum": (base(actor={"mbox_sha1sum": "xyz"}), "mbox_sha1sum"),
    "account without homePage": (base(actor={"account": {"name": "x"}}), "account"),
    "account homePage not iri": (base(actor={"account": {"name": "x", "homePage": "nope"}}), "homePage"),
    "agent name not string": (base(actor={"mbox": "mailto:a@b.org", "name": 5}), "name"),
    "unknown actor objectType": (
        base(actor={"objectType": "Person", "mbox": "mailto:a@b.org"}),
        "objectType",
    ),
    "anonymous group without members": (base(actor={"objectType": "Group"}), "member"),
    "group member is a group": (
        base(actor={"objectType": "Group", "member": [{"objectType": "Group", "mbox": "mailto:g@b.org"}]}),
        "member",
    ),
    "verb id not iri": (base(verb={"id": "completed"}), "verb.id"),
    "verb without id": (base(verb={"display": {"en": "done"}}), "verb"),
    "verb display not language map": (base(verb={**VERB, "display": "done"}), "display"),
    "bad language tag": (base(verb={**VERB, "display": {"not a tag": "done"}}), "language tag"),
    "activity id not iri": (base(object={"id": "lesson one"}), "object.id"),
    "activity without id": (base(object={"objectType": "Activity"}), "id"),
    "unknown object type": (base(object={"objectType": "Thing", "id": "http://a.org"}), "objectType"),
    "definition type not iri": (base(object={**ACTIVITY, "definition": {"type": "lesson"}}), "type"),
    "bad interaction type": (
        base(object={**ACTIVITY, "definition": {"interactionType": "essay"}}),
        "interactionType",
    ),
    "component for wrong interaction type": (
        base(object={**ACTIVITY, "definition": {"interactionType": "true-false", "choices": []}}),
        "choices",
    ),
    "duplicate component ids": (
        base(
            object={
                **ACTIVITY,
                "definition": {"interactionType": "choice", "choices": [{"id": "a"}, {"id": "a"}]},
            }
        ),
        "unique",
    ),
    "correctResponsesPattern not strings": (
        base(
            object={**ACTIVITY, "definition": {"interactionType": "choice", "correctResponsesPattern": [1]}}
        ),
        "correctResponsesPattern",
    ),
    "extension key not iri": (
        base(object={**ACTIVITY, "definition": {"extensions": {"colour": 1}}}),
        "extensions",
    ),
    "statement ref with bad id": (base(object={"objectType": "StatementRef", "id": "x"}), "object.id"),
    "nested substatement": (
        base(
            object={
                "objectType": "SubStatement",
                "actor": ACTOR,
                "verb": VERB,
                "object": {"objectType": "SubStatement", "actor": ACTOR, "verb": VERB, "object": ACTIVITY},
            }
        ),
        "SubStatement",
    ),
    "substatement with id": (
        base(
            object={
                "objectType": "SubStatement",
                "id": "5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1",
                "actor": ACTOR,
                "verb": VERB,
                "object": ACTIVITY,
            }
        ),
        "id",
    ),  # fmt: skip
    "scaled score above 1": (base(result={"score": {"scaled": 1.5}}), "scaled"),
    "raw score above max": (base(result={"score": {"raw": 11, "max": 10}}), "raw"),
    "min not below max": (base(result={"score": {"min": 5, "max": 5}}), "min"),
    "score not a number": (base(result={"score": {"raw": "10"}}), "raw"),
    "success not boolean": (base(result={"success": "yes"}), "success"),
    "bad duration": (base(result={"duration": "5 minutes"}), "duration"),
    "weeks combined with days": (base(result={"duration": "P4W1D"}), "duration"),
    "duration with a letter for a number": (base(result={"duration": "PA1H0M0S"}), "duration"),
    "duration as a number": (base(result={"duration": 12345}), "duration"),
    "registration not uuid": (base(context={"registration": "abc"}), "registration"),
    "revision with agent object": (
        base(object={"mbox": "mailto:x@y.org", "objectType": "Agent"}, context={"revision": "1"}),
        "revision",
    ),  # fmt: skip
    "platform with statement ref object": (
        base(
            object={"objectType": "StatementRef", "id": "5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1"},
            context={"platform": "web"},
        ),
        "platform",
    ),  # fmt: skip
    "team not a group": (base(context={"team": {"mbox": "mailto:t@b.org"}}), "team"),
    "unknown context activities key": (
        base(context={"contextActivities": {"sibling": [ACTIVITY]}}),
        "sibling",
    ),
    "context language not a tag": (base(context={"language": "english please"}), "language"),
    "context statement not ref": (base(context={"statement": {"id": "x"}}), "statement"),
    "timestamp not iso": (base(timestamp="yesterday"), "timestamp"),
    "timestamp with negative zero offset": (base(timestamp="2026-01-01T10:00:00-00:00"), "-00:00"),
    "timestamp with -0000 offset": (base(timestamp="2008-09-15T15:53:00.601-0000"), "-00:00"),
    "timestamp with -00 offset": (base(timestamp="2008-09-15T15:53:00.601-00"), "-00:00"),
    "timestamp as a US date": (base(timestamp="01/011/2015"), "timestamp"),
    "impossible date": (base(timestamp="2026-02-30T10:00:00Z"), "timestamp"),
    "version 3": (base(version="3.0.0"), "version"),
    "attachment without sha2": (
        base(
            attachments=[
                {
                    "usageType": "http://a.org/u",
                    "display": {"en": "x"},
                    "contentType": "text/plain",
                    "length": 1,
                }
            ]
        ),
        "sha2",
    ),  # fmt: skip
    "attachment length negative": (
        base(
            attachments=[
                {
                    "usageType": "http://a.org/u",
                    "display": {"en": "x"},
                    "contentType": "text/plain",
                    "length": -1,
                    "sha2": "a" * 64,
                    "fileUrl": "http://a.org/f",
                }
            ]
        ),
        "length",
    ),  # fmt: skip
    "authority group with three members": (
        base(authority={"objectType": "Group", "member": [ACTOR, ACTOR, ACTOR]}),
        "authority",
    ),
    "context agents wrong objectType": (
        base(context={"contextAgents": [{"objectType": "Agent", "agent": ACTOR}]}),
        "contextAgent",
    ),
    "context groups relevantTypes empty": (
        base(
            context={
                "contextGroups": [
                    {
                        "objectType": "contextGroup",
                        "group": {"objectType": "Group", "member": [ACTOR]},
                        "relevantTypes": [],
                    }
                ]
            }
        ),
        "relevantTypes",
    ),  # fmt: skip
    "statement is not an object": ('"just a string"', "object"),
}


@pytest.mark.parametrize("statement, rule", INVALID.values(), ids=list(INVALID))
def test_invalid_statement_is_rejected_with_a_rule_message(lrs, statement, rule):
    response = lrs.post("statements", statement)
    assert response.status_code == 400, response.content
    assert rule.lower() in response.json()["error"].lower()


VALID = {
    "minimal": base(),
    "openid actor": base(actor={"openid": "http://openid.example.org/me"}),
    "identified group with members": base(
        actor={
            "objectType": "Group",
            "account": {"homePage": "http://a.org", "name": "team"},
            "member": [ACTOR],
        }
    ),
    "agent object": base(object={"objectType": "Agent", "mbox": "mailto:x@y.org"}),
    "substatement": base(
        object={"objectType": "SubStatement", "actor": ACTOR, "verb": VERB, "object": ACTIVITY}
    ),
    "interaction": base(
        object={
            **ACTIVITY,
            "definition": {
                "interactionType": "likert",
                "scale": [{"id": "1", "description": {"en": "Bad"}}],
                "correctResponsesPattern": ["1"],
            },
        }
    ),
    "full result": base(
        result={
            "score": {"scaled": -0.5, "raw": 2, "min": 0, "max": 4},
            "success": False,
            "completion": True,
            "response": "b",
            "duration": "PT1H2M3.5S",
            "extensions": {"http://a.org/e": None},
        }
    ),  # fmt: skip
    "context": base(
        context={
            "registration": "5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1",
            "instructor": ACTOR,
            "revision": "2",
            "platform": "web",
            "language": "ar-SA",
            "contextActivities": {"grouping": ACTIVITY},
            "contextAgents": [
                {"objectType": "contextAgent", "agent": ACTOR, "relevantTypes": ["http://a.org/t"]}
            ],
        }
    ),  # fmt: skip
    "timestamp with offset": base(timestamp="2026-01-01T10:00:00.123+02:00"),
    "duration in weeks": base(result={"duration": "P4W"}),
    "duration in seconds only": base(result={"duration": "PT16559.14S"}),
    "duration with every part": base(result={"duration": "P3Y1M29DT4H35M59.14S"}),
    "timestamp without zone": base(timestamp="2026-01-01T10:00:00"),
    "RFC 3339 timestamp with a space": base(timestamp="2008-09-15 15:53:00.601+00:00"),
    "version 1.0.3": base(version="1.0.3"),
    "uppercase uuid": base(id="5B7F1F4B-8F0A-4C49-9D2A-52B5B5E4D7A1"),
    "objectType Statement": base(objectType="Statement"),
}


@pytest.mark.parametrize("statement", VALID.values(), ids=list(VALID))
def test_valid_statement_is_accepted(lrs, statement):
    response = lrs.post("statements", statement)
    assert response.status_code == 200, response.content


def test_uppercase_statement_id_is_stored_lowercase(lrs):
    lrs.post("statements", base(id="5B7F1F4B-8F0A-4C49-9D2A-52B5B5E4D7A1"))
    assert lrs.get("statements", {"statementId": "5b7f1f4b-8f0a-4c49-9d2a-52b5b5e4d7a1"}).status_code == 200
