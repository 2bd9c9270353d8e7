import json
import uuid

import pytest

from tracking.models import Statement

from .conftest import new_id

pytestmark = pytest.mark.django_db

VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def statements_of(response):
    return response.json()["statements"]


def test_post_single_statement_returns_its_generated_id(lrs, make_statement):
    response = lrs.post("statements", make_statement())
    assert response.status_code == 200
    ids = response.json()
    assert len(ids) == 1
    uuid.UUID(ids[0])
    assert Statement.objects.filter(statement_id=ids[0]).exists()


def test_post_batch_returns_ids_in_order(lrs, make_statement):
    given = [new_id(), new_id(), new_id()]
    response = lrs.post("statements", [make_statement(id=value) for value in given])
    assert response.json() == given


def test_put_stores_with_the_statement_id_and_answers_204(lrs, make_statement):
    statement_id = new_id()
    response = lrs.put("statements", make_statement(), params={"statementId": statement_id})
    assert response.status_code == 204
    assert lrs.get("statements", {"statementId": statement_id}).json()["id"] == statement_id


def test_put_without_statement_id_is_400(lrs, make_statement):
    assert lrs.put("statements", make_statement()).status_code == 400


def test_put_with_a_different_id_in_the_body_is_400(lrs, make_statement):
    response = lrs.put("statements", make_statement(id=new_id()), params={"statementId": new_id()})
    assert response.status_code == 400


def test_resending_an_identical_statement_is_accepted_and_stored_once(lrs, make_statement):
    statement = make_statement(id=new_id(), timestamp="2026-01-01T10:00:00Z")
    assert lrs.post("statements", statement).status_code == 200
    assert lrs.put("statements", statement, params={"statementId": statement["id"]}).status_code == 204
    assert Statement.objects.count() == 1


def test_same_id_with_different_content_is_409(lrs, make_statement):
    statement_id = new_id()
    lrs.post("statements", make_statement(id=statement_id))
    other = make_statement(id=statement_id, verb={"id": "http://adlnet.gov/expapi/verbs/failed"})
    assert lrs.post("statements", other).status_code == 409
    assert lrs.put("statements", other, params={"statementId": statement_id}).status_code == 409


def test_batch_with_one_invalid_statement_stores_nothing(lrs, make_statement):
    response = lrs.post("statements", [make_statement(), make_statement(verb={"id": "no iri"})])
    assert response.status_code == 400
    assert "statements[1]" in response.json()["error"]
    assert Statement.objects.count() == 0


def test_batch_with_duplicate_ids_is_400(lrs, make_statement):
    statement_id = new_id()
    response = lrs.post("statements", [make_statement(id=statement_id), make_statement(id=statement_id)])
    assert response.status_code == 400


def test_lrs_sets_stored_timestamp_authority_and_version(lrs, lrs_key, make_statement):
    statement_id = lrs.post("statements", make_statement()).json()[0]
    stored = lrs.get("statements", {"statementId": statement_id}).json()
    assert stored["stored"].endswith("Z")
    assert stored["timestamp"] == stored["stored"]
    assert stored["version"] == "2.0.0"
    assert stored["authority"]["account"]["name"] == f"lrs-key:{lrs_key.key}"


def test_client_supplied_authority_is_replaced(lrs, make_statement):
    statement = make_statement(authority={"objectType": "Agent", "mbox": "mailto:boss@example.org"})
    statement_id = lrs.post("statements", statement).json()[0]
    assert "mbox" not in lrs.get("statements", {"statementId": statement_id}).json()["authority"]


def test_single_context_activity_is_returned_as_an_array(lrs, make_statement):
    parent = {"id": "http://example.org/course"}
    statement_id = lrs.post(
        "statements", make_statement(context={"contextActivities": {"parent": parent}})
    ).json()[0]
    returned = lrs.get("statements", {"statementId": statement_id}).json()
    assert returned["context"]["contextActivities"]["parent"] == [parent]


def test_get_unknown_statement_is_404(lrs):
    assert lrs.get("statements", {"statementId": new_id()}).status_code == 404


def test_get_single_statement_carries_last_modified_and_consistent_through(lrs, make_statement):
    statement_id = lrs.post("statements", make_statement()).json()[0]
    response = lrs.get("statements", {"statementId": statement_id})
    assert response["Last-Modified"]
    assert response["X-Experience-API-Consistent-Through"]
    assert response["X-Experience-API-Version"] == "2.0.0"


