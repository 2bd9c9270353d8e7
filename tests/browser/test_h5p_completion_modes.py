"""Blocks for content that never reports completion: they complete when viewed, or when marked done."""

import pytest

from tests.browser.database import read_when_free

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCK = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"


@pytest.fixture
def lesson_with(site_content, make_user, settings, tmp_path):
    from courses.models import LessonPage
    from courses.tests.factories import make_catalogue, make_course
    from h5p import services
    from h5p.tests.packages import true_false_package, upload

    settings.MEDIA_ROOT = tmp_path / "media"
    editor = make_user(email="editor@example.org", is_staff=True, is_superuser=True)
    package = services.upload_package(uploaded_file=upload(true_false_package()), user=editor)

    def make(completion):
        block = {
            "type": "h5p",
            "id": BLOCK,
            "value": {"package": package.pk, "completion": completion, "required": True},
        }
        course = make_course(make_catalogue(), modules=1, lessons_per_module=1, bodies={(0, 0): [block]})
        return course, LessonPage.objects.descendant_of(course).get()

    return make


def open_lesson_as_learner(page, live_server, make_user, password, course, lesson):
    from courses.services import enrol

    learner = make_user(email="omar@example.org", first_name="Omar")
    enrol(learner, course)
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.locator("input[type=email], input[name=username]").first.fill(learner.email)
    page.locator("input[type=password]").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(live_server.url + lesson.url)
    page.locator("[data-h5p-player] iframe.h5p-iframe").wait_for(timeout=30_000)
    return learner


def test_block_that_completes_on_viewing_completes_after_a_few_seconds_in_view(
    page, live_server, make_user, password, lesson_with, screenshot
):
    from courses.models import ActivityProgress
    from tracking.models import Statement

    course, lesson = lesson_with("consumed")
    learner = open_lesson_as_learner(page, live_server, make_user, password, course, lesson)
    page.locator("[data-h5p-player]").scroll_into_view_if_needed()
    page.locator("[data-h5p-player]").first.and_(page.locator(".is-completed")).wait_for(timeout=20_000)
    experienced = Statement.objects.filter(
        user=learner, verb_id__endswith="/experienced", object_id__contains="/h5p/"
    )
    assert read_when_free(page, experienced.exists)
    assert read_when_free(page, lambda: ActivityProgress.objects.get(block_id=BLOCK).completed)
    screenshot(page, "h5p-completed-on-viewing-en")


def test_block_completed_by_marking_it_done(page, live_server, make_user, password, lesson_with, screenshot):
    from courses.models import ActivityProgress

    course, lesson = lesson_with("mark_done")
    open_lesson_as_learner(page, live_server, make_user, password, course, lesson)
    button = page.get_by_role("button", name="Mark as done")
    button.click()
    page.get_by_role("button", name="Marked as done").wait_for()
    assert page.get_by_role("button", name="Marked as done").is_disabled()
    assert page.locator("[data-h5p-status]").inner_text().strip() == "Done"
    assert read_when_free(page, lambda: ActivityProgress.objects.get(block_id=BLOCK).completed)
    screenshot(page, "h5p-marked-done-en")
