import json

import pytest

pytestmark = pytest.mark.django_db

ACTIVITY = "http://example.org/activities/lesson-1"
AGENT = json.dumps({"mbox": "mailto:learner@example.org"})


def state_params(**extra):
    return {"activityId": ACTIVITY, "agent": AGENT, "stateId": "bookmark", **extra}


def test_state_put_then_get_returns_content_type_and_etag(lrs):
    response = lrs.put("activities/state", b"page=3", params=state_params(), content_type="text/plain")
    assert response.status_code == 204
    response = lrs.get("activities/state", state_params())
    assert response.status_code == 200
    assert response.content == b"page=3"
    assert response["Content-Type"] == "text/plain"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]


def test_state_is_separate_per_registration(lrs):
    registration = "2c5a4a0e-8b6e-4fd3-9b3f-0c0d2f3a1e11"
    lrs.put("activities/state", {"a": 1}, params=state_params(registration=registration))
    assert lrs.get("activities/state", state_params()).status_code == 404
    assert lrs.get("activities/state", state_params(registration=registration)).json() == {"a": 1}


def test_state_post_merges_json_objects(lrs):
    lrs.post("activities/state", {"a": 1, "b": 1}, params=state_params())
    lrs.post("activities/state", {"b": 2, "c": 3}, params=state_params())
    assert lrs.get("activities/state", state_params()).json() == {"a": 1, "b": 2, "c": 3}


def test_state_post_onto_non_json_is_400(lrs):
    lrs.put("activities/state", b"plain", params=state_params(), content_type="text/plain")
    assert lrs.post("activities/state", {"a": 1}, params=state_params()).status_code == 400


def test_state_post_with_non_object_json_is_400(lrs):
    assert lrs.post("activities/state", [1, 2], params=state_params()).status_code == 400


def test_state_list_returns_ids_and_since_filters(lrs):
    lrs.put("activities/state", {"a": 1}, params=state_params(stateId="one"))
    lrs.put("activities/state", {"a": 1}, params=state_params(stateId="two"))
    params = {"activityId": ACTIVITY, "agent": AGENT}
    assert sorted(lrs.get("activities/state", params).json()) == ["one", "two"]
    assert lrs.get("activities/state", {**params, "since": "2999-01-01T00:00:00Z"}).json() == []


def test_state_delete_without_id_clears_all(lrs):
    lrs.put("activities/state", {"a": 1}, params=state_params(stateId="one"))
    lrs.put("activities/state", {"a": 1}, params=state_params(stateId="two"))
    params = {"activityId": ACTIVITY, "agent": AGENT}
    assert lrs.delete("activities/state", params).status_code == 204
    assert lrs.get("activities/state", params).json() == []


def test_state_needs_activity_and_agent(lrs):
    assert lrs.get("activities/state", {"agent": AGENT, "stateId": "x"}).status_code == 400
    assert lrs.get("activities/state", {"activityId": ACTIVITY, "stateId": "x"}).status_code == 400
    assert (
        lrs.get("activities/state", {"activityId": ACTIVITY, "agent": "{bad", "stateId": "x"}).status_code
        == 400
    )


def test_profile_put_over_existing_without_precondition_is_409(lrs):
    params = {"activityId": ACTIVITY, "profileId": "settings"}
    assert lrs.put("activities/profile", {"v": 1}, params=params).status_code == 204
    assert lrs.put("activities/profile", {"v": 2}, params=params).status_code == 409
    assert lrs.get("activities/profile", params).json() == {"v": 1}


def test_profile_put_with_matching_if_match_replaces(lrs):
    params = {"activityId": ACTIVITY, "profileId": "settings"}
    lrs.put("activities/profile", {"v": 1}, params=params)
    etag = lrs.get("activities/profile", params)["ETag"]
    assert (
        lrs.put("activities/profile", {"v": 2}, params=params, headers={"If-Match": etag}).status_code == 204
    )
    assert lrs.get("activities/profile", params).json() == {"v": 2}


def test_profile_put_with_stale_if_match_is_412(lrs):
    params = {"activityId": ACTIVITY, "profileId": "settings"}
    lrs.put("activities/profile", {"v": 1}, params=params)
    response = lrs.put("activities/profile", {"v": 2}, params=params, headers={"If-Match": '"stale"'})
    assert response.status_code == 412


def test_if_none_match_star_refuses_to_overwrite(lrs):
    params = {"agent": AGENT, "profileId": "prefs"}
    assert (
        lrs.put("agents/profile", {"v": 1}, params=params, headers={"If-None-Match": "*"}).status_code == 204
    )
    assert (
        lrs.put("agents/profile", {"v": 2}, params=params, headers={"If-None-Match": "*"}).status_code == 412
    )