def test_statement_id_combined_with_filters_is_400(lrs, make_statement):
    statement_id = lrs.post("statements", make_statement()).json()[0]
    response = lrs.get("statements", {"statementId": statement_id, "verb": "http://example.org/v"})
    assert response.status_code == 400


def test_unknown_query_parameter_is_400(lrs):
    response = lrs.get("statements", {"colour": "blue"})
    assert response.status_code == 400
    assert "colour" in response.json()["error"]


# --- voiding ---------------------------------------------------------------------------------


def void(lrs, target):
    return lrs.post(
        "statements",
        {
            "actor": {"mbox": "mailto:admin@example.org"},
            "verb": {"id": VOIDED, "display": {"en-US": "voided"}},
            "object": {"objectType": "StatementRef", "id": target},
        },
    )


def test_voided_statement_is_only_found_by_voided_statement_id(lrs, make_statement):
    target = lrs.post("statements", make_statement()).json()[0]
    assert void(lrs, target).status_code == 200
    assert lrs.get("statements", {"statementId": target}).status_code == 404
    assert lrs.get("statements", {"voidedStatementId": target}).json()["id"] == target
    assert target not in [item["id"] for item in statements_of(lrs.get("statements"))]


def test_voiding_statement_itself_is_listed(lrs, make_statement):
    target = lrs.post("statements", make_statement()).json()[0]
    voiding = void(lrs, target).json()[0]
    assert voiding in [item["id"] for item in statements_of(lrs.get("statements"))]


def test_voiding_a_voiding_statement_is_rejected(lrs, make_statement):
    target = lrs.post("statements", make_statement()).json()[0]
    voiding = void(lrs, target).json()[0]
    assert void(lrs, voiding).status_code == 400
    assert lrs.get("statements", {"statementId": voiding}).status_code == 200


def test_voiding_statement_needs_a_statement_ref(lrs, make_statement):
    response = lrs.post("statements", make_statement(verb={"id": VOIDED}))
    assert response.status_code == 400
    assert "StatementRef" in response.json()["error"]


def test_voided_statement_id_of_a_live_statement_is_404(lrs, make_statement):
    target = lrs.post("statements", make_statement()).json()[0]
    assert lrs.get("statements", {"voidedStatementId": target}).status_code == 404


# --- filters ---------------------------------------------------------------------------------


@pytest.fixture
def varied(lrs, make_statement):
    """Five statements with different agents, verbs, activities and registrations."""
    registration = new_id()
    course = {"id": "http://example.org/course"}
    made = {
        "a_completed": make_statement(),
        "b_completed": make_statement(actor={"mbox": "mailto:other@example.org"}),
        "a_failed": make_statement(verb={"id": "http://adlnet.gov/expapi/verbs/failed"}),
        "a_in_course": make_statement(
            object={"id": "http://example.org/activities/lesson-2"},
            context={"registration": registration, "contextActivities": {"parent": [course]}},
        ),
        "agent_object": make_statement(
            actor={"mbox": "mailto:trainer@example.org"},
            verb={"id": "http://example.org/verbs/mentored"},
            object={"objectType": "Agent", "mbox": "mailto:learner@example.org"},
            context={"instructor": {"mbox": "mailto:coach@example.org"}},
        ),
    }
    ids = {}
    for name, statement in made.items():
        ids[name] = lrs.post("statements", statement).json()[0]
    ids["registration"] = registration
    return ids


def found(lrs, **params):
    response = lrs.get("statements", params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in statements_of(response)}


def test_filter_by_agent_matches_actor_and_agent_object(lrs, varied):
    result = found(lrs, agent=json.dumps({"mbox": "mailto:learner@example.org"}))
    assert result == {varied[name] for name in ("a_completed", "a_failed", "a_in_course", "agent_object")}


def test_filter_by_related_agents_includes_instructors(lrs, varied):
    agent = json.dumps({"mbox": "mailto:coach@example.org"})
    assert found(lrs, agent=agent) == set()
    assert found(lrs, agent=agent, related_agents="true") == {varied["agent_object"]}


def test_filter_by_verb(lrs, varied):
    assert found(lrs, verb="http://adlnet.gov/expapi/verbs/failed") == {varied["a_failed"]}


def test_filter_by_activity_uses_the_object_only(lrs, varied):
    assert found(lrs, activity="http://example.org/activities/lesson-2") == {varied["a_in_course"]}
    assert found(lrs, activity="http://example.org/course") == set()


def test_filter_by_related_activities_includes_context_activities(lrs, varied):
    assert found(lrs, activity="http://example.org/course", related_activities="true") == {
        varied["a_in_course"]
    }


