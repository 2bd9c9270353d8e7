"""Scenario endpoints for the fuzz harness (website/tests/fuzzing.py, docs/testing.md): solo play on a
page, starting and joining live sessions, deciding, the trainer's pacing, the poll and the debrief."""

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, ids, query_strings, url_text

CHOICES = st.one_of(st.sampled_from(["ask", "wait", "show", "plan", "0", "1"]), url_text)
PLAY_FIELDS = ["choice", "step", "lesson", "block", "next"]


def live_session(context):
    """A published scenario, a trainer running a live session of it and a learner who joined it."""
    from django.test import Client

    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, UserFactory
    from scenarios import services
    from scenarios.tests.factories import make_scenario
    from website import demo

    demo.load()
    page = make_scenario()
    trainer = UserFactory()
    MembershipFactory(user=trainer, role=Membership.Role.TRAINER)
    session = services.start_session(trainer, page)
    learner = UserFactory()
    participant, _created = services.join(learner, session.code, "newcomer")
    clients = {}
    for name, user in (("trainer", trainer), ("learner", learner)):
        clients[name] = Client()
        clients[name].force_login(user)
    return {"page": page, "session": session, "participant": participant, "clients": clients}


def as_trainer(context):
    return context["clients"]["trainer"]


def as_learner(context):
    return context["clients"]["learner"]


def page_id(context):
    return st.one_of(st.just(str(context["page"].pk)), ids)


def session_id(context):
    return st.one_of(st.just(str(context["session"].pk)), ids)


def fetch(context):
    return {"HTTP_X_REQUESTED_WITH": "fetch"}


def current_etag(context):
    from scenarios import polling

    session = context["session"]
    return {"HTTP_IF_NONE_MATCH": f'{polling.etag(session.pk, session.version, "trainer")}, "x", *'}


def viewer_tokens(context):
    from scenarios import polling

    session = context["session"]
    genuine = [
        polling.viewer_token(session.pk, "trainer"),
        polling.viewer_token(session.pk, f"p{context['participant'].pk}"),
        polling.viewer_token(session.pk + 1, "trainer"),
    ]
    return query_strings(["t"], values=st.one_of(st.sampled_from(genuine), url_text))


def scenario_target(url_name, method="POST", client=as_learner, **kwargs):
    kwargs.setdefault("kwargs", {"session_id": session_id})
    return Target(url_name, method, setup=live_session, client=client, **kwargs)


PLAY = form_data(PLAY_FIELDS, values=st.one_of(CHOICES, ids))

TARGETS = [
    scenario_target("scenarios:choose", kwargs={"page_id": page_id}, form=PLAY),
    scenario_target(
        "scenarios:choose",
        kwargs={"page_id": page_id},
        form=PLAY,
        headers=fetch,
        label="scenarios:choose fetch",
    ),
    scenario_target("scenarios:start_again", kwargs={"page_id": page_id}, form=PLAY),
    scenario_target(
        "scenarios:start_session",
        client=as_trainer,
        kwargs={"page_id": page_id},
        form=form_data(["assign_roles"]),
    ),
    scenario_target("scenarios:join", "GET", kwargs={}, query=query_strings(["code"])),
    scenario_target(
        "scenarios:join",
        kwargs={},
        form=form_data(
            ["code", "role"],
            values=st.one_of(st.sampled_from(["newcomer", "lead", "colleague"]), url_text),
        ),
    ),
    scenario_target("scenarios:participant", "GET"),
    scenario_target("scenarios:decide", form=form_data(["choice", "step"], values=st.one_of(CHOICES, ids))),
    scenario_target(
        "scenarios:decide",
        form=form_data(["choice", "step"], values=st.one_of(CHOICES, ids)),
        headers=fetch,
        label="scenarios:decide fetch",
    ),
    scenario_target("scenarios:live_state", "GET", query=viewer_tokens),
    scenario_target(
        "scenarios:live_state",
        "GET",
        client=as_trainer,
        query=viewer_tokens,
        headers=current_etag,
        label="scenarios:live_state If-None-Match",
    ),
    scenario_target("scenarios:trainer", "GET", client=as_trainer),
    scenario_target(
        "scenarios:trainer_action",
        client=as_trainer,
        kwargs={
            "session_id": session_id,
            "action": st.one_of(
                st.sampled_from(["start", "pause", "resume", "close-vote", "next", "decide", "end"]),
                url_text.filter(lambda text: text and "/" not in text),
            ),
        },
        form=form_data(["step", "choice"], values=st.one_of(CHOICES, ids)),
    ),
    scenario_target("scenarios:projector", "GET", client=as_trainer),
    scenario_target("scenarios:debrief", "GET", client=as_trainer),
    scenario_target("scenarios:debrief_pdf", "GET", client=as_trainer),
]

NO_INPUT = {
    "scenarios:my_sessions": "lists the signed-in person's own sessions; reads nothing from the request",
}
