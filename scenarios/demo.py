"""Demo role-plays: six scenarios in English and German, the first one also in Arabic.

The texts live in ``demo_content``. Block ids are fixed, so every language version shares them;
keys and effects are the same in every language. Loading twice changes nothing."""

import json

from django.db import transaction
from wagtail.models import Locale

from website.models import HomePage

from . import engine
from .demo_content import INDEX, SCENARIOS
from .models import ScenarioIndexPage, ScenarioPage

COMPETENCES = engine.COMPETENCES


def _streams(data, language):
    def text(texts):
        return texts.get(language) or texts["en"]

    roles = [
        {
            "type": "role",
            "id": f"role-{role['key']}",
            "value": {
                "key": role["key"],
                "name": text(role["name"]),
                "description": text(role["description"]),
            },
        }
        for role in data["roles"]
    ]
    scenes = []
    for scene in data["scenes"]:
        choices = [
            {
                "type": "item",
                "id": f"choice-{scene['key']}-{choice['key']}",
                "value": {
                    "key": choice["key"],
                    "text": text(choice["text"]),
                    "leads_to": choice["leads_to"],
                    "feedback": text(choice["feedback"]),
                    **dict(zip(COMPETENCES, choice["effects"], strict=True)),
                },
            }
            for choice in scene["choices"]
        ]
        scenes.append(
            {
                "type": "scene",
                "id": f"scene-{scene['key']}",
                "value": {
                    "key": scene["key"],
                    "title": text(scene["title"]),
                    "start": scene["start"],
                    "role": scene["role"],
                    "text": text(scene["text"]),
                    "image": None,
                    "discussion_prompt": text(scene["prompt"]) if scene["prompt"] else "",
                    "max_visits": scene["max_visits"],
                    "choices": choices,
                },
            }
        )
    endings = [
        {
            "type": "ending",
            "id": f"ending-{ending['key']}",
            "value": {
                "key": ending["key"],
                "title": text(ending["title"]),
                "debrief": text(ending["debrief"]),
            },
        }
        for ending in data["endings"]
    ]
    return {"roles": json.dumps(roles), "scenes": json.dumps(scenes), "endings": json.dumps(endings)}


def languages_of(data):
    return [code for code in ("en", "de", "ar") if code in data["title"]]


def _fill(page, data, language):
    page.title = data["title"][language]
    page.summary = data["summary"][language]
    for name, value in _streams(data, language).items():
        setattr(page, name, value)
    return page


def _check(page):
    problems = page.validation_errors()
    if problems:
        raise ValueError(f"Demo scenario {page.slug} is invalid: {[p.message for p in problems]}")


@transaction.atomic
def load():
    created = []
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=en).first()
    if home is None:
        return created
    index = ScenarioIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        title, intro = INDEX["en"]
        index = ScenarioIndexPage(title=title, slug=INDEX["slug"], intro=intro, show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
        created.append("scenario list")
    for code in ("de", "ar"):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or home.get_translation_or_none(locale) is None:
            continue
        if index.get_translation_or_none(locale) is None:
            translated = index.copy_for_translation(locale)
            translated.title, translated.intro = INDEX[code]
            translated.save_revision().publish()
    for data in SCENARIOS:
        page = ScenarioPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = _fill(ScenarioPage(slug=data["slug"], decision_mode=data["mode"]), data, "en")
            _check(page)
            index.add_child(instance=page)
            page.save_revision().publish()
            created.append(f"scenario '{data['title']['en']}'")
        for code in languages_of(data):
            if code == "en":
                continue
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None or index.get_translation_or_none(locale) is None:
                continue
            if page.get_translation_or_none(locale) is not None:
                continue
            translated = _fill(page.copy_for_translation(locale).specific, data, code)
            _check(translated)
            translated.save_revision().publish()
            created.append(f"scenario translation ({code}) '{data['slug']}'")
    return created
