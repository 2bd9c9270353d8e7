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
    role = scenario.role(scene.role) if scene.role else None
    return {"scene": scene, "role": role, "choices": offered}


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
    from .services import current_play

    scenario = page.scenario()
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
    return {"solo": solo_state(request, page)}


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
