"""The xAPI capture endpoint: re-stamping, and the completion rules of docs/h5p.md."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import ActivityProgress, LessonProgress
from h5p.models import H5PActivityResult
from h5p.tests.conftest import H5P_BLOCK_ID, SECOND_BLOCK_ID
from tracking.models import Statement
from tracking.services import activity_iri

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/verbs/"
SUB_CONTENT = "http://h5p.org/x-api/h5p-subContentId"


def statement(verb, *, result=None, child=False, actor=None, object_id="http://evil.example/x"):
    data = {
        "actor": actor
        or {"objectType": "Agent", "mbox": "mailto:someone-else@example.org", "name": "Mallory"},
        "verb": {"id": ADL + verb, "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": object_id,
            "definition": {"name": {"en-US": "Work permit check"}, "extensions": {}},
        },
        "context": {
            "contextActivities": {"category": [{"id": "http://h5p.org/libraries/H5P.PlatformTrueFalse-1.0"}]}
        },
    }
    if result is not None:
        data["result"] = result
    if child:
        sub = str(uuid.uuid4())
        data["object"]["id"] = f"{object_id}?subContentId={sub}"
        data["object"]["definition"]["extensions"][SUB_CONTENT] = sub
        data["context"]["contextActivities"]["parent"] = [{"id": object_id, "objectType": "Activity"}]
    return data


def scored(scaled, success=None, completion=True):
    result = {
        "score": {"min": 0, "max": 10, "raw": round(scaled * 10), "scaled": scaled},
        "completion": completion,
    }
    if success is not None:
        result["success"] = success
    return result


@pytest.fixture
def client_for(password):
    def make(user, **kwargs):
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return make


def post(client, lesson, data, block_id=H5P_BLOCK_ID):
    return client.post(
        reverse("h5p:capture", kwargs={"lesson_id": lesson.pk, "block_id": block_id}),
        data=json.dumps({"statement": data}),
        content_type="application/json",
    )


def result_row(user, lesson, block_id=H5P_BLOCK_ID):
    return H5PActivityResult.objects.filter(user=user, lesson=lesson, block_id=block_id).first()


def test_statement_is_restamped_with_learner_actor_and_lesson_context(client_for, learner, lesson, settings):
    response = post(client_for(learner), lesson, statement("answered", result=scored(1.0, True)))
    assert response.status_code == 200, response.content
    stored = Statement.objects.get(statement_id=response.json()["statement_id"])
    raw = stored.data
    assert raw["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(learner.xapi_id)},
    }
    enrolment = learner.enrolments.get()
    assert raw["context"]["registration"] == str(enrolment.registration)
    lesson_iri = activity_iri("lesson", lesson.translation_key)
    assert raw["context"]["contextActivities"]["parent"] == [{"objectType": "Activity", "id": lesson_iri}]
    grouping_ids = [item["id"] for item in raw["context"]["contextActivities"]["grouping"]]
    assert any("/module/" in iri for iri in grouping_ids) and any("/course/" in iri for iri in grouping_ids)
    assert raw["object"]["id"] == activity_iri("h5p", f"{lesson.translation_key}/{H5P_BLOCK_ID}")


def test_top_level_answered_with_completion_completes_activity_and_lesson(client_for, learner, lesson):
    response = post(client_for(learner), lesson, statement("answered", result=scored(1.0, True)))
    assert response.json()["completed"] is True
    progress = ActivityProgress.objects.get(block_id=H5P_BLOCK_ID)
    assert progress.completed and progress.passed is True and progress.best_score_scaled == 1.0
    assert LessonProgress.objects.get(lesson_key=lesson.translation_key).completed_at is not None


def test_completed_verb_completes_activity(client_for, learner, lesson):
    assert post(client_for(learner), lesson, statement("completed", result=scored(0.4))).json()["completed"]


def test_passed_verb_completes_activity(client_for, learner, lesson):
    assert post(client_for(learner), lesson, statement("passed", result=scored(0.9, True))).json()[
        "completed"
    ]


def test_answered_without_completion_does_not_complete(client_for, learner, lesson):
    response = post(client_for(learner), lesson, statement("answered", result=scored(0.5, completion=False)))
    assert response.json()["completed"] is False
    assert not ActivityProgress.objects.filter(completed=True).exists()


def test_interacted_and_attempted_do_not_complete(client_for, learner, lesson):
    client = client_for(learner)
    for verb in ("attempted", "interacted", "progressed"):
        assert post(client, lesson, statement(verb)).json()["completed"] is False
    block_iri = activity_iri("h5p", f"{lesson.translation_key}/{H5P_BLOCK_ID}")
    assert Statement.objects.filter(user=learner, object_id=block_iri).count() == 3


def test_nested_question_child_statement_does_not_complete_the_parent(client_for, learner, lesson):
    """A question inside a question set or interactive video reports 'completed' with a context parent."""
    client = client_for(learner)
    child = statement("completed", result=scored(1.0, True), child=True)
    response = post(client, lesson, child)
    assert response.status_code == 200
    assert response.json()["completed"] is False
    assert not H5PActivityResult.objects.filter(completed_at__isnull=False).exists()
    assert not ActivityProgress.objects.filter(completed=True).exists()
    stored = Statement.objects.get(statement_id=response.json()["statement_id"]).data
    block_iri = activity_iri("h5p", f"{lesson.translation_key}/{H5P_BLOCK_ID}")
    assert stored["object"]["id"].startswith(f"{block_iri}?subContentId=")
    assert stored["context"]["contextActivities"]["parent"][0]["id"] == block_iri


def test_child_answered_with_completion_does_not_complete_the_parent(client_for, learner, lesson):
    response = post(client_for(learner), lesson, statement("answered", result=scored(1.0, True), child=True))
    assert response.json()["completed"] is False


def test_duplicate_completed_on_resume_is_reported_once(client_for, learner, lesson, monkeypatch):
    from courses import services as course_services

    calls = []
    original = course_services.record_activity_result

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(course_services, "record_activity_result", counting)
    client = client_for(learner)
    for _ in range(3):
        post(client, lesson, statement("completed", result=scored(0.8, True)))
    assert len(calls) == 1
    assert result_row(learner, lesson).attempts == 3
    lesson_completions = Statement.objects.filter(
        user=learner, verb_id=ADL + "completed", object_id=activity_iri("lesson", lesson.translation_key)
    )
    assert lesson_completions.count() == 1


def test_best_score_is_kept_by_default(client_for, learner, lesson):
    client = client_for(learner)
    for scaled in (0.5, 1.0, 0.3):
        post(client, lesson, statement("completed", result=scored(scaled)))
    assert result_row(learner, lesson).score_scaled == 1.0
    assert ActivityProgress.objects.get(block_id=H5P_BLOCK_ID).best_score_scaled == 1.0


def test_last_score_policy_keeps_the_latest_attempt(client_for, learner, lesson, settings):
    settings.H5P_SCORE_POLICY = "last"
    client = client_for(learner)
    for scaled in (0.5, 1.0, 0.3):
        post(client, lesson, statement("completed", result=scored(scaled)))
    assert result_row(learner, lesson).score_scaled == 0.3


def test_passed_stays_true_under_best_policy_after_a_failed_retry(client_for, learner, lesson):
    client = client_for(learner)
    post(client, lesson, statement("answered", result=scored(1.0, True)))
    post(client, lesson, statement("answered", result=scored(0.0, False)))
    assert result_row(learner, lesson).passed is True


@pytest.fixture
def consumed_lesson(make_lesson, package):
    return make_lesson(
        (H5P_BLOCK_ID, {"package": package.pk, "completion": "consumed", "required": True}), slug="consumed"
    )


@pytest.fixture
def mark_done_lesson(make_lesson, package):
    return make_lesson(
        (SECOND_BLOCK_ID, {"package": package.pk, "completion": "mark_done", "required": True}), slug="done"
    )


def _enrol(user, lesson):
    from courses.selectors import course_of
    from courses.services import enrol

    enrol(user, course_of(lesson))


def test_experienced_completes_when_block_completes_on_viewing(client_for, learner, consumed_lesson):
    _enrol(learner, consumed_lesson)
    response = post(client_for(learner), consumed_lesson, statement("experienced"))
    assert response.json()["completed"] is True


def test_experienced_does_not_complete_a_statement_block(client_for, learner, lesson):
    assert post(client_for(learner), lesson, statement("experienced")).json()["completed"] is False


def test_child_experienced_does_not_complete_a_viewing_block(client_for, learner, consumed_lesson):
    _enrol(learner, consumed_lesson)
    assert (
        post(client_for(learner), consumed_lesson, statement("experienced", child=True)).json()["completed"]
        is False
    )


def test_mark_done_completes_a_mark_done_block(client_for, learner, mark_done_lesson):
    _enrol(learner, mark_done_lesson)
    url = reverse("h5p:mark_done", kwargs={"lesson_id": mark_done_lesson.pk, "block_id": SECOND_BLOCK_ID})
    response = client_for(learner).post(url)
    assert response.status_code == 200 and response.json()["completed"] is True
    assert ActivityProgress.objects.get(block_id=SECOND_BLOCK_ID).completed


def test_mark_done_is_refused_for_a_block_that_completes_by_itself(client_for, learner, lesson):
    url = reverse("h5p:mark_done", kwargs={"lesson_id": lesson.pk, "block_id": H5P_BLOCK_ID})
    response = client_for(learner).post(url)
    assert response.status_code == 400
    assert "cannot be marked as done" in response.json()["message"]
    assert not ActivityProgress.objects.exists()


def test_anonymous_visitor_cannot_post_statements(lesson):
    response = post(Client(), lesson, statement("completed"))
    assert response.status_code == 403
    assert not Statement.objects.filter(verb_id=ADL + "completed").exists()


def test_learner_not_enrolled_is_refused_and_nothing_is_stored(client_for, make_user, lesson):
    outsider = make_user(email="outsider@example.org")
    response = post(client_for(outsider), lesson, statement("completed"))
    assert response.status_code == 403
    assert "Enrol" in response.json()["message"]
    assert not Statement.objects.filter(user=outsider).exists()


def test_capture_requires_csrf_token(client_for, learner, lesson):
    response = post(client_for(learner, enforce_csrf_checks=True), lesson, statement("completed"))
    assert response.status_code == 403
    assert not H5PActivityResult.objects.exists()


def test_unknown_block_is_refused_as_gone(client_for, learner, lesson):
    response = post(client_for(learner), lesson, statement("completed"), block_id="no-such-block")
    assert response.status_code == 410
    assert "does not exist" in response.json()["message"]


def test_body_that_is_not_json_is_a_clear_400(client_for, learner, lesson):
    url = reverse("h5p:capture", kwargs={"lesson_id": lesson.pk, "block_id": H5P_BLOCK_ID})
    response = client_for(learner).post(url, data="{not json", content_type="application/json")
    assert response.status_code == 400 and "not valid JSON" in response.json()["message"]


def test_statement_without_verb_is_a_clear_400(client_for, learner, lesson):
    data = statement("completed")
    del data["verb"]
    response = post(client_for(learner), lesson, data)
    assert response.status_code == 400 and "no verb" in response.json()["message"]
    assert not Statement.objects.filter(user=learner, object_id__contains="/h5p/").exists()


def test_browser_statement_id_is_replaced_by_a_server_id(client_for, learner, lesson):
    other = Statement.objects.filter(user=learner).first()
    data = statement("answered", result=scored(0.5, completion=False))
    data["id"] = str(other.statement_id)  # an id that is already taken
    response = post(client_for(learner), lesson, data)
    assert response.status_code == 200
    assert response.json()["statement_id"] != str(other.statement_id)


def test_taking_the_course_again_clears_results_and_saved_state_so_the_activity_completes_again(
    client_for, learner, lesson
):
    from courses.models import Enrolment
    from courses.signals import course_restarted
    from h5p.models import H5PContentUserData

    client = client_for(learner)
    assert post(client, lesson, statement("completed", result=scored(0.8))).json()["completed"]
    H5PContentUserData.objects.create(
        user=learner,
        package=result_row(learner, lesson).package,
        lesson=lesson,
        block_id=H5P_BLOCK_ID,
        data="{}",
    )
    course = lesson.get_parent().get_parent().specific
    course_restarted.send(sender=Enrolment, enrolment=learner.enrolments.get(), course=course, user=learner)
    assert result_row(learner, lesson) is None
    assert not H5PContentUserData.objects.filter(user=learner).exists()
    ActivityProgress.objects.filter(block_id=H5P_BLOCK_ID).delete()  # what the course restart archives
    assert post(client, lesson, statement("completed", result=scored(0.6))).json()["completed"]
    assert ActivityProgress.objects.get(block_id=H5P_BLOCK_ID).completed


# --- bad input answers 400 and records nothing (xAPI Data 2.2 JSON; issue 12 "no input causes a 500")


def post_raw(client, lesson, body, block_id=H5P_BLOCK_ID):
    return client.post(
        reverse("h5p:capture", kwargs={"lesson_id": lesson.pk, "block_id": block_id}),
        data=body,
        content_type="application/json",
    )


@pytest.mark.parametrize("number", ["1e999", "NaN", "-Infinity"])
def test_data_2_2_capture_refuses_numbers_json_cannot_carry(client_for, learner, lesson, number):
    body = json.dumps({"statement": statement("answered", result=scored(1.0, True))})
    body = body.replace('"scaled": 1.0', f'"scaled": {number}')
    before = Statement.objects.count()
    response = post_raw(client_for(learner), lesson, body)
    assert response.status_code == 400
    assert Statement.objects.count() == before


def test_capture_refuses_deeply_nested_json(client_for, learner, lesson):
    before = Statement.objects.count()
    response = post_raw(client_for(learner), lesson, '{"statement": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert response.status_code in (400, 413)
    assert Statement.objects.count() == before


def test_capture_refuses_a_lone_surrogate(client_for, learner, lesson):
    body = json.dumps({"statement": statement("answered", result={"response": "x"})}).replace(
        '"response": "x"', '"response": "\\ud800"'
    )
    before = Statement.objects.count()
    response = post_raw(client_for(learner), lesson, body)
    assert response.status_code == 400
    assert Statement.objects.count() == before


WRONGLY_TYPED = {
    "contextActivities string": {"context": {"contextActivities": "x"}},
    "contextActivities item string": {"context": {"contextActivities": {"parent": ["x"]}}},
    "contextActivities parent id number": {"context": {"contextActivities": {"parent": [{"id": 5}]}}},
    "definition string": {
        "object": {"objectType": "Activity", "id": "http://a.example/x", "definition": "x"}
    },
    "extensions list": {
        "object": {"objectType": "Activity", "id": "http://a.example/x", "definition": {"extensions": []}}
    },
    "score string": {"result": {"score": "full"}},
}


@pytest.mark.parametrize("override", WRONGLY_TYPED.values(), ids=WRONGLY_TYPED.keys())
def test_capture_refuses_wrongly_typed_members(client_for, learner, lesson, override):
    data = {**statement("answered", result=scored(1.0, True)), **override}
    before = Statement.objects.count()
    response = post(client_for(learner), lesson, data)
    assert response.status_code == 400
    assert Statement.objects.count() == before
