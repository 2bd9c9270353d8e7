"""A trainer runs a cohort: creates it, two participants join from phones with the code (one in
English, one in Arabic), they progress, the trainer's grid updates without a reload, the trainer
marks attendance, grants a quiz attempt, exports the CSV, issues certificates, and the before/after
self-assessment gives a gain chart. Screenshots in English and Arabic."""

import re

import pytest
from django.http import QueryDict

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


def answers(data, attempt):
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    query["attempt"] = str(attempt)
    return query


@pytest.fixture
def workshop_setup(site_content):
    from courses.tests.factories import make_catalogue, make_course, quiz_block, text_block
    from workshops.tests.factories import make_trainer, self_assessment_template

    course = make_course(
        make_catalogue(),
        title="Hiring refugees",
        slug="hiring",
        modules=1,
        lessons_per_module=3,
        bodies={(0, 1): [text_block(), quiz_block(max_attempts=1, pass_mark=100)]},
    )
    trainer, provider = make_trainer(email="trainer@example.org", first_name="Tarek", last_name="Trainer")
    template = self_assessment_template()
    return course, trainer, provider, template


def log_in(page, base, email, password):
    page.goto(f"{base}/en/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/dashboard/"))


def join_from_phone(browser, base, language, typed_code, first, email, password, screenshot):
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.set_default_timeout(15_000)
    phone.goto(f"{base}/{language}/workshops/join/")
    phone.locator("input[name=code]").fill(typed_code)
    screenshot(phone, f"workshops-join-code-{language}")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/workshops/join/[A-Z0-9]+/"))
    phone.locator("input[name=first_name]").fill(first)
    phone.locator("input[name=email]").fill(email)
    phone.locator("input[name=password]").fill(password)
    phone.locator("input[name=accept_privacy]").check()
    screenshot(phone, f"workshops-join-signup-{language}")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/workshops/mine/\d+/"))
    screenshot(phone, f"workshops-participant-{language}")
    return context, phone


def self_assess(phone, phase, value):
    phone.locator(f"a[href*='/{phase}/']").click()
    for name in ("awareness", "knowledge", "skills"):
        phone.locator(f"input[name='item-sa-{name}'][value='{value}']").check()
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/workshops/mine/\d+/$"))


def test_a_trainer_runs_a_cohort_from_creation_to_certificates(
    browser, page, live_server, settings, workshop_setup, password, screenshot
):
    from certificates.selectors import latest_certificate
    from courses import services as courses_services
    from courses.tests.factories import CORRECT_ANSWERS, WRONG_ANSWERS, lessons_of
    from tests.browser.database import read_when_free

    settings.WORKSHOPS_GRID_REFRESH_SECONDS = 1
    course, trainer, provider, template = workshop_setup
    base = live_server.url

    # The trainer creates the cohort.
    log_in(page, base, trainer.email, password)
    page.goto(f"{base}/en/workshops/new/")
    page.locator("input[name=title]").fill("Onboarding workshop, Hamburg")
    page.locator("input[name=courses]").first.check()
    page.locator("textarea[name=days]").fill("2026-12-03\n2026-12-10")
    page.locator("input[name=place]").fill("Hamburg, training room 2")
    page.locator("input[name=capacity]").fill("12")
    page.locator("select[name=self_assessment]").select_option(str(template.pk))
    screenshot(page, "workshops-create-en")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/workshops/\d+/$"))
    code = page.locator(".join-code").get_attribute("data-code")
    cohort_url = page.url

    # Two participants join from phones: one types the code in lower case with a space, one in Arabic.
    first_context, first = join_from_phone(
        browser,
        base,
        "en",
        f"{code[:3].lower()} {code[3:].lower()}",
        "Amal",
        "amal@example.org",
        password,
        screenshot,
    )
    second_context, second = join_from_phone(
        browser, base, "ar", code, "سمير", "samir@example.org", password, screenshot
    )
    self_assess(first, "before", "2")
    self_assess(second, "before", "3")
    mine_url = first.url

    # The trainer watches the grid while the first participant reads a lesson on the phone: the
    # grid shows it without a reload.
    page.goto(cohort_url)
    assert page.locator("#progress-grid .cell-done").count() == 0
    first.goto(base + lessons_of(course)[0].url)
    first.locator(".lesson-status button[type=submit]").click()
    first.wait_for_load_state()
    page.locator("#progress-grid .cell-done").first.wait_for(timeout=15_000)
    assert page.locator("#progress-grid[data-refreshed]").count() == 1
    screenshot(page, "workshops-dashboard-grid-en")

    # Attendance on the first day: both present.
    day_form = page.locator(".attendance-form").first
    for box in day_form.locator("input[name=present]").all():
        box.check()
    day_form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".message-success").count() == 1

    # The first participant fails the one allowed quiz attempt; the trainer grants another.
    from django.contrib.auth import get_user_model

    amal = get_user_model().objects.get(email="amal@example.org")
    quiz_lesson = lessons_of(course)[1]
    read_when_free(
        page, lambda: courses_services.submit_quiz(amal, quiz_lesson, "quiz-1", answers(WRONG_ANSWERS, 1))
    )
    page.locator("#progress-grid a", has_text="Amal").first.click()
    page.wait_for_url(re.compile(r"/people/\d+/"))
    page.locator("form[action*='/grant/'] button").click()
    page.wait_for_load_state()
    assert page.locator(".message-success").count() == 1
    screenshot(page, "workshops-learner-en")
    read_when_free(
        page, lambda: courses_services.submit_quiz(amal, quiz_lesson, "quiz-1", answers(CORRECT_ANSWERS, 2))
    )
    read_when_free(page, lambda: courses_services.mark_lesson_done(amal, lessons_of(course)[2]))

    # CSV export.
    page.goto(cohort_url)
    with page.expect_download() as download_info:
        page.locator("a[href$='export.csv']").click()
    exported = download_info.value.path().read_text(encoding="utf-8-sig")
    assert "amal@example.org" in exported and "samir@example.org" in exported

    # Certificates for who completed and attended at least half the days.
    page.locator("input[name=minimum_attendance]").fill("50")
    page.locator("form[action$='/certificates/'] button").click()
    page.wait_for_load_state()
    assert read_when_free(page, lambda: latest_certificate(amal, course.translation_key)) is not None

    # After the workshop both rate themselves again: the gain chart appears.
    first.goto(mine_url)
    self_assess(first, "after", "4")
    self_assess(second, "after", "5")
    page.goto(cohort_url)
    assert page.locator("svg.chart rect").count() == 6
    assert (
        "+2.0" in page.locator(".gain-table").inner_text() or "+2" in page.locator(".gain-table").inner_text()
    )
    screenshot(page, "workshops-dashboard-en")
    page.goto(cohort_url.replace("/en/", "/ar/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "workshops-dashboard-ar")
    page.goto(cohort_url.replace("/en/", "/ar/") + "facilitate/" + str(lessons_of(course)[0].pk) + "/")
    screenshot(page, "workshops-projector-ar")
    first_context.close()
    second_context.close()
