"""A live workshop: a trainer, a projector and three participants on phones play the demo
"first day" role-play through three scenes, each decided by a different role. One participant
reloads in the middle and comes back in the same role. Phones and projector follow by polling."""

import re

import pytest

from tests.browser.database import read_when_free

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def demo_scenarios(site_content):
    from scenarios import demo

    demo.load()


def log_in(page, base, email, password):
    page.goto(f"{base}/en/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/dashboard/"))


def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def wait_for_text(page, text, timeout=4_000):
    """Within the 2 seconds the issue asks for (plus margin for a loaded test machine)."""
    page.locator("[data-live-region]").get_by_text(text).first.wait_for(timeout=timeout)


def test_a_live_session_with_a_trainer_a_projector_and_three_phones(
    browser, page, live_server, demo_scenarios, make_user, password, screenshot
):
    from accounts.services import add_member, default_organisation
    from scenarios.models import LiveSession, Participant
    from scenarios.services import ROLE_EXTENSION
    from tracking.selectors import statements_for

    base = live_server.url
    trainer = make_user(email="trainer@example.org", first_name="Tara")
    add_member(trainer, default_organisation(), "trainer")
    log_in(page, base, trainer.email, password)
    page.goto(f"{base}/en/role-plays/first-day/")
    page.get_by_role("button", name="Start a live session").click()
    page.wait_for_url(re.compile(r"/trainer/$"))
    code = page.locator("[data-join-code]").inner_text().strip()
    projector = page.context.new_page()
    projector.goto(page.url.replace("/trainer/", "/projector/"))
    assert projector.locator("[data-join-code]").inner_text().strip() == code
    assert projector.locator(".projector-qr img").get_attribute("src").startswith("data:image/png")

    people = {}
    contexts = []
    for role, name in (("hr", "Petra"), ("colleague", "Jana"), ("lead", "Becker")):
        user = make_user(email=f"{role}@example.org", first_name=name)
        context, phone_page = phone(browser)
        contexts.append(context)
        log_in(phone_page, base, user.email, password)
        phone_page.goto(f"{base}/en/scenarios/join/")
        # Typed in lower case with a space in the middle, as people do on phones.
        phone_page.locator("#join-code").fill(f"{code[:3].lower()} {code[3:].lower()}")
        phone_page.get_by_role("button", name="Join").click()
        phone_page.locator(f"input[name=role][value={role}]").check()
        phone_page.get_by_role("button", name="Join").click()
        phone_page.wait_for_url(re.compile(r"/scenarios/live/\d+/$"))
        people[role] = (user, phone_page)
    wait_for_text(page, "3 participants have joined.")
    wait_for_text(projector, "3 participants have joined.")
    screenshot(people["hr"][1], "scenarios-live-phone-lobby-en")

    page.get_by_role("button", name="Start the scenario").click()
    for _user, phone_page in people.values():
        wait_for_text(phone_page, "Seven o'clock at the gate")
    wait_for_text(projector, "Petra, HR officer decides")
    # Only the HR officer can decide in the first scene; the others wait.
    assert people["colleague"][1].locator("button.scenario-choice").count() == 0
    screenshot(people["hr"][1], "scenarios-live-phone-deciding-en")
    people["hr"][1].locator("button.scenario-choice[value=fetch]").click()
    wait_for_text(projector, "Decided by Petra, HR officer")
    wait_for_text(people["lead"][1], "Owning the mistake in person")
    screenshot(projector, "scenarios-live-projector-feedback-en")
    page.locator("[data-next]").click()

    # Jana's phone reloads (a lost connection) and comes back in the same role.
    colleague_page = people["colleague"][1]
    wait_for_text(colleague_page, "Meeting the team")
    colleague_page.reload()
    assert colleague_page.locator(".live-my-role").inner_text().strip() == "Your role: Jana, co-worker"
    colleague_page.locator("button.scenario-choice[value=buddy]").click()
    wait_for_text(projector, "Decided by Jana, co-worker")
    page.locator("[data-next]").click()

    wait_for_text(people["lead"][1], "End of the shift")
    page.locator("button", has_text="Pause for discussion").click()
    wait_for_text(projector, "Paused for discussion")
    page.locator("button", has_text="End the discussion").click()
    people["lead"][1].locator("button.scenario-choice[value=plan]").click()
    wait_for_text(projector, "Decided by Mr Becker, team lead")
    page.locator("[data-next]").click()
    for viewer in [projector] + [phone_page for _user, phone_page in people.values()]:
        viewer.locator("[data-live-state][data-phase=ended]").wait_for(timeout=4_000)
        assert viewer.locator("[data-scene-heading]").inner_text().strip() == "A second first day"
    screenshot(projector, "scenarios-live-projector-ending-en")
    screenshot(people["lead"][1], "scenarios-live-phone-ending-en")

    page.get_by_role("link", name="Print the group debrief").click()
    assert page.locator(".scenario-path > li").count() == 3
    assert "decided by Jana, co-worker" in page.locator(".scenario-path").inner_text()
    screenshot(page, "scenarios-live-debrief-en")

    session = read_when_free(page, lambda: LiveSession.objects.get(code=code))
    assert session.choices == ["fetch", "buddy", "plan"] and session.phase == "ended"
    assert read_when_free(page, lambda: Participant.objects.get(user=people["colleague"][0]).role_key) == (
        "colleague"
    )
    for role, (user, _page) in people.items():
        statements = read_when_free(page, lambda user=user: statements_for(user))
        assert {s["context"]["registration"] for s in statements} == {str(session.registration)}
        assert {s["context"]["extensions"][ROLE_EXTENSION] for s in statements} == {role}
    for context in contexts:
        context.close()
