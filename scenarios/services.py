"""Writes: a learner's solo choices and the live sessions' joins, decisions, votes and pacing.

Every choice is replayed through the engine with the choices before it, so a stale, forged or
out-of-turn choice is refused before anything is stored. Each stored choice is one xAPI
``answered`` statement; reaching an ending is ``completed`` with a scaled score."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import engine
from .models import ScenarioPage, ScenarioPlay, published_scenario

logger = logging.getLogger(__name__)

COMPETENCE_EXTENSION = "https://w3id.org/xapi/comein/extensions/competences"
ENDING_EXTENSION = "https://w3id.org/xapi/comein/extensions/ending"
ROLE_EXTENSION = "https://w3id.org/xapi/comein/extensions/role"
SESSION_EXTENSION = "https://w3id.org/xapi/comein/extensions/live-session"


class ScenarioActionError(Exception):
    """An action that cannot be done; the message is translated and safe to show."""

    status = 400

    def __init__(self, message, status=None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


def scenario_iri(page):
    from tracking.services import activity_iri

    return activity_iri("scenario", page.translation_key)


def scene_iri(page, scene_key):
    return f"{scenario_iri(page)}/scenes/{scene_key}"


def playable(page):
    """The scenario of a live page, or raise: an invalid graph is never played."""
    if not isinstance(page, ScenarioPage) or not page.live:
        raise ScenarioActionError(_("This scenario is not available."), status=404)
    scenario = published_scenario(page)
    if engine.validate(scenario):
        raise ScenarioActionError(_("This scenario is not ready to be played yet."), status=409)
    return scenario


def record_choice(user, page, step, *, registration, grouping=None, extensions=None, language=None):
    from tracking.services import record

    scene, choice = step.scene, step.choice
    return record(
        user=user,
        verb="answered",
        activity_id=scene_iri(page, scene.key),
        activity_type="interaction",
        name={language or settings.LANGUAGE_CODE: scene.title},
        result={
            "response": choice.key,
            "extensions": {COMPETENCE_EXTENSION: {c: choice.effect(c) for c in engine.COMPETENCES}},
        },
        registration=registration,
        parent=[scenario_iri(page)],
        grouping=grouping,
        language=language,
        extensions=extensions,
    )


def record_completion(user, page, result, *, registration, grouping=None, extensions=None, language=None):
    from tracking.services import record

    scenario = published_scenario(page)
    (low, high), _per = engine.score_range(scenario)
    scaled = engine.scaled_score(scenario, result.total)
    record(
        user=user,
        verb="completed",
        activity_id=scenario_iri(page),
        activity_type="scenario",
        name={language or settings.LANGUAGE_CODE: page.title},
        result={
            "completion": True,
            "score": {"scaled": scaled, "raw": result.total, "min": low, "max": high},
            "extensions": {COMPETENCE_EXTENSION: dict(result.scores), ENDING_EXTENSION: result.ending.key},
        },
        registration=registration,
        grouping=grouping,
        language=language,
        extensions=extensions,
    )
    return scaled


# ---------------------------------------------------------------- solo play


def _lesson_for(user, lesson, block_id, page):
    """Check that ``block_id`` of ``lesson`` plays this scenario and the learner may take part.
    Returns the lesson context (registration, IRIs)."""
    from courses.selectors import lesson_context

    block = next((child for child in lesson.body if child.id == block_id), None)
    chosen = block.value.get("scenario") if block is not None and block.block_type == "scenario" else None
    if chosen is None or chosen.translation_key != page.translation_key:
        raise ScenarioActionError(_("This scenario is not part of the lesson."), status=404)
    context = lesson_context(user, lesson)
    if context["enrolment"] is None:
        raise ScenarioActionError(_("Enrol in the course to take part in its lessons."), status=403)
    return context


def current_play(user, page, lesson=None, block_id=""):
    """The learner's latest play of the scenario in this place (page or lesson block), or None."""
    if user is None or not user.is_authenticated:
        return None
    return (
        ScenarioPlay.objects.filter(
            user=user,
            scenario_key=page.translation_key,
            lesson_key=lesson.translation_key if lesson is not None else None,
            block_id=block_id or "",
        )
        .order_by("-started_at", "-pk")
        .first()
    )