def test_filter_by_registration(lrs, varied):
    assert found(lrs, registration=varied["registration"]) == {varied["a_in_course"]}


def test_filters_combine(lrs, varied):
    agent = json.dumps({"mbox": "mailto:learner@example.org"})
    assert found(lrs, agent=agent, verb="http://adlnet.gov/expapi/verbs/completed") == {
        varied["a_completed"],
        varied["a_in_course"],
    }


def test_since_and_until_filter_on_stored_not_timestamp(lrs, make_statement):
    old = lrs.post("statements", make_statement(timestamp="2001-01-01T00:00:00Z")).json()[0]
    stored = lrs.get("statements", {"statementId": old}).json()["stored"]
    assert found(lrs, since="2020-01-01T00:00:00Z") == {old}
    assert found(lrs, until="2020-01-01T00:00:00Z") == set()
    assert found(lrs, until=stored) == {old}
    assert found(lrs, since=stored) == set()


def test_results_are_newest_first_unless_ascending(lrs, make_statement):
    ids = [lrs.post("statements", make_statement()).json()[0] for _ in range(3)]
    assert [item["id"] for item in statements_of(lrs.get("statements"))] == ids[::-1]
    assert [item["id"] for item in statements_of(lrs.get("statements", {"ascending": "true"}))] == ids


def test_more_link_pages_through_every_statement_once(lrs, make_statement):
    ids = lrs.post("statements", [make_statement() for _ in range(7)]).json()
    seen = []
    response = lrs.get("statements", {"limit": 3})
    while True:
        body = response.json()
        assert len(body["statements"]) <= 3
        seen.extend(item["id"] for item in body["statements"])
        if not body["more"]:
            break
        path = body["more"].removeprefix("/xapi/")
        response = lrs.client.get("/xapi/" + path, **lrs.headers())
    assert seen == ids[::-1]


def test_more_link_of_another_organisation_is_rejected(lrs, make_statement):
    from .conftest import LRSClient
    from .factories import LRSKeyFactory

    lrs.post("statements", [make_statement() for _ in range(3)])
    more = lrs.get("statements", {"limit": 1}).json()["more"]
    stranger = LRSClient(LRSKeyFactory())
    response = stranger.client.get(more, **stranger.headers())
    assert response.status_code == 400


def test_tampered_more_link_is_400(lrs, make_statement):
    lrs.post("statements", [make_statement() for _ in range(3)])
    more = lrs.get("statements", {"limit": 1}).json()["more"]
    assert lrs.client.get(more + "x", **lrs.headers()).status_code == 400


def test_invalid_filter_values_are_400(lrs):
    for params in (
        {"agent": "not json"},
        {"agent": json.dumps({"name": "no ifi"})},
        {"verb": "not an iri"},
        {"registration": "nope"},
        {"since": "yesterday"},
        {"limit": "-1"},
        {"ascending": "maybe"},
        {"format": "pretty"},
        {"attachments": "perhaps"},
    ):
        assert lrs.get("statements", params).status_code == 400, params


def test_format_ids_keeps_only_identifiers(lrs, make_statement):
    statement_id = lrs.post("statements", make_statement()).json()[0]
    returned = lrs.get("statements", {"statementId": statement_id, "format": "ids"}).json()
    assert returned["actor"] == {"objectType": "Agent", "mbox": "mailto:learner@example.org"}
    assert returned["verb"] == {"id": "http://adlnet.gov/expapi/verbs/completed"}
    assert returned["object"] == {"id": "http://example.org/activities/lesson-1"}


def test_format_canonical_keeps_one_language(lrs, make_statement):
    statement_id = lrs.post("statements", make_statement()).json()[0]
    response = lrs.get(
        "statements", {"statementId": statement_id, "format": "canonical"}, headers={"Accept-Language": "de"}
    )
    assert response.json()["object"]["definition"]["name"] == {"de": "Lektion 1"}


def test_limit_is_respected(lrs, make_statement):
    lrs.post("statements", [make_statement() for _ in range(5)])
    body = lrs.get("statements", {"limit": 2}).json()
    assert len(body["statements"]) == 2
    assert body["more"].startswith("/xapi/statements?more=")


# --- bad input -------------------------------------------------------------------------------


def test_malformed_json_is_400(lrs):
    response = lrs.post("statements", "{not json")
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]


def test_wrong_content_type_is_400(lrs, make_statement):
    response = lrs.post("statements", json.dumps(make_statement()), content_type="text/plain")
    assert response.status_code == 400


