"""A lesson that exists only in English: the Arabic course page says so and links to it."""

import json
import re

import pytest

from tests.browser.test_courses_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_LESSON = "Keeping the integration plan up to date"


@pytest.fixture
def course_with_an_english_only_lesson(site_content):
    from courses import demo
    from courses.models import CoursePage, LessonPage, ModulePage

    demo.load()
    english = CoursePage.objects.get(locale__language_code="en", slug=demo.COURSE["slug"])
    module = ModulePage.objects.child_of(english).order_by("path").last()
    lesson = LessonPage(
        title=NEW_LESSON,
        slug="integration-plan-updates",
        summary="A new lesson, not translated yet.",
        body=json.dumps([{"type": "text", "value": "<p>Review the plan with the new colleague.</p>"}]),
    )
    module.add_child(instance=lesson)
    lesson.save_revision().publish()
    return english


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_lesson_not_yet_translated_is_listed_and_opens_in_its_language(
    page, live_server, course_with_an_english_only_lesson, make_user, password, screenshot, language
):
    from courses import services

    learner = make_user(email=f"reader-{language}@example.org")
    services.enrol(learner, course_with_an_english_only_lesson)
    base = live_server.url
    log_in(page, base, language, learner.email, password)
    page.goto(f"{base}/{language}/")
    page.locator(".main-nav a", has_text=re.compile(r"Courses|الدورات")).click()
    page.locator(".course-card h2 a").first.click()
    notice = page.locator(".other-language-lessons")
    if language == "en":
        # The English version has the lesson in its outline; nothing is missing there.
        assert notice.count() == 0
        assert (
            page.locator(".outline-lesson", has_text="Keeping the integration plan up to date").count() == 1
        )
        return
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert notice.is_visible()
    assert "9" in page.locator(".course-progress-label").inner_text()  # 8 Arabic lessons + 1
    screenshot(page, "courses-other-language-lesson-ar")
    notice.get_by_role("link", name=NEW_LESSON).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("heading", level=1).inner_text().strip() == "Keeping the integration plan up to date"
    )
