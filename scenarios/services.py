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
from .models import ScenarioPage, ScenarioPlay

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
    scenario = page.scenario()
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

    scenario = page.scenario()
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