def choose(user, page, choice_key, step, *, lesson=None, block_id=""):
    """Take ``choice_key`` as the learner's next choice. ``step`` is how many choices the page the
    learner answered from had seen: a different number means the choice is stale. Returns the play."""
    scenario = playable(page)
    if lesson is not None:
        context = _lesson_for(user, lesson, block_id, page)
    else:
        context = None
        block_id = ""
    language = translation.get_language()
    with transaction.atomic():
        play = current_play(user, page, lesson, block_id)
        if play is not None:
            play = ScenarioPlay.objects.select_for_update().get(pk=play.pk)
        if play is not None and play.finished:
            raise ScenarioActionError(
                _("You have already finished this scenario. Start again to play it once more."), status=409
            )
        if play is None:
            play = ScenarioPlay(
                user=user,
                scenario_key=page.translation_key,
                lesson_key=lesson.translation_key if lesson is not None else None,
                block_id=block_id or "",
            )
        if step is None or step != len(play.choices):
            raise ScenarioActionError(
                _("That choice belonged to an earlier scene. Here is where you are now."), status=409
            )
        try:
            result = engine.replay(scenario, [*play.choices, choice_key])
        except engine.ReplayError:
            raise ScenarioActionError(_("That choice is not available in this scene."), status=400) from None
        play.choices = [*play.choices, choice_key]
        play.scores = dict(result.scores)
        if context is not None:
            registration = context["registration"]
            grouping = [i for i in (context["lesson_iri"], context["module_iri"], context["course_iri"]) if i]
        else:
            registration, grouping = play.registration, None
        play.save()
        record_choice(
            user, page, result.steps[-1], registration=registration, grouping=grouping, language=language
        )
        if result.finished:
            play.ending_key = result.ending.key
            play.finished_at = timezone.now()
            play.score_scaled = record_completion(
                user, page, result, registration=registration, grouping=grouping, language=language
            )
            play.save(update_fields=["ending_key", "finished_at", "score_scaled", "updated_at"])
            if lesson is not None:
                from courses.services import record_activity_result

                record_activity_result(user, lesson, block_id, completed=True, score_scaled=play.score_scaled)
    return play


def start_again(user, page, *, lesson=None, block_id=""):
    """Begin a fresh play after a finished one; the finished play stays as it was."""
    playable(page)
    if lesson is not None:
        _lesson_for(user, lesson, block_id, page)
    else:
        block_id = ""
    play = current_play(user, page, lesson, block_id)
    if play is not None and not play.finished:
        return play
    return ScenarioPlay.objects.create(
        user=user,
        scenario_key=page.translation_key,
        lesson_key=lesson.translation_key if lesson is not None else None,
        block_id=block_id or "",
    )


# ---------------------------------------------------------------- live sessions

# No 0/O, 1/I/L: a code read off a projector is typed without guessing.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def normalise_code(text):
    """What the participant typed, without spaces or hyphens and in capitals."""
    return "".join(ch for ch in str(text or "").upper() if ch.isalnum())[:16]


def _new_code():
    import secrets

    from .models import LiveSession

    for _attempt in range(20):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not LiveSession.objects.filter(code=code).exists():
            return code
    raise ScenarioActionError(_("No free join code was found; please try again."), status=503)


def may_run_sessions(user):
    """Trainers (a membership with the trainer role) run live sessions."""
    from accounts.selectors import organisations_where

    return bool(user and user.is_authenticated and organisations_where(user, "trainer"))


def start_session(trainer, page, *, assign_roles=False):
    from datetime import timedelta

    from .models import LiveSession

    if not may_run_sessions(trainer):
        raise ScenarioActionError(_("Only trainers can start live sessions."), status=403)
    playable(page)
    if not page.roles:
        raise ScenarioActionError(
            _("This scenario defines no roles, so it cannot be played live."), status=409
        )
    now = timezone.now()
    return LiveSession.objects.create(
        scenario=page,
        trainer=trainer,
        code=_new_code(),
        decision_mode=page.decision_mode,
        assign_roles=bool(assign_roles),
        max_participants=page.max_participants,
        expires_at=now + timedelta(hours=settings.SCENARIOS_SESSION_HOURS),
    )


