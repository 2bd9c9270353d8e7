"""Playing a scenario alone: on its page and in a lesson, with xAPI statements and completion."""

import pytest
from django.urls import reverse

from courses.services import enrol
from courses.tests.factories import make_catalogue, make_course, text_block
from scenarios.models import ScenarioPlay
from scenarios.services import scenario_iri
from tracking.selectors import statements_for


def post_choice(client, page, choice, step, **extra):
    data = {"choice": choice, "step": step, "next": page.url, **extra}
    return client.post(reverse("scenarios:choose", args=[page.pk]), data)


def test_a_visitor_is_asked_to_log_in(client, scenario_page):
    html = client.get(scenario_page.url).content.decode()
    assert "Log in to play this scenario" in html


def test_the_first_scene_and_its_choices_are_shown(learner_client, scenario_page):
    html = learner_client.get(scenario_page.url).content.decode()
    assert "Arrival" in html and 'value="ask"' in html and 'value="wait"' in html
    assert 'aria-live="polite"' in html
    assert "New colleague decides" in html


def test_a_choice_shows_its_feedback_and_the_next_scene(learner_client, scenario_page):
    response = post_choice(learner_client, scenario_page, "ask", 0)
    assert response.status_code == 302
    html = learner_client.get(scenario_page.url).content.decode()
    assert "Asking is a good start." in html and "Meeting the team" in html


def test_playing_to_an_ending_records_answers_and_a_scaled_completion(learner_client, learner, scenario_page):
    for step, key in enumerate(["ask", "show", "plan"]):
        post_choice(learner_client, scenario_page, key, step)
    play = ScenarioPlay.objects.get(user=learner)
    assert play.finished and play.ending_key == "welcomed"
    assert play.scores == {"awareness": 1, "knowledge": 2, "skills": 3}
    assert play.score_scaled == 1.0
    answered = statements_for(learner, verb="answered")
    assert [s["result"]["response"] for s in reversed(answered)] == ["ask", "show", "plan"]
    assert all(s["context"]["registration"] == str(play.registration) for s in answered)
    completed = statements_for(learner, verb="completed", activity_id=scenario_iri(scenario_page))
    assert completed[0]["result"]["score"]["scaled"] == 1.0
    assert completed[0]["result"]["completion"] is True


def test_the_debrief_shows_the_path_the_chart_and_the_other_choices(learner_client, scenario_page):
    for step, key in enumerate(["wait", "show", "later"]):
        post_choice(learner_client, scenario_page, key, step)
    html = learner_client.get(scenario_page.url).content.decode()
    assert "Lost on day one" in html
    assert "data-competence-chart" in html and "<table" in html
    assert "Where the other choices would have led" in html
    assert "Agree a plan for the first week" in html and "Welcomed" in html


def test_a_stale_choice_is_refused_and_changes_nothing(learner_client, learner, scenario_page):
    post_choice(learner_client, scenario_page, "ask", 0)
    response = post_choice(learner_client, scenario_page, "wait", 0, **{})
    assert response.status_code == 302
    play = ScenarioPlay.objects.get(user=learner)
    assert play.choices == ["ask"]
    html = learner_client.get(scenario_page.url).content.decode()
    assert "That choice belonged to an earlier scene" in html


def test_a_forged_choice_is_refused_and_changes_nothing(learner_client, learner, scenario_page):
    response = learner_client.post(
        reverse("scenarios:choose", args=[scenario_page.pk]),
        {"choice": "plan", "step": 0, "next": scenario_page.url},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 400
    assert "That choice is not available in this scene." in response.content.decode()
    assert not ScenarioPlay.objects.filter(user=learner).exists()
    assert statements_for(learner, verb="answered") == []


def test_a_missing_step_or_unknown_page_is_refused(learner_client, scenario_page):
    response = learner_client.post(reverse("scenarios:choose", args=[scenario_page.pk]), {"choice": "ask"})
    assert response.status_code == 302
    assert (
        learner_client.post(reverse("scenarios:choose", args=[999999]), {"choice": "ask"}).status_code == 404
    )


def test_play_again_starts_fresh_and_keeps_the_finished_play(learner_client, learner, scenario_page):
    for step, key in enumerate(["ask", "show", "plan"]):
        post_choice(learner_client, scenario_page, key, step)
    learner_client.post(
        reverse("scenarios:start_again", args=[scenario_page.pk]), {"next": scenario_page.url}
    )
    assert ScenarioPlay.objects.filter(user=learner).count() == 2
    html = learner_client.get(scenario_page.url).content.decode()
    assert "Arrival" in html and 'value="ask"' in html


@pytest.fixture
def scenario_lesson(scenario_page):
    course = make_course(
        make_catalogue(),
        modules=1,
        lessons_per_module=1,
        bodies={
            (0, 0): [
                text_block("<p>Before the role-play.</p>"),
                {
                    "type": "scenario",
                    "id": "roleplay-1",
                    "value": {"scenario": scenario_page.pk, "required": True},
                },
            ]
        },
    )
    from courses.tests.factories import lessons_of

    return course, lessons_of(course)[0]


def test_a_lesson_with_a_scenario_completes_when_the_scenario_does(learner_client, learner, scenario_lesson):
    course, lesson = scenario_lesson
    enrolment, _ = enrol(learner, course)
    assert lesson.required_activity_ids == ["roleplay-1"]
    html = learner_client.get(lesson.url).content.decode()
    assert "Arrival" in html and 'name="block" value="roleplay-1"' in html
    scenario = lesson.body[1].value["scenario"].specific
    for step, key in enumerate(["ask", "show"]):
        post_choice(learner_client, scenario, key, step, lesson=lesson.pk, block="roleplay-1")
    assert not statements_for(learner, verb="completed", activity_id=lesson_iri(lesson))
    post_choice(learner_client, scenario, "plan", 2, lesson=lesson.pk, block="roleplay-1")
    assert statements_for(learner, verb="completed", activity_id=lesson_iri(lesson))
    answered = statements_for(learner, verb="answered")
    assert {s["context"]["registration"] for s in answered} == {str(enrolment.registration)}
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_a_scenario_in_a_lesson_needs_an_enrolment(learner_client, learner, scenario_lesson):
    _course, lesson = scenario_lesson
    scenario = lesson.body[1].value["scenario"].specific
    response = post_choice(learner_client, scenario, "ask", 0, lesson=lesson.pk, block="roleplay-1")
    assert response.status_code == 302
    assert not ScenarioPlay.objects.filter(user=learner).exists()


def test_a_block_that_does_not_hold_the_scenario_is_refused(learner_client, learner, scenario_lesson):
    course, lesson = scenario_lesson
    enrol(learner, course)
    scenario = lesson.body[1].value["scenario"].specific
    response = post_choice(learner_client, scenario, "ask", 0, lesson=lesson.pk, block="not-there")
    assert response.status_code == 404


def lesson_iri(lesson):
    from tracking.services import activity_iri

    return activity_iri("lesson", lesson.translation_key)
