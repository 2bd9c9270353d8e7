"""Reads: what the scenario page, the lesson block, the preview and the debriefs show."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import engine
from .messages import validation_message

COMPETENCE_LABELS = {
    "awareness": _("Awareness"),
    "knowledge": _("Knowledge"),
    "skills": _("Skills"),
}


def localized_scenario(page):
    """The scenario page in the active language when it has a live translation, else ``page``."""
    page = page.specific
    localized = page.localized
    if localized is not None and localized.pk != page.pk and localized.live:
        return localized.specific
    return page


def target_title(scenario, key):
    scene = scenario.scene(key)
    if scene is not None:
        return scene.title
    ending = scenario.ending(key)
    return ending.title if ending is not None else key


def scene_view(scenario, scene, offered):
    from wagtail.images import get_image_model

    role = scenario.role(scene.role) if scene.role else None
    image = get_image_model().objects.filter(pk=scene.image).first() if scene.image else None
    return {"scene": scene, "role": role, "choices": offered, "image": image}


def competence_chart(scenario, scores):
    """Bars for the competence profile on the scenario's own axis (highest reachable per competence)."""
    _range, highest = engine.score_range(scenario)
    rtl = translation.get_language_bidi()
    rows = []
    for n, name in enumerate(engine.COMPETENCES):
        value = int(scores.get(name, 0) or 0)
        top = max(1, highest.get(name, 0))
        width = round(2.4 * 100 * max(0, min(value, top)) / top, 1)
        rows.append(
            {
                "key": name,
                "label": COMPETENCE_LABELS[name],
                "value": value,
                "highest": highest.get(name, 0),
                "percent": round(100 * max(0, min(value, top)) / top),
                "y": 10 + n * 44,
                "width": width,
                # Right to left the labels sit on the right and the bars grow leftwards.
                "label_x": 400 if rtl else 0,
                "bar_x": 270 - width if rtl else 130,
                "track_x": 30 if rtl else 130,
                "value_x": 262 - width if rtl else 138 + width,
            }
        )
    return {"rows": rows, "height": 10 + len(rows) * 44, "rtl": rtl}


def debrief(scenario, result):
    """The path taken, what each other choice would have led to, the ending and the chart."""
    steps = []
    for number, step in enumerate(result.steps, start=1):
        steps.append(
            {
                "number": number,
                "scene": step.scene,
                "role": scenario.role(step.scene.role) if step.scene.role else None,
                "choice": step.choice,
                "alternatives": [
                    {"choice": other, "leads_to": target_title(scenario, other.leads_to)}
                    for other in step.offered
                    if other.key != step.choice.key
                ],
            }
        )
    return {
        "steps": steps,
        "ending": result.ending,
        "chart": competence_chart(scenario, result.scores),
        "scaled_percent": round(100 * engine.scaled_score(scenario, result.total)),
    }


def solo_state(request, page, *, lesson=None, block_id="", play=None):
    """Everything ``scenarios/includes/solo_play.html`` needs for this learner and place."""
    from .models import published_scenario
    from .services import current_play

    previewing = bool(getattr(request, "is_preview", False))
    scenario = page.scenario() if previewing or not page.pk else published_scenario(page)
    problems = engine.validate(scenario)
    user = getattr(request, "user", None)
    state = {
        "page": page,
        "lesson": lesson,
        "block_id": block_id or "",
        "anchor": f"scenario-{block_id or page.pk}",
        "ready": not problems,
        "signed_in": bool(user and user.is_authenticated),
        "choose_url": reverse("scenarios:choose", args=[page.pk]),
        "restart_url": reverse("scenarios:start_again", args=[page.pk]),
        "back_url": request.get_full_path() if request is not None else "",
    }
    if problems or not state["signed_in"]:
        return state
    if play is None:
        play = current_play(user, page, lesson, block_id)
    choices = list(play.choices) if play is not None else []
    try:
        result = engine.replay(scenario, choices)
    except engine.ReplayError:
        # The scenario was edited under a play in progress; the learner starts it again.
        result, choices = engine.replay(scenario, []), []
    state.update(
        {
            "play": play,
            "step": len(choices),
            "result": result,
            "last": result.steps[-1] if result.steps else None,
            "last_leads_to": (
                target_title(scenario, result.steps[-1].choice.leads_to) if result.steps else ""
            ),
        }
    )
    if result.finished:
        state["debrief"] = debrief(scenario, result)
    else:
        state["current"] = scene_view(scenario, result.scene, result.offered)
    return state


def scenario_page_context(request, page):
    from .services import may_run_sessions

    return {"solo": solo_state(request, page), "can_run_sessions": may_run_sessions(request.user)}