def session_by_code(text):
    """The open session with this join code; raise with a message for unknown and expired codes."""
    from .models import LiveSession

    code = normalise_code(text)
    if not code:
        raise ScenarioActionError(_("Enter the join code shown by your trainer."))
    session = LiveSession.objects.select_related("scenario").filter(code=code).first()
    if session is None:
        raise ScenarioActionError(
            _("No session has the code %(code)s. Check the code on the projector and try again.")
            % {"code": code},
            status=404,
        )
    if session.phase == session.Phase.ENDED or session.expires_at <= timezone.now():
        raise ScenarioActionError(
            _("This session has ended or its code has expired. Ask your trainer."), status=410
        )
    return session


def join(user, code, role_key=None):
    """Join the session with ``code`` (or come back to it). Returns (participant, created).

    A participant who joined before gets their participation back unchanged, whatever role they
    send now: a reload or a lost connection never changes a role."""
    from django.db.models import Count

    from .models import LiveSession, Participant

    session = session_by_code(code)
    existing = Participant.objects.filter(session=session, user=user).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session.pk)
        if session.participants.count() >= session.max_participants:
            raise ScenarioActionError(
                _("This session is full (%(count)s participants). Ask your trainer.")
                % {"count": session.max_participants},
                status=409,
            )
        scenario = published_scenario(session.scenario)
        keys = [role.key for role in scenario.roles]
        if session.assign_roles:
            taken = dict(
                session.participants.values("role_key").annotate(n=Count("id")).values_list("role_key", "n")
            )
            role_key = min(keys, key=lambda key: (taken.get(key, 0), keys.index(key)))
        elif role_key not in keys:
            raise ScenarioActionError(_("Choose one of the roles of this scenario."))
        participant = Participant.objects.create(session=session, user=user, role_key=role_key)
        from . import polling

        polling.bump(session)
    return participant, True


def _locked(session_id):
    from .models import LiveSession

    return LiveSession.objects.select_for_update().select_related("scenario").get(pk=session_id)


def _live_extensions(session, role_key):
    return {
        ROLE_EXTENSION: role_key,
        SESSION_EXTENSION: str(session.registration),
    }


def _apply_decision(session, scenario, choice_key, decided_by):
    """Append the group's decision and move to its feedback."""
    session.choices = [*session.choices, choice_key]
    session.deciders = [*session.deciders, decided_by]
    session.phase = session.Phase.FEEDBACK
    session.discussion = False
    session.save(update_fields=["choices", "deciders", "phase", "discussion"])


def _check_open_for(session, scenario, step):
    """The replay of the session so far, or raise when the scene is not open for choices."""
    if session.phase == session.Phase.ENDED:
        raise ScenarioActionError(_("This session has ended."), status=409)
    if session.phase == session.Phase.LOBBY:
        raise ScenarioActionError(_("The trainer has not started the scenario yet."), status=409)
    if step is None or step != len(session.choices) or session.phase != session.Phase.DECIDING:
        raise ScenarioActionError(
            _("The session has moved on to another scene; your choice was not counted."), status=409
        )
    if session.discussion:
        raise ScenarioActionError(_("The trainer has paused the scenario for a discussion."), status=409)
    return engine.replay(scenario, session.choices)


def decide(participant, choice_key, step):
    """A participant's choice at ``step``: the decision in turn mode, a vote in group mode."""
    from . import polling
    from .models import DecisionMode, Vote

    with transaction.atomic():
        session = _locked(participant.session_id)
        page = session.scenario
        scenario = published_scenario(page)
        result = _check_open_for(session, scenario, step)
        scene = result.scene
        if session.decision_mode == DecisionMode.TURN and scene.role and participant.role_key != scene.role:
            role = scenario.role(scene.role)
            raise ScenarioActionError(
                _("It is not your turn: %(role)s decides in this scene.")
                % {"role": role.name if role else scene.role},
                status=403,
            )
        choice = next((c for c in result.offered if c.key == choice_key), None)
        if choice is None:
            raise ScenarioActionError(_("That choice is not available in this scene."))
        if Vote.objects.filter(session=session, participant=participant, step=step).exists():
            raise ScenarioActionError(_("You have already voted in this scene."), status=409)
        Vote.objects.create(
            session=session, participant=participant, step=step, scene_key=scene.key, choice_key=choice.key
        )
        record_choice(
            participant.user,
            page,
            engine.Step(scene, choice, result.offered),
            registration=session.registration,
            extensions=_live_extensions(session, participant.role_key),
            language=page.locale.language_code,
        )
        if session.decision_mode == DecisionMode.TURN:
            _apply_decision(session, scenario, choice.key, {"by": "role", "role": participant.role_key})
        elif Vote.objects.filter(session=session, step=step).count() >= session.participants.count():
            _close_vote(session, scenario, result)
        polling.bump(session)
    return session


