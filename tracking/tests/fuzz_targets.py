"""The LRS's input surfaces for the fuzz harness (website/tests/fuzzing.py, docs/testing.md)."""

import base64
import json

from hypothesis import strategies as st

from website.tests.fuzzing import Target, dumps, json_bodies, json_values, query_strings, url_text

STATEMENT = {
    "id": "6f1c9a52-1d7e-4b8e-9a0f-2c3d4e5f6a7b",
    "actor": {"objectType": "Agent", "mbox": "mailto:learner@example.org", "name": "Learner"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
    "object": {
        "id": "http://example.org/activities/quiz",
        "definition": {
            "name": {"en-US": "Quiz"},
            "interactionType": "choice",
            "choices": [{"id": "a", "description": {"en-US": "A"}}],
            "correctResponsesPattern": ["a"],
        },
    },
    "result": {
        "score": {"scaled": 0.5, "raw": 5, "min": 0, "max": 10},
        "duration": "PT1.25S",
        "success": True,
    },
    "context": {
        "registration": "0d6c3b9e-8f5a-4a1e-9b3c-7d2e1f0a9b8c",
        "contextActivities": {"parent": [{"id": "http://example.org/course"}]},
        "extensions": {"http://example.org/ext": {"a": [1, 2]}},
    },
    "timestamp": "2026-01-01T10:00:00Z",
}
SUB_STATEMENT = {
    **STATEMENT,
    "object": {"objectType": "SubStatement", **{k: STATEMENT[k] for k in ("actor", "verb", "object")}},
}
SUB_STATEMENT.pop("id")
AGENT = json.dumps({"mbox": "mailto:learner@example.org"})
ACTIVITY = "http://example.org/activities/quiz"


def lrs_key(context):
    from tracking.tests.factories import LRSKeyFactory

    key = LRSKeyFactory()
    return {"lrs_key": key}


def lrs_headers(context):
    key = context["lrs_key"]
    token = base64.b64encode(f"{key.key}:{key.secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}", "HTTP_X_EXPERIENCE_API_VERSION": "2.0.0"}


def sometimes(valid, others=url_text):
    """A parameter that is valid half of the time, so the checks behind the first one are reached."""
    return st.one_of(st.just(valid), others)


agent_values = sometimes(AGENT, st.one_of(url_text, json_values.map(dumps)))
statement_query = st.fixed_dictionaries(
    {},
    optional={
        "agent": agent_values,
        "verb": sometimes("http://adlnet.gov/expapi/verbs/answered"),
        "activity": sometimes(ACTIVITY),
        "registration": sometimes("0d6c3b9e-8f5a-4a1e-9b3c-7d2e1f0a9b8c"),
        "related_activities": sometimes("true"),
        "related_agents": sometimes("true"),
        "since": sometimes("2026-01-01T00:00:00Z"),
        "until": sometimes("2027-01-01T00:00:00Z"),
        "limit": sometimes("2"),
        "ascending": sometimes("true"),
        "format": sometimes("ids"),
        "attachments": sometimes("false"),
        "statementId": sometimes(STATEMENT["id"]),
        "voidedStatementId": url_text,
        "more": url_text,
        "method": url_text,
    },
)


def document_query(id_name, *, activity, agent, registration):
    optional = {id_name: sometimes("doc-1"), "since": sometimes("2026-01-01T00:00:00Z")}
    if activity:
        optional["activityId"] = sometimes(ACTIVITY)
    if agent:
        optional["agent"] = agent_values
    if registration:
        optional["registration"] = sometimes("0d6c3b9e-8f5a-4a1e-9b3c-7d2e1f0a9b8c")
    required = {}
    if activity:
        required["activityId"] = sometimes(ACTIVITY)
    if agent:
        required["agent"] = agent_values
    return st.fixed_dictionaries(required, optional={k: v for k, v in optional.items() if k not in required})


def lrs(url_name, method, **kwargs):
    return Target(url_name, method, setup=lrs_key, headers=lrs_headers, **kwargs)


DOCUMENTS = {
    "tracking:state": document_query("stateId", activity=True, agent=True, registration=True),
    "tracking:activity_profile": document_query("profileId", activity=True, agent=False, registration=False),
    "tracking:agent_profile": document_query("profileId", activity=False, agent=True, registration=False),
}
document_bodies = st.one_of(json_bodies({"progress": 0.5, "bookmark": "p3"}), st.binary(max_size=40))

TARGETS = [
    lrs(
        "tracking:statements",
        "POST",
        body=st.one_of(json_bodies(STATEMENT), json_bodies([STATEMENT, SUB_STATEMENT])),
    ),
    lrs(
        "tracking:statements",
        "PUT",
        query=st.fixed_dictionaries({"statementId": sometimes(STATEMENT["id"])}),
        body=json_bodies(STATEMENT),
    ),
    lrs(
        "tracking:statements",
        "POST",
        label="tracking:statements POST multipart",
        content_type="multipart/mixed; boundary=xapi",
        body=st.one_of(
            st.binary(max_size=200),
            json_bodies(STATEMENT).map(
                lambda body: (
                    "--xapi\r\nContent-Type: application/json\r\n\r\n"
                    + (body.decode("latin-1") if isinstance(body, bytes) else body)
                    + "\r\n--xapi--\r\n"
                )
            ),
        ),
    ),
    lrs("tracking:statements", "GET", query=statement_query),
    lrs("tracking:activities", "GET", query=query_strings(["activityId"], values=sometimes(ACTIVITY))),
    lrs("tracking:agents", "GET", query=query_strings(["agent"], values=agent_values)),
]
for name, query in DOCUMENTS.items():
    TARGETS += [
        lrs(name, "GET", query=query),
        lrs(name, "PUT", query=query, body=document_bodies),
        lrs(name, "POST", query=query, body=document_bodies),
        lrs(name, "DELETE", query=query),
    ]

NO_INPUT = {
    "tracking:about": "reads only the X-Experience-API-Version header to pick the versions it lists",
}