def lesson_block_context(value, parent_context):
    """The lesson block: the chosen scenario in the learner's language, played in the lesson."""
    chosen = value.get("scenario")
    lesson = parent_context.get("page") if hasattr(parent_context, "get") else None
    request = parent_context.get("request") if hasattr(parent_context, "get") else None
    block_id = parent_context.get("block_id") if hasattr(parent_context, "get") else None
    if chosen is None or request is None:
        return None
    page = localized_scenario(chosen)
    if getattr(request, "is_preview", False):
        return {"page": page, "preview": True, "ready": not page.validation_errors()}
    return solo_state(request, page, lesson=lesson, block_id=block_id or "")


def preview_context(page, mode):
    """The editor's preview: the graph as SVG, the problems, and every scene to play through links."""
    scenario = page.scenario()
    problems = engine.validate(scenario)
    drawing = engine.layout(scenario)
    nodes = [
        {
            "node": node,
            "cx": node.x + drawing.node_width / 2,
            "ty": node.y + drawing.node_height / 2 + 5,
            "label": node.label if len(node.label) <= 20 else node.label[:19] + "…",
        }
        for node in drawing.nodes
    ]
    edges = []
    for edge in drawing.edges:
        if edge.backward:
            # Loops go back: an arc below the boxes so it does not cross the forward edges.
            drop = drawing.node_height + 18
            path = (
                f"M {edge.x1 - drawing.node_width / 2:.1f} {edge.y1 + drawing.node_height / 2:.1f} "
                f"C {edge.x1 - drawing.node_width / 2:.1f} {edge.y1 + drop:.1f} "
                f"{edge.x2 + drawing.node_width / 2:.1f} {edge.y2 + drop:.1f} "
                f"{edge.x2 + drawing.node_width / 2:.1f} {edge.y2 + drawing.node_height / 2:.1f}"
            )
        else:
            middle = (edge.x1 + edge.x2) / 2
            path = (
                f"M {edge.x1:.1f} {edge.y1:.1f} C {middle:.1f} {edge.y1:.1f} "
                f"{middle:.1f} {edge.y2:.1f} {edge.x2:.1f} {edge.y2:.1f}"
            )
        edges.append({"edge": edge, "path": path})
    return {
        "page": page,
        "mode": mode,
        "scenario": scenario,
        "problems": [validation_message(problem) for problem in problems],
        "drawing": drawing,
        "nodes": nodes,
        "edges": edges,
        "scenes": [
            {
                "scene": scene,
                "role": scenario.role(scene.role) if scene.role else None,
                "choices": [
                    {
                        "choice": c,
                        "leads_to": target_title(scenario, c.leads_to),
                        "known": bool(scenario.scene(c.leads_to) or scenario.ending(c.leads_to)),
                        "anchor": ("scene-" if scenario.scene(c.leads_to) else "ending-") + c.leads_to,
                    }
                    for c in scene.choices
                ],
            }
            for scene in scenario.scenes
        ],
    }


# ---------------------------------------------------------------- live sessions


def session_run_by(user, session_id):
    """The session ``user`` runs as its trainer, or None (others get a 404)."""
    from .models import LiveSession

    if not user.is_authenticated:
        return None
    return LiveSession.objects.select_related("scenario").filter(pk=session_id, trainer=user).first()


def participation(user, session_id):
    """The user's participation in the session, or None (a session they did not join is a 404)."""
    from .models import Participant

    if not user.is_authenticated:
        return None
    return (
        Participant.objects.select_related("session", "session__scenario")
        .filter(session_id=session_id, user=user)
        .first()
    )


def sessions_of(user):
    from .models import LiveSession, Participant

    return {
        "running": list(LiveSession.objects.filter(trainer=user).select_related("scenario")[:50]),
        "joined": list(
            Participant.objects.filter(user=user).select_related("session", "session__scenario")[:50]
        ),
    }


def _role_name(scenario, key):
    role = scenario.role(key)
    return role.name if role else key


