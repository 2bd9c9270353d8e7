"""Live workshop sessions: joining, turns and votes, pacing, polling, debriefs, bad input, access."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts.services import add_member, default_organisation
from scenarios import polling, services
from scenarios.models import LiveSession, Participant, Vote
from scenarios.services import ROLE_EXTENSION, ScenarioActionError
from tracking.selectors import statements_for


@pytest.fixture(autouse=True)
def version_cache(settings):
    settings.SCENARIOS_VERSION_CACHE_SECONDS = 300


@pytest.fixture
def trainer(make_user):
    user = make_user(email="trainer@example.org")
    add_member(user, default_organisation(), "trainer")
    return user


@pytest.fixture
def session(trainer, scenario_page):
    return services.start_session(trainer, scenario_page)


@pytest.fixture
def people(make_user):
    return {key: make_user(email=f"{key}@example.org") for key in ("newcomer", "colleague", "lead")}


def joined(session, people):
    return {key: services.join(user, session.code, key)[0] for key, user in people.items()}


def state_of(session):
    session.refresh_from_db()
    return session


def test_only_a_trainer_can_start_a_session(client, learner, scenario_page):
    client.force_login(learner)
    response = client.post(reverse("scenarios:start_session", args=[scenario_page.pk]))
    assert response.status_code == 404
    assert not LiveSession.objects.exists()


def test_a_trainer_starts_a_session_with_a_short_code(client, trainer, scenario_page):
    client.force_login(trainer)
    response = client.post(reverse("scenarios:start_session", args=[scenario_page.pk]))
    session = LiveSession.objects.get()
    assert response.url == reverse("scenarios:trainer", args=[session.pk])
    assert len(session.code) == 6 and session.code.isalnum()
    html = client.get(reverse("scenarios:projector", args=[session.pk])).content.decode()
    assert session.code in html and "data:image/png;base64," in html


def test_the_code_is_read_without_regard_to_case_and_spaces(client, session, learner):
    client.force_login(learner)
    typed = " ".join([session.code[:3].lower(), session.code[3:]])
    response = client.post(reverse("scenarios:join"), {"code": typed})
    assert "Choose your role" in response.content.decode()
    response = client.post(reverse("scenarios:join"), {"code": typed, "role": "lead"})
    assert response.status_code == 302
    assert Participant.objects.get(user=learner).role_key == "lead"


def test_a_participant_who_comes_back_keeps_their_role(session, learner):
    first, created = services.join(learner, session.code, "colleague")
    again, created_again = services.join(learner, session.code, "lead")
    assert created and not created_again
    assert again.pk == first.pk and again.role_key == "colleague"


def test_roles_can_be_assigned_in_turn(trainer, scenario_page, make_user):
    session = services.start_session(trainer, scenario_page, assign_roles=True)
    roles = [services.join(make_user(), session.code)[0].role_key for _n in range(4)]
    assert roles == ["newcomer", "colleague", "lead", "newcomer"]


def test_an_unknown_code_gets_a_clear_message(client, learner, session):
    client.force_login(learner)
    response = client.post(reverse("scenarios:join"), {"code": "ZZZ999"})
    assert response.status_code == 404
    assert "No session has the code ZZZ999" in response.content.decode()
    assert not Participant.objects.exists()


def test_an_expired_code_gets_a_clear_message(client, learner, session):
    LiveSession.objects.filter(pk=session.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(learner)
    response = client.post(reverse("scenarios:join"), {"code": session.code, "role": "lead"})
    assert response.status_code == 410
    assert "has ended or its code has expired" in response.content.decode()
    assert not Participant.objects.exists()


def test_a_full_session_refuses_more_participants(client, session, make_user, learner):
    LiveSession.objects.filter(pk=session.pk).update(max_participants=1)
    services.join(make_user(), session.code, "lead")
    client.force_login(learner)
    response = client.post(reverse("scenarios:join"), {"code": session.code, "role": "lead"})
    assert response.status_code == 409
    assert "This session is full" in response.content.decode()
    assert Participant.objects.count() == 1


def test_a_role_the_scenario_does_not_have_is_refused(session, learner):
    with pytest.raises(ScenarioActionError) as error:
        services.join(learner, session.code, "janitor")
    assert "Choose one of the roles" in error.value.message


def test_the_role_whose_turn_it_is_decides_and_others_are_refused(session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    with pytest.raises(ScenarioActionError) as error:
        services.decide(members["lead"], "ask", 0)
    assert "It is not your turn: New colleague decides" in error.value.message
    assert state_of(session).choices == [] and not Vote.objects.exists()
    services.decide(members["newcomer"], "ask", 0)
    session = state_of(session)
    assert session.choices == ["ask"] and session.phase == "feedback"
    services.trainer_action(session, trainer, "next", step=1)
    services.decide(members["colleague"], "show", 1)
    services.trainer_action(session, trainer, "next", step=2)
    services.decide(members["lead"], "plan", 2)
    services.trainer_action(session, trainer, "next", step=3)
    session = state_of(session)
    assert session.phase == "ended" and session.choices == ["ask", "show", "plan"]


def test_a_choice_after_the_scene_moved_on_is_refused(session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    services.decide(members["newcomer"], "ask", 0)
    services.trainer_action(session, trainer, "next", step=1)
    with pytest.raises(ScenarioActionError) as error:
        services.decide(members["newcomer"], "wait", 0)
    assert "moved on to another scene" in error.value.message
    assert state_of(session).choices == ["ask"]


def test_a_forged_choice_is_refused(session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    with pytest.raises(ScenarioActionError) as error:
        services.decide(members["newcomer"], "plan", 0)
    assert "not available in this scene" in error.value.message
    assert state_of(session).choices == []


def test_no_choice_is_taken_during_a_discussion_pause(session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    services.trainer_action(session, trainer, "pause", step=0)
    with pytest.raises(ScenarioActionError) as error:
        services.decide(members["newcomer"], "ask", 0)
    assert "paused the scenario for a discussion" in error.value.message
    services.trainer_action(session, trainer, "resume", step=0)
    services.decide(members["newcomer"], "ask", 0)


def test_in_a_group_vote_the_majority_decides_once_everyone_voted(trainer, scenario_page, people):
    scenario_page.decision_mode = "vote"
    scenario_page.save()
    session = services.start_session(trainer, scenario_page)
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    services.decide(members["newcomer"], "wait", 0)
    services.decide(members["lead"], "ask", 0)
    with pytest.raises(ScenarioActionError) as error:
        services.decide(members["lead"], "wait", 0)
    assert "already voted" in error.value.message
    assert state_of(session).phase == "deciding"
    services.decide(members["colleague"], "ask", 0)
    session = state_of(session)
    assert session.choices == ["ask"] and session.deciders[-1]["votes"] == {"ask": 2, "wait": 1}


def test_a_vote_after_the_trainer_closed_it_is_refused(trainer, scenario_page, people):
    scenario_page.decision_mode = "vote"
    scenario_page.save()
    session = services.start_session(trainer, scenario_page)
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    services.decide(members["newcomer"], "wait", 0)
    services.trainer_action(session, trainer, "close-vote", step=0)
    with pytest.raises(ScenarioActionError) as error:
        services.decide(members["lead"], "ask", 0)
    assert "moved on to another scene" in error.value.message
    assert state_of(session).choices == ["wait"]


def test_each_choice_is_a_statement_with_the_session_and_the_role(session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    services.decide(members["newcomer"], "ask", 0)
    statement = statements_for(people["newcomer"], verb="answered")[0]
    assert statement["context"]["registration"] == str(session.registration)
    assert statement["context"]["extensions"][ROLE_EXTENSION] == "newcomer"
    assert statement["result"]["response"] == "ask"


def test_reaching_the_ending_completes_the_scenario_for_every_participant(session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    for step, (role, choice) in enumerate([("newcomer", "ask"), ("colleague", "show"), ("lead", "plan")]):
        services.decide(members[role], choice, step)
        services.trainer_action(session, trainer, "next", step=step + 1)
    for role, user in people.items():
        completed = statements_for(user, verb="completed")
        assert completed[0]["result"]["score"]["scaled"] == 1.0
        assert completed[0]["context"]["extensions"][ROLE_EXTENSION] == role


def test_a_stale_trainer_action_changes_nothing(session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    services.decide(members["newcomer"], "ask", 0)
    services.trainer_action(session, trainer, "next", step=1)
    with pytest.raises(ScenarioActionError):
        services.trainer_action(session, trainer, "next", step=1)
    assert state_of(session).phase == "deciding"


def _poll(client, session, viewer, etag=None):
    url = reverse("scenarios:live_state", args=[session.pk])
    headers = {"If-None-Match": etag} if etag else {}
    return client.get(url, {"t": polling.viewer_token(session.pk, viewer)}, headers=headers)


def test_an_unchanged_session_answers_304_without_touching_the_database(
    client, session, trainer, people, django_assert_num_queries
):
    members = joined(session, people)
    client.force_login(people["newcomer"])
    viewer = f"p{members['newcomer'].pk}"
    first = _poll(client, session, viewer)
    assert first.status_code == 200 and "Waiting for the trainer to start" in first.json()["html"]
    with django_assert_num_queries(0):
        second = _poll(client, session, viewer, first["ETag"])
    assert second.status_code == 304
    services.trainer_action(session, trainer, "start", step=0)
    third = _poll(client, session, viewer, first["ETag"])
    assert third.status_code == 200 and "Arrival" in third.json()["html"]


def test_the_state_survives_a_lost_cache(client, session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    services.decide(members["newcomer"], "ask", 0)
    cache.clear()
    client.force_login(people["lead"])
    response = _poll(client, session, f"p{members['lead'].pk}")
    assert response.status_code == 200 and "Ask who to report to" in response.json()["html"]


def test_a_forged_or_borrowed_token_gets_a_404(client, session, people, learner):
    members = joined(session, people)
    client.force_login(learner)
    assert _poll(client, session, f"p{members['lead'].pk}").status_code == 404
    response = client.get(reverse("scenarios:live_state", args=[session.pk]), {"t": "trainer:forged"})
    assert response.status_code == 404


def test_a_participant_sees_only_sessions_they_joined(client, session, learner, trainer, scenario_page):
    other = services.start_session(trainer, scenario_page)
    services.join(learner, session.code, "lead")
    client.force_login(learner)
    assert client.get(reverse("scenarios:participant", args=[session.pk])).status_code == 200
    assert client.get(reverse("scenarios:participant", args=[other.pk])).status_code == 404
    for name in ("trainer", "projector", "debrief_pdf"):
        assert client.get(reverse(f"scenarios:{name}", args=[session.pk])).status_code == 404
    assert client.post(reverse("scenarios:trainer_action", args=[session.pk, "start"])).status_code == 404


def test_a_trainer_sees_only_sessions_they_run(client, session, scenario_page, make_user):
    colleague = make_user(email="other-trainer@example.org")
    add_member(colleague, default_organisation(), "trainer")
    client.force_login(colleague)
    for name in ("trainer", "projector", "participant", "debrief"):
        assert client.get(reverse(f"scenarios:{name}", args=[session.pk])).status_code == 404


def test_the_group_debrief_prints_and_downloads_as_pdf(client, session, trainer, people):
    members = joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    for step, (role, choice) in enumerate([("newcomer", "wait"), ("colleague", "show"), ("lead", "later")]):
        services.decide(members[role], choice, step)
        services.trainer_action(session, trainer, "next", step=step + 1)
    client.force_login(trainer)
    html = client.get(reverse("scenarios:debrief", args=[session.pk])).content.decode()
    assert "Lost on day one" in html and "decided by Co-worker" in html and "data-competence-chart" in html
    pdf = client.get(reverse("scenarios:debrief_pdf", args=[session.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.force_login(people["lead"])
    assert client.get(reverse("scenarios:debrief", args=[session.pk])).status_code == 200


def test_a_wrong_role_posting_through_the_page_sees_the_message(client, session, trainer, people):
    joined(session, people)
    services.trainer_action(session, trainer, "start", step=0)
    client.force_login(people["lead"])
    response = client.post(
        reverse("scenarios:decide", args=[session.pk]),
        {"choice": "ask", "step": 0},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 403
    assert "It is not your turn" in response.json()["html"]
    assert state_of(session).choices == []
