"""A container package laid out like an h5p.org/Lumi export plays in a lesson: its library chain
loads, its media is served from content/, answering one question inside it (a child statement with a
context parent) does not complete the activity, answering the last one completes it."""

import pytest

from tests.browser.database import read_when_free

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCK_ID = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"


def test_questions_inside_a_container_complete_only_the_container(
    page, live_server, site_content, make_user, password, settings, tmp_path, screenshot
):
    from courses.models import LessonPage, LessonProgress
    from courses.services import enrol
    from courses.tests.factories import make_catalogue, make_course
    from h5p import services
    from h5p.models import H5PActivityResult
    from h5p.tests.packages import question_set_package, upload
    from tracking.models import Statement
    from tracking.services import activity_iri

    settings.MEDIA_ROOT = tmp_path / "media"
    editor = make_user(email="editor@example.org", is_staff=True, is_superuser=True)
    package = services.upload_package(
        uploaded_file=upload(question_set_package(), "first-week.h5p"), user=editor
    )
    course = make_course(
        make_catalogue(),
        modules=1,
        lessons_per_module=1,
        bodies={
            (0, 0): [
                {
                    "type": "h5p",
                    "id": BLOCK_ID,
                    "value": {"package": package.pk, "completion": "statement", "required": True},
                }
            ]
        },
    )
    lesson = LessonPage.objects.descendant_of(course).get()
    learner = make_user(email="sam@example.org", first_name="Sam")
    enrolment, _created = enrol(learner, course)
    block_iri = activity_iri("h5p", f"{lesson.translation_key}/{BLOCK_ID}")

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.locator("input[type=email], input[name=username]").first.fill(learner.email)
    page.locator("input[type=password]").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(live_server.url + lesson.url)
    page.locator("[data-h5p-player] iframe.h5p-iframe").wait_for(timeout=30_000)
    frame = page.frame_locator("[data-h5p-player] iframe.h5p-iframe")
    frame.get_by_text("A buddy from the team").wait_for()
    # The image comes from the package's content/ folder.
    image = frame.locator("img.h5p-pqs-image")
    image.wait_for()
    for _ in range(100):  # the text can show before the image has finished loading
        if image.evaluate("img => img.complete && img.naturalWidth > 0"):
            break
        page.wait_for_timeout(100)
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    questions = frame.locator(".h5p-pqs-question")
    questions.nth(0).get_by_role("button", name="True").click()
    questions.nth(0).get_by_text("Correct").wait_for()
    children = Statement.objects.filter(user=learner, object_id__startswith=f"{block_iri}?subContentId=")
    for _ in range(50):
        if read_when_free(page, children.exists):
            break
        page.wait_for_timeout(100)
    child = read_when_free(page, lambda: children.order_by("stored").first().data)
    assert child["context"]["contextActivities"]["parent"][0]["id"] == block_iri
    page.wait_for_timeout(500)
    assert "is-completed" not in page.locator("[data-h5p-player]").get_attribute("class")
    completions = H5PActivityResult.objects.filter(user=learner, completed_at__isnull=False)
    assert read_when_free(page, completions.count) == 0

    questions.nth(1).get_by_role("button", name="False").click()
    frame.get_by_text("2 / 2").wait_for()
    page.locator("[data-h5p-player]").first.and_(page.locator(".is-completed")).wait_for()
    completed = read_when_free(
        page,
        lambda: Statement.objects.get(user=learner, object_id=block_iri, verb_id__endswith="/completed").data,
    )
    assert completed["result"]["score"]["scaled"] == 1
    progress = read_when_free(
        page, lambda: LessonProgress.objects.get(enrolment=enrolment, lesson_key=lesson.translation_key)
    )
    assert progress.completed_at
    page.locator("[data-h5p-player]").scroll_into_view_if_needed()
    screenshot(page, "h5p-container-completed-en")
