"""Permission-matrix entries for scenarios: solo play on a scenario page, live sessions (joining,
the participant's and the trainer's screens, the poll, the debrief) and the two page types. The
live session is run by the other organisation's trainer, with its learner as the participant."""

from django.urls import reverse

from website.tests.access import DONE, LOGIN, NOT_FOUND, OK, PageRule, Rule, everyone, get, post, roles


def build(world):
    from scenarios import services
    from scenarios.tests.factories import make_index, make_scenario

    world.scenario_index = make_index()
    world.scenario = make_scenario(world.scenario_index, title="Matrix first day", slug="matrix-first-day")
    world.live_session = services.start_session(world.other_trainer, world.scenario)
    world.live_participant, _created = services.join(world.other_learner, world.live_session.code, "newcomer")


def session_url(name, *args):
    return lambda w: reverse(f"scenarios:{name}", args=[w.live_session.pk, *args])


def trainer_token(world):
    from scenarios import polling

    return polling.viewer_token(world.live_session.pk, "trainer")


# A session the person neither runs nor joined answers 404, superusers included.
NOT_THEIRS = roles(NOT_FOUND, anonymous=LOGIN)

RULES = [
    Rule(
        "scenarios:choose",
        post(lambda w: reverse("scenarios:choose", args=[w.scenario.pk]), {"choice": "ask", "step": "0"}),
        roles(DONE, anonymous=LOGIN),
        note="Anyone signed in plays a published scenario on their own; the play is theirs.",
    ),
    Rule(
        "scenarios:start_again",
        post(lambda w: reverse("scenarios:start_again", args=[w.scenario.pk])),
        roles(DONE, anonymous=LOGIN),
    ),
    Rule(
        "scenarios:start_session",
        post(lambda w: reverse("scenarios:start_session", args=[w.scenario.pk])),
        roles(NOT_FOUND, anonymous=LOGIN, trainer=DONE),
        note="Only people with a trainer membership start a live session (they run it themselves).",
    ),
    Rule("scenarios:join", get(lambda w: reverse("scenarios:join")), roles(OK, anonymous=LOGIN)),
    Rule(
        "scenarios:my_sessions",
        get(lambda w: reverse("scenarios:my_sessions")),
        roles(OK, anonymous=LOGIN),
        note="Lists only the sessions the person runs or joined.",
    ),
    Rule("scenarios:participant", get(session_url("participant")), NOT_THEIRS),
    Rule("scenarios:decide", post(session_url("decide"), {"choice": "ask", "step": "0"}), NOT_THEIRS),
    Rule(
        "scenarios:live_state",
        get(lambda w: f"{reverse('scenarios:live_state', args=[w.live_session.pk])}?t={trainer_token(w)}"),
        everyone(NOT_FOUND),
        note="Even with a genuine trainer's token, only the session's trainer gets its state.",
    ),
    Rule("scenarios:trainer", get(session_url("trainer")), NOT_THEIRS),
    Rule("scenarios:trainer_action", post(session_url("trainer_action", "start")), NOT_THEIRS),
    Rule("scenarios:projector", get(session_url("projector")), NOT_THEIRS),
    Rule("scenarios:debrief", get(session_url("debrief")), NOT_THEIRS),
    Rule("scenarios:debrief_pdf", get(session_url("debrief_pdf")), NOT_THEIRS),
]

PAGES = [
    PageRule("scenarios.ScenarioIndexPage", lambda w: w.scenario_index, everyone(OK)),
    PageRule("scenarios.ScenarioPage", lambda w: w.scenario, everyone(OK)),
]