def _close_vote(session, scenario, result):
    from django.db.models import Count

    from .models import Vote

    counts = dict(
        Vote.objects.filter(session=session, step=len(session.choices))
        .values("choice_key")
        .annotate(n=Count("id"))
        .values_list("choice_key", "n")
    )
    if not counts:
        raise ScenarioActionError(_("Nobody has voted yet."), status=409)
    order = [choice.key for choice in result.offered]
    winner = max((key for key in order if key in counts), key=lambda key: (counts[key], -order.index(key)))
    _apply_decision(session, scenario, winner, {"by": "vote", "votes": counts})


TRAINER_ACTIONS = ("start", "pause", "resume", "close-vote", "next", "decide", "end")


def trainer_action(session, trainer, action, *, step=None, choice_key=None):
    """Pace the session. ``step`` must name the current step for actions that depend on it."""
    from . import polling

    if action not in TRAINER_ACTIONS:
        raise ScenarioActionError(_("Unknown action."))
    with transaction.atomic():
        session = _locked(session.pk)
        if session.trainer_id != trainer.pk:
            raise ScenarioActionError(_("This session is not available."), status=404)
        page = session.scenario
        scenario = published_scenario(page)
        phase = session.Phase
        if session.phase == phase.ENDED:
            raise ScenarioActionError(_("This session has ended."), status=409)
        if step is not None and step != len(session.choices):
            raise ScenarioActionError(
                _("The session has moved on to another scene since you looked; nothing was changed."),
                status=409,
            )
        if action == "start":
            if session.phase != phase.LOBBY:
                raise ScenarioActionError(_("The scenario has already started."), status=409)
            session.phase = phase.DECIDING
            session.save(update_fields=["phase"])
        elif action in ("pause", "resume"):
            if session.phase != phase.DECIDING:
                raise ScenarioActionError(
                    _("A discussion pause is possible while a scene is open."), status=409
                )
            session.discussion = action == "pause"
            session.save(update_fields=["discussion"])
        elif action == "close-vote":
            result = _check_open_for(session, scenario, len(session.choices))
            _close_vote(session, scenario, result)
        elif action == "decide":
            result = _check_open_for(session, scenario, len(session.choices))
            if not any(c.key == choice_key for c in result.offered):
                raise ScenarioActionError(_("That choice is not available in this scene."))
            _apply_decision(session, scenario, choice_key, {"by": "trainer"})
        elif action == "next":
            if session.phase != phase.FEEDBACK:
                raise ScenarioActionError(_("There is no feedback to move on from."), status=409)
            result = engine.replay(scenario, session.choices)
            if result.finished:
                _finish(session, page, result)
            else:
                session.phase = phase.DECIDING
                session.save(update_fields=["phase"])
        elif action == "end":
            session.phase = phase.ENDED
            session.ended_at = timezone.now()
            session.save(update_fields=["phase", "ended_at"])
        polling.bump(session)
    return session


def _finish(session, page, result):
    """The group reached an ending: each participant's completion, with their role, in the session."""
    session.phase = session.Phase.ENDED
    session.ended_at = timezone.now()
    session.save(update_fields=["phase", "ended_at"])
    for participant in session.participants.select_related("user"):
        record_completion(
            participant.user,
            page,
            result,
            registration=session.registration,
            extensions=_live_extensions(session, participant.role_key),
            language=page.locale.language_code,
        )