def test_if_match_on_a_missing_document_is_412(lrs):
    params = {"agent": AGENT, "profileId": "missing"}
    assert (
        lrs.put("agents/profile", {"v": 1}, params=params, headers={"If-Match": '"abc"'}).status_code == 412
    )


def test_profile_delete_with_stale_etag_is_412_and_keeps_it(lrs):
    params = {"agent": AGENT, "profileId": "prefs"}
    lrs.put("agents/profile", {"v": 1}, params=params)
    assert lrs.delete("agents/profile", params, headers={"If-Match": '"stale"'}).status_code == 412
    assert lrs.get("agents/profile", params).status_code == 200
    assert lrs.delete("agents/profile", params).status_code == 204
    assert lrs.get("agents/profile", params).status_code == 404


def test_agent_profile_list(lrs):
    lrs.put("agents/profile", {"v": 1}, params={"agent": AGENT, "profileId": "a"})
    assert lrs.get("agents/profile", {"agent": AGENT}).json() == ["a"]


def test_documents_are_private_to_the_organisation(lrs):
    from .conftest import LRSClient
    from .factories import LRSKeyFactory

    lrs.put("activities/state", {"a": 1}, params=state_params())
    assert LRSClient(LRSKeyFactory()).get("activities/state", state_params()).status_code == 404


def test_unknown_document_parameter_is_400(lrs):
    assert lrs.get("activities/profile", {"activityId": ACTIVITY, "stateId": "x"}).status_code == 400


def test_activities_returns_the_latest_definition(lrs, make_statement):
    lrs.post("statements", make_statement())
    response = lrs.get("activities", {"activityId": "http://example.org/activities/lesson-1"})
    assert response.json()["definition"]["name"]["en-US"] == "Lesson 1"


def test_activities_for_an_unknown_activity_returns_just_the_id(lrs):
    assert lrs.get("activities", {"activityId": "http://example.org/x"}).json() == {
        "objectType": "Activity",
        "id": "http://example.org/x",
    }


def test_activities_needs_a_valid_activity_id(lrs):
    assert lrs.get("activities").status_code == 400
    assert lrs.get("activities", {"activityId": "no iri"}).status_code == 400


def test_agents_returns_a_person(lrs):
    response = lrs.get("agents", {"agent": json.dumps({"mbox": "mailto:a@example.org", "name": "A"})})
    assert response.json() == {"objectType": "Person", "name": ["A"], "mbox": ["mailto:a@example.org"]}


def test_agents_with_invalid_agent_is_400(lrs):
    assert lrs.get("agents", {"agent": json.dumps({"mbox": "a@example.org"})}).status_code == 400


def test_overlong_content_type_is_400(lrs):
    response = lrs.put("activities/state", b"x", params=state_params(), content_type="text/" + "x" * 300)
    assert response.status_code == 400


def test_head_on_a_document_returns_headers_without_body(lrs):
    lrs.put("activities/state", {"a": 1}, params=state_params())
    response = lrs.head("activities/state", state_params())
    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"]


def test_etag_is_the_quoted_sha1_of_the_content(lrs):
    import hashlib

    lrs.put("activities/state", b"hello", params=state_params(), content_type="text/plain")
    assert lrs.get("activities/state", state_params())["ETag"] == f'"{hashlib.sha1(b"hello").hexdigest()}"'


def test_head_with_a_read_only_key_never_writes(lrs):
    from tracking.models import Document, LRSKey

    from .conftest import LRSClient
    from .factories import LRSKeyFactory

    reader = LRSClient(LRSKeyFactory(organisation=lrs.key.organisation, scope=LRSKey.Scope.READ))
    assert reader.head("activities/state", state_params()).status_code == 404
    assert not Document.objects.exists()


def test_state_put_over_existing_without_precondition_is_409_for_2_0_clients(lrs):
    lrs.put("activities/state", {"v": 1}, params=state_params())
    assert lrs.put("activities/state", {"v": 2}, params=state_params()).status_code == 409
    etag = lrs.get("activities/state", state_params())["ETag"]
    assert (
        lrs.put("activities/state", {"v": 2}, params=state_params(), headers={"If-Match": etag}).status_code
        == 204
    )


def test_state_put_over_existing_is_allowed_for_1_0_clients(lrs_key):
    from .conftest import LRSClient

    legacy = LRSClient(lrs_key, version="1.0.3")
    legacy.put("activities/state", {"v": 1}, params=state_params())
    assert legacy.put("activities/state", {"v": 2}, params=state_params()).status_code == 204
    assert legacy.get("activities/state", state_params()).json() == {"v": 2}
