"""The learner journey through the demo course, in English and in Arabic.

A learner enrols, reads lessons, fails the first quiz, retries and passes it, sees the progress bar
move, logs out and back in, presses Resume and lands on the next lesson, finishes the course and
sees it as completed. Selectors avoid interface wording so the same steps run in both languages."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "en": {
        "course": "Hiring refugees: the first steps",
        "lesson1": "Residence status is not a right to work",
        "lesson2": "Permits that expire",
        "quiz": "Check: the legal basics",
        "resume": "Recognition of qualifications",
        "last": "Check: onboarding and teamwork",
        "reflection": "Nursing needs recognition; warehouse work does not.",
        "dir": "ltr",
    },
    "ar": {
        "course": "توظيف اللاجئين: الخطوات الأولى",
        "lesson1": "الإقامة ليست إذناً بالعمل",
        "lesson2": "تصاريح تنتهي صلاحيتها",
        "quiz": "اختبار: الأساسيات القانونية",
        "resume": "الاعتراف بالمؤهلات",
        "last": "اختبار: الإدماج والعمل الجماعي",
        "reflection": "التمريض يحتاج إلى اعتراف، والعمل في المستودع لا يحتاج.",
        "dir": "rtl",
    },
}


@pytest.fixture
def demo_course(site_content):
    from courses import demo

    demo.load()


def log_in(page, base, language, email, password):
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/dashboard/"))


def heading(page):
    return page.get_by_role("heading", level=1).inner_text().strip()


def progress(page):
    return int(page.locator("progress.course-progress-bar").first.get_attribute("value"))


def mark_done(page):
    page.locator(".lesson-status button[type=submit]").click()
    page.wait_for_load_state()


def answer_legal_quiz(page, *, correct):
    quiz = page.locator(".quiz-form")
    if correct:
        quiz.locator("#q-legal-q1-legal-q1-b").check()
        quiz.locator("#q-legal-q2-false").check()
        quiz.locator("#q-legal-q3-legal-q3-a").check()
        quiz.locator("#q-legal-q3-legal-q3-b").check()
        order = {"0": "1", "1": "2", "2": "3"}
    else:
        quiz.locator("#q-legal-q1-legal-q1-a").check()
        quiz.locator("#q-legal-q2-true").check()
        quiz.locator("#q-legal-q3-legal-q3-c").check()
        order = {"0": "3", "1": "2", "2": "1"}
    for item, position in order.items():
        quiz.locator(f"select[name=q-legal-q4-legal-q4-{item}]").select_option(position)
    quiz.locator("button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_learner_takes_the_demo_course_from_enrolment_to_completion(
    page, live_server, demo_course, make_user, password, screenshot, language
):
    texts = TEXTS[language]
    base = live_server.url
    learner = make_user(email=f"hr-{language}@example.org", first_name="Mira", last_name="Haddad")
    log_in(page, base, language, learner.email, password)

    # The catalogue is in the main navigation; the course page shows the outline and a call to enrol.
    page.goto(f"{base}/{language}/")
    page.locator(".main-nav a", has_text=re.compile(r"Courses|الدورات")).click()
    assert page.locator("html").get_attribute("dir") == texts["dir"]
    page.locator(".course-card h2 a").first.click()
    assert heading(page) == texts["course"]
    assert page.locator(".outline-lesson").count() == 8
    assert page.locator(".outline-lesson a").count() == 0
    screenshot(page, f"courses-course-before-enrolment-{language}")
    page.locator(".enrol-panel button[type=submit]").click()
    page.wait_for_load_state()
    assert progress(page) == 0
    page.locator(".enrol-panel a.button").click()

    # Reading lessons: mark done and go on; the progress bar moves.
    assert heading(page) == texts["lesson1"]
    mark_done(page)
    assert heading(page) == texts["lesson2"]
    after_one = progress(page)
    assert after_one > 0
    screenshot(page, f"courses-lesson-{language}")
    mark_done(page)

    # The quiz: fail, see feedback, retry and pass.
    assert heading(page) == texts["quiz"]
    assert page.locator(".quiz-result").count() == 0
    answer_legal_quiz(page, correct=False)
    assert page.locator(".quiz-result.is-failed").is_visible()
    assert page.locator(".quiz-feedback").count() >= 1
    assert page.locator(".quiz-answer").count() == 0
    assert page.locator(".lesson-complete").count() == 0
    screenshot(page, f"courses-quiz-failed-{language}")
    answer_legal_quiz(page, correct=True)
    assert page.locator(".quiz-result.is-passed").is_visible()
    assert page.locator(".lesson-complete").is_visible()
    after_quiz = progress(page)
    assert after_quiz > after_one
    screenshot(page, f"courses-quiz-passed-{language}")

    # Log out, log in again: the dashboard's Resume opens the next incomplete lesson.
    page.locator(".account-nav form button").click()
    page.wait_for_load_state()
    log_in(page, base, language, learner.email, password)
    in_progress = page.locator(".my-learning .learning-item").first
    assert texts["course"] in in_progress.inner_text()
    assert int(in_progress.locator("progress").get_attribute("value")) == after_quiz
    screenshot(page, f"courses-dashboard-in-progress-{language}")
    in_progress.locator("a.button").click()
    assert heading(page) == texts["resume"]

    # A reflection answer is saved and shown again.
    page.locator(".reflection textarea").fill(texts["reflection"])
    page.locator(".reflection button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".reflection textarea").input_value() == texts["reflection"]

    # Finish the course: four reading lessons, then the second quiz.
    for _lesson in range(4):
        mark_done(page)
    assert heading(page) == texts["last"]
    quiz = page.locator(".quiz-form")
    quiz.locator("#q-team-q1-team-q1-a").check()
    quiz.locator("#q-team-q2-true").check()
    for option in ("a", "b", "c"):
        quiz.locator(f"#q-team-q3-team-q3-{option}").check()
    quiz.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".quiz-result.is-passed").is_visible()
    assert progress(page) == 100
    assert page.locator(".outline-lesson.is-done").count() == 8

    page.goto(f"{base}/{language}/accounts/dashboard/")
    completed = page.locator(".my-learning .learning-item.is-done")
    assert completed.count() == 1 and texts["course"] in completed.inner_text()
    assert page.locator(".my-learning a.button").count() == 0
    screenshot(page, f"courses-dashboard-completed-{language}")
