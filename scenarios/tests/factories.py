"""Scenario pages with known keys, built from the raw stream data editors would save."""

import json
import uuid

from scenarios.models import ScenarioIndexPage, ScenarioPage
from website.models import HomePage


def role(key, name):
    return {"type": "role", "id": str(uuid.uuid4()), "value": {"key": key, "name": name, "description": ""}}


def choice(key, text, leads_to, feedback="", awareness=0, knowledge=0, skills=0):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "key": key,
            "text": text,
            "leads_to": leads_to,
            "feedback": feedback,
            "awareness": awareness,
            "knowledge": knowledge,
            "skills": skills,
        },
    }


def scene(key, title, role_key, choices, start=False, prompt="", max_visits=1, text=None):
    return {
        "type": "scene",
        "id": f"scene-{key}",
        "value": {
            "key": key,
            "title": title,
            "start": start,
            "role": role_key,
            "text": text or f"What happens in {title}.",
            "image": None,
            "discussion_prompt": prompt,
            "max_visits": max_visits,
            "choices": choices,
        },
    }


def ending(key, title, debrief="What this ending teaches."):
    return {
        "type": "ending",
        "id": f"ending-{key}",
        "value": {"key": key, "title": title, "debrief": debrief},
    }


def welcome_graph():
    """arrival (newcomer) → team (colleague) → lead (lead) → ending; every scene has a weak choice."""
    return {
        "roles": [
            role("newcomer", "New colleague"),
            role("colleague", "Co-worker"),
            role("lead", "Team lead"),
        ],
        "scenes": [
            scene(
                "arrival",
                "Arrival",
                "newcomer",
                [
                    choice(
                        "ask",
                        "Ask who to report to",
                        "team",
                        "Asking is a good start.",
                        awareness=1,
                        skills=1,
                    ),
                    choice("wait", "Wait at the door", "team", "Nobody noticed you.", awareness=-1),
                ],
                start=True,
                prompt="How did your own first day feel?",
            ),
            scene(
                "team",
                "Meeting the team",
                "colleague",
                [
                    choice("show", "Show the new colleague around", "lead", "A tour helps.", knowledge=2),
                    choice("ignore", "Carry on working", "lead", "The newcomer feels left out.", skills=-1),
                ],
            ),
            scene(
                "lead",
                "The team lead",
                "lead",
                [
                    choice(
                        "plan", "Agree a plan for the first week", "welcomed", "Clear and kind.", skills=2
                    ),
                    choice("later", "Say you will talk later", "lost", "Later never came.", awareness=-1),
                ],
            ),
        ],
        "endings": [ending("welcomed", "Welcomed"), ending("lost", "Lost on day one")],
    }


def english_home():
    return HomePage.objects.get(locale__language_code="en")


def make_index(home=None):
    home = home or english_home()
    existing = ScenarioIndexPage.objects.child_of(home).filter(slug="role-plays").first()
    if existing:
        return existing
    index = ScenarioIndexPage(title="Role-plays", slug="role-plays")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_scenario(index=None, *, title="First day", slug="first-day", graph=None, publish=True, **fields):
    index = index or make_index()
    graph = graph or welcome_graph()
    page = ScenarioPage(
        title=title,
        slug=slug,
        summary="A new colleague's first day.",
        roles=json.dumps(graph["roles"]),
        scenes=json.dumps(graph["scenes"]),
        endings=json.dumps(graph["endings"]),
        **fields,
    )
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page