def live_state(session, viewer, participant=None):
    """What a participant, the trainer or the projector sees of the session now."""
    from django.db.models import Count

    from .models import DecisionMode, published_scenario

    page = session.scenario
    scenario = published_scenario(page)
    result = engine.replay(scenario, session.choices)
    step = len(session.choices)
    # Poll tokens name a participant as "p<id>"; templates only need to know it is one.
    viewer = viewer if viewer in ("trainer", "projector") else "participant"
    # Phones poll this after every change: they get counts, only the trainer and projector the list.
    if viewer == "participant":
        participants = []
        participant_count = session.participants.count()
    else:
        participants = list(session.participants.select_related("user").order_by("joined_at", "pk"))
        participant_count = len(participants)
    state = {
        "session": session,
        "page": page,
        "viewer": viewer,
        "participant": participant,
        "my_role": _role_name(scenario, participant.role_key) if participant else "",
        "phase": session.phase,
        "step": step,
        "number": step + 1,
        "vote_mode": session.decision_mode == DecisionMode.VOTE,
        "discussion": session.discussion,
        "participant_count": participant_count,
        "participants": [
            {"name": p.user.display_name, "role": _role_name(scenario, p.role_key)} for p in participants
        ],
        "roles": [
            {"name": role.name, "count": sum(1 for p in participants if p.role_key == role.key)}
            for role in scenario.roles
        ],
    }
    if session.phase == session.Phase.DECIDING and result.scene is not None:
        scene = result.scene
        counts = dict(
            session.votes.filter(step=step)
            .values("choice_key")
            .annotate(n=Count("id"))
            .values_list("choice_key", "n")
        )
        mine = None
        if participant is not None:
            mine = (
                session.votes.filter(step=step, participant=participant)
                .values_list("choice_key", flat=True)
                .first()
            )
        deciding = _role_name(scenario, scene.role) if scene.role else ""
        state.update(
            {
                "scene": scene,
                "deciding_role": deciding,
                "choices": [
                    {"choice": c, "votes": counts.get(c.key, 0), "mine": c.key == mine}
                    for c in result.offered
                ],
                "votes_cast": sum(counts.values()),
                "my_vote": mine,
                "can_decide": participant is not None
                and mine is None
                and not session.discussion
                and (state["vote_mode"] or not scene.role or participant.role_key == scene.role),
            }
        )
    if session.phase in (session.Phase.FEEDBACK, session.Phase.ENDED) and result.steps:
        last = result.steps[-1]
        decided = session.deciders[-1] if session.deciders else {}
        state["last"] = {
            "scene": last.scene,
            "choice": last.choice,
            "leads_to": target_title(scenario, last.choice.leads_to),
            "by": _decided_by(scenario, decided),
        }
    if session.phase == session.Phase.ENDED:
        state["ended"] = True
        if result.finished:
            state["debrief"] = group_debrief(session, scenario, result)
    return state


def _decided_by(scenario, decided):
    if decided.get("by") == "role":
        return _role_name(scenario, decided.get("role", ""))
    if decided.get("by") == "vote":
        votes = decided.get("votes") or {}
        return translation.ngettext(
            "the group (%(count)s vote)", "the group (%(count)s votes)", sum(votes.values())
        ) % {"count": sum(votes.values())}
    return translation.gettext("the trainer")


def group_debrief(session, scenario, result):
    summary = debrief(scenario, result)
    for item, decided in zip(summary["steps"], session.deciders, strict=False):
        item["decided_by"] = _decided_by(scenario, decided)
    return summary


def qr_png_data_uri(url):
    """The join link as a small 1-bit PNG for the projector and the printed debrief."""
    import base64
    import io

    import qrcode

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=2, mask_pattern=2
    )
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().get_image().convert("1").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def choices_made_by(user_ids):
    """[{person, scenario, choice}] of the choices these people made playing scenarios alone, in
    the order they made them, for a trainer's cohort dashboard (the newest 200 plays)."""
    from django.contrib.auth import get_user_model

    from .models import ScenarioPage, ScenarioPlay

    plays = list(ScenarioPlay.objects.filter(user_id__in=list(user_ids)).order_by("-updated_at")[:200])
    if not plays:
        return []
    keys = {play.scenario_key for play in plays}
    pages = {}
    for page in ScenarioPage.objects.live().filter(translation_key__in=keys):
        pages.setdefault(page.translation_key, page)
    names = {
        user.pk: user.get_full_name() or user.email
        for user in get_user_model().objects.filter(pk__in={play.user_id for play in plays})
    }
    rows = []
    for play in reversed(plays):
        page = pages.get(play.scenario_key)
        if page is None:
            continue
        page = localized_scenario(page)
        scenario = page.scenario()
        try:
            result = engine.replay(scenario, play.choices)
        except engine.ReplayError:
            continue  # the scenario changed since; its old choices no longer replay
        for step in result.steps:
            rows.append(
                {"person": names.get(play.user_id, ""), "scenario": page.title, "choice": step.choice.text}
            )
    return rows


def facilitation_offer(user, lesson):
    """The live session a trainer can start from the projector view of ``lesson``: its first
    role-play block's scenario, or None (not a trainer, or no scenario in the lesson)."""
    from .services import may_run_sessions

    if not may_run_sessions(user):
        return None
    for block in lesson.body:
        if block.block_type == "scenario" and block.value.get("scenario") is not None:
            page = localized_scenario(block.value["scenario"])
            if page.live:
                return {"title": page.title, "start_url": reverse("scenarios:start_session", args=[page.pk])}
    return None