def test_oversized_body_is_413(lrs, make_statement, settings):
    settings.XAPI_MAX_BODY_BYTES = 100
    response = lrs.post("statements", make_statement())
    assert response.status_code == 413
    assert Statement.objects.count() == 0


def test_empty_batch_and_non_object_entries_are_400(lrs):
    assert lrs.post("statements", []).status_code == 400
    assert lrs.post("statements", [1, 2]).status_code == 400
    assert lrs.post("statements", "").status_code == 400


def test_alternate_request_syntax_is_rejected(lrs, make_statement):
    assert lrs.post("statements", make_statement(), params={"method": "PUT"}).status_code == 400


def test_head_answers_without_a_body(lrs, make_statement):
    lrs.post("statements", make_statement())
    response = lrs.head("statements")
    assert response.status_code == 200
    assert response.content == b""
    assert response["X-Experience-API-Version"]


def test_delete_on_statements_is_405(lrs):
    assert lrs.delete("statements").status_code == 405


# --- filter conditions for StatementRefs -----------------------------------------------------


def test_voiding_statement_is_found_by_the_voided_statements_verb(lrs, make_statement):
    target = lrs.post(
        "statements", make_statement(verb={"id": "http://adlnet.gov/expapi/verbs/failed"})
    ).json()[0]
    voiding = void(lrs, target).json()[0]
    assert found(lrs, verb="http://adlnet.gov/expapi/verbs/failed") == {voiding}


def test_statement_ref_is_found_by_the_target_activity_and_agent(lrs, make_statement):
    target = lrs.post("statements", make_statement()).json()[0]
    reference = lrs.post(
        "statements",
        {
            "actor": {"mbox": "mailto:reviewer@example.org"},
            "verb": {"id": "http://example.org/verbs/reviewed"},
            "object": {"objectType": "StatementRef", "id": target},
        },
    ).json()[0]
    assert found(lrs, activity="http://example.org/activities/lesson-1") == {target, reference}
    assert found(lrs, agent=json.dumps({"mbox": "mailto:learner@example.org"})) == {target, reference}
    assert found(lrs, verb="http://example.org/verbs/reviewed") == {reference}


def test_time_filters_apply_to_the_referencing_statement(lrs, make_statement):
    target = lrs.post("statements", make_statement()).json()[0]
    stored = lrs.get("statements", {"statementId": target}).json()["stored"]
    void(lrs, target)
    assert found(lrs, verb="http://adlnet.gov/expapi/verbs/completed", until=stored) == set()


def test_nan_is_not_accepted_as_a_number(lrs, make_statement):
    body = json.dumps(make_statement(result={"score": {"raw": 1}})).replace('"raw": 1', '"raw": NaN')
    assert lrs.post("statements", body).status_code == 400


def test_deeply_nested_json_is_400(lrs):
    assert lrs.post("statements", "[" * 100_000 + "]" * 100_000).status_code == 400


def test_invalid_utf8_is_400(lrs):
    assert lrs.post("statements", b"\xff\xfe{}").status_code == 400


def test_nul_characters_are_refused_everywhere(lrs, make_statement):
    assert (
        lrs.post("statements", make_statement(verb={"id": "http://example.org/v\u0000"})).status_code == 400
    )
    assert (
        lrs.post(
            "statements", make_statement(actor={"account": {"homePage": "http://a.org", "name": "a\u0000"}})
        ).status_code
        == 400
    )
    assert lrs.get("statements", {"verb": "http://example.org/\x00"}).status_code == 400
    assert Statement.objects.count() == 0


def test_overlong_version_is_400(lrs, make_statement):
    assert lrs.post("statements", make_statement(version="2.0." + "9" * 40)).status_code == 400


def test_record_refuses_nul_characters(make_user):
    from tracking import services
    from tracking.validation import StatementError

    with pytest.raises(StatementError):
        services.record(
            user=make_user(), verb="launched", activity_id="http://example.org/a", name="x\u0000y"
        )


def test_statement_list_carries_consistent_through_and_last_modified(lrs, make_statement):
    lrs.post("statements", make_statement())
    response = lrs.get("statements")
    assert response["X-Experience-API-Consistent-Through"].endswith("Z")
    assert response["Last-Modified"]


def test_more_pages_keep_the_requested_format(lrs, make_statement):
    lrs.post("statements", [make_statement() for _ in range(3)])
    more = lrs.get("statements", {"limit": 1, "format": "ids"}).json()["more"]
    page = lrs.client.get(more, **lrs.headers()).json()["statements"][0]
    assert page["verb"] == {"id": "http://adlnet.gov/expapi/verbs/completed"}
