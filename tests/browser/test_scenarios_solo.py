"""A learner plays a demo role-play alone to an ending, in English and in Arabic, with the keyboard
for the first choice; the debrief shows the path, the competence chart and its table, and the
choices are stored as xAPI statements."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.database import read_when_free

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATHS = {
    "en": {"title": "The first day: a welcome that goes wrong", "ending": "A second first day", "dir": "ltr"},
    "ar": {"title": "اليوم الأول: استقبال لا يسير كما ينبغي", "ending": "يوم أول ثانٍ", "dir": "rtl"},
}


@pytest.fixture
def demo_scenarios(site_content):
    from scenarios import demo

    demo.load()


def log_in(page, base, language, email, password):
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/dashboard/"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_learner_plays_a_scenario_alone_to_its_debrief(
    page, live_server, demo_scenarios, make_user, password, screenshot, language
):
    from tracking.selectors import statements_for

    texts = PATHS[language]
    learner = make_user(email=f"solo-{language}@example.org")
    log_in(page, live_server.url, language, learner.email, password)
    page.goto(f"{live_server.url}/{language}/role-plays/first-day/")
    assert page.locator("html").get_attribute("dir") == texts["dir"]
    assert page.get_by_role("heading", level=1).inner_text().strip() == texts["title"]
    assert page.locator("[data-scenario-live][aria-live=polite]").count() == 1
    screenshot(page, f"scenarios-solo-start-{language}")

    # The first choice with the keyboard only: the choices are buttons in a fieldset.
    page.locator("button.scenario-choice[value=fetch]").focus()
    page.keyboard.press("Enter")
    page.locator("[data-scenario-feedback]").wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-scene-heading')")
    screenshot(page, f"scenarios-solo-feedback-{language}")
    for key in ("buddy", "plan"):
        page.locator(f"button.scenario-choice[value={key}]").click()
        expect(page.locator(f"button.scenario-choice[value={key}]")).to_have_count(0)
    debrief = page.locator(".scenario-debrief")
    debrief.wait_for()
    assert texts["ending"] in debrief.locator("h3").inner_text()
    assert page.locator("svg[data-competence-chart] rect.chart-bar").count() == 3
    assert page.locator(".competence-table tbody tr").count() == 3
    assert page.locator(".scenario-path > li").count() == 3
    page.locator(".scenario-alternatives summary").first.click()
    screenshot(page, f"scenarios-solo-debrief-{language}")

    answered = read_when_free(page, lambda: statements_for(learner, verb="answered"))
    assert [s["result"]["response"] for s in reversed(answered)] == ["fetch", "buddy", "plan"]
    completed = read_when_free(page, lambda: statements_for(learner, verb="completed"))
    assert completed[0]["result"]["score"]["scaled"] == 1.0
