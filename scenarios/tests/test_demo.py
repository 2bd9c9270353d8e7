"""The demo role-plays load, are valid in every language and load only once."""

from scenarios import demo, engine
from scenarios.demo_content import SCENARIOS
from scenarios.models import ScenarioPage


def test_the_demo_scenarios_load_once_and_are_valid_in_every_language(site_content):
    created = demo.load()
    assert len([item for item in created if item.startswith("scenario '")]) == 6
    assert demo.load() == []
    pages = ScenarioPage.objects.live()
    assert pages.filter(locale__language_code="en").count() == 6
    assert pages.filter(locale__language_code="de").count() == 6
    assert pages.filter(locale__language_code="ar").count() == 1
    for page in pages.specific():
        assert page.validation_errors() == [], page.slug


def test_every_demo_text_is_written_in_english_and_german():
    def texts(data):
        yield data["title"]
        yield data["summary"]
        for role in data["roles"]:
            yield role["name"]
            yield role["description"]
        for scene in data["scenes"]:
            yield scene["title"]
            yield scene["text"]
            if scene["prompt"]:
                yield scene["prompt"]
            for choice in scene["choices"]:
                yield choice["text"]
                yield choice["feedback"]
        for ending in data["endings"]:
            yield ending["title"]
            yield ending["debrief"]

    for data in SCENARIOS:
        for item in texts(data):
            assert item["en"].strip() and item["de"].strip() and item["en"] != item["de"], item
    arabic = [data for data in SCENARIOS if "ar" in data["title"]]
    assert len(arabic) == 1 and all("ar" in item for item in texts(arabic[0]))


def test_one_demo_scenario_has_a_bounded_loop():
    safety = next(data for data in SCENARIOS if data["slug"].startswith("safety"))
    scenario = engine.build(
        {
            "title": "safety",
            "roles": [{"key": r["key"], "name": r["name"]["en"]} for r in safety["roles"]],
            "scenes": [
                {
                    "key": s["key"],
                    "title": s["title"]["en"],
                    "role": s["role"],
                    "start": s["start"],
                    "max_visits": s["max_visits"],
                    "choices": [
                        {"key": c["key"], "leads_to": c["leads_to"], "text": c["text"]["en"]}
                        for c in s["choices"]
                    ],
                }
                for s in safety["scenes"]
            ],
            "endings": [{"key": e["key"], "title": e["title"]["en"]} for e in safety["endings"]],
        }
    )
    assert engine.validate(scenario) == []
    with_loop = engine.replay(scenario, ["manual", "ask", "admit"])
    assert [c.key for c in with_loop.offered] == ["demonstrate"]
