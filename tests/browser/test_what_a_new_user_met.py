"""What a new user met in `make run`, seen in the browser in English and Arabic (issue 11, part 3).

A learner passes a quiz whose correct option comes first (the revealed answers end without a stray
separator), completes the course, and an editor then adds a lesson: the course page and the outline
show a completed course with one new lesson. A trainer's certificate page in Arabic shows the course
in Arabic and each learner's name and e-mail address in their own direction."""

import json

import pytest

from tests.browser.test_courses_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COURSE_TITLE = {"en": "Hiring refugees", "ar": "توظيف اللاجئين"}


@pytest.fixture
def course_with_a_quiz(site_content):
    from courses.tests.factories import lessons_of, make_catalogue, make_course, quiz_block, translate_course

    quiz = quiz_block()
    quiz["value"]["questions"][0]["value"]["options"].reverse()  # the correct option first
    course = make_course(
        make_catalogue(), slug="new-user", modules=1, lessons_per_module=2, bodies={(0, 1): [quiz]}
    )
    arabic = translate_course(course, "ar")
    arabic.title = COURSE_TITLE["ar"]
    arabic.save_revision().publish()
    return course, lessons_of(course)


def answer_the_quiz_correctly(page):
    page.check("#q-q1-o1b")
    page.check("#q-q2-o2a")
    page.check("#q-q2-o2c")
    page.check("#q-q3-false")
    for item, position in (("i1", "1"), ("i2", "2"), ("i3", "3")):
        page.select_option(f"select[name=q-q4-{item}]", position)
    # Passing completes the course, which issues the certificate and renders its PDF in the request.
    with page.expect_navigation(timeout=180_000):
        page.locator(".quiz-form button[type=submit]").click(no_wait_after=True)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_revealed_answers_and_a_lesson_added_after_completion(
    page, live_server, course_with_a_quiz, make_user, password, screenshot, language
):
    from wagtail.models import Locale

    from courses import services
    from courses.models import LessonPage

    course, lessons = course_with_a_quiz
    learner = make_user(email=f"finisher-{language}@example.org")
    services.enrol(learner, course)
    services.mark_lesson_done(learner, lessons[0])
    base = live_server.url
    log_in(page, base, language, learner.email, password)
    quiz_lesson = lessons[1].get_translation(Locale.objects.get(language_code=language))
    page.goto(base + quiz_lesson.url)
    answer_the_quiz_correctly(page)
    answers = [text.strip() for text in page.locator(".quiz-answer").all_inner_texts()]
    assert answers and not any(text.endswith((";", "؛")) for text in answers)
    screenshot(page, f"new-user-quiz-answers-{language}")

    module = course.get_children().first()
    added = LessonPage(title="Added later", slug="added-later", summary="New", body=json.dumps([]))
    module.add_child(instance=added)
    added.save_revision().publish()
    page.goto(base + course.get_translation(quiz_lesson.locale).url, timeout=120_000)
    label = page.locator(".enrol-panel .course-progress-label").inner_text()
    assert "100" in label and "2" in label and "67" not in label
    assert page.locator(".enrol-panel .course-progress-new").is_visible()
    assert page.locator(".course-completed").is_visible()
    if language == "en":
        assert page.locator(".outline-new").count() == 1
    else:  # the English-only lesson is listed with the lessons of other languages
        assert page.locator(".other-language-lessons").is_visible()
    screenshot(page, f"new-user-completed-course-with-a-new-lesson-{language}")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_trainer_certificate_page_keeps_names_and_emails_in_order(
    page, live_server, course_with_a_quiz, make_user, password, screenshot, language
):
    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, OrganisationFactory
    from courses import services

    course, _lessons = course_with_a_quiz
    company = OrganisationFactory()
    trainer = make_user(email=f"trainer-{language}@example.org")
    MembershipFactory(user=trainer, organisation=company, role=Membership.Role.TRAINER)
    for email, first, last in (
        ("amal.haddad@example.org", "أمل", "حداد"),
        ("jan.peeters@example.org", "Jan", "Peeters"),
    ):
        person = make_user(email=email, first_name=first, last_name=last)
        MembershipFactory(user=person, organisation=company)
        services.enrol(person, course)
    base = live_server.url
    log_in(page, base, language, trainer.email, password)
    page.goto(f"{base}/{language}/certificates/manage/?course={course.translation_key}", timeout=120_000)
    assert page.locator("#id_course option:checked").inner_text() == COURSE_TITLE[language]
    emails = page.locator(".certificate-table bdi[dir=ltr]").all_inner_texts()
    assert "amal.haddad@example.org" in emails
    screenshot(page, f"new-user-trainer-certificates-{language}")
