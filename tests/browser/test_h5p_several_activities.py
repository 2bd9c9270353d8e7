"""Several H5P activities on one lesson, as real lessons have them: a True/False question, a question
set (a container with its own library chain) and a Fill in the Blanks (a second chain sharing the
theme and icon libraries). Every block plays and is completed; a resumed activity whose content
locks itself still leaves the learner a way to finish; a block that failed to load offers a retry,
never "Mark as done"; H5P's fullscreen control covers none of the content's own controls."""

import json

import pytest

from tests.browser.database import read_when_free

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRUE_FALSE = "11111111-1111-4111-8111-111111111111"
QUESTION_SET = "22222222-2222-4222-8222-222222222222"
BLANKS = "33333333-3333-4333-8333-333333333333"


@pytest.fixture
def packages(db, make_user, settings, tmp_path):
    from h5p import services
    from h5p.tests.packages import blanks_package, question_set_package, true_false_package, upload

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.H5P_SAVE_FREQUENCY = 1
    editor = make_user(email="editor@example.org", is_staff=True, is_superuser=True)
    return {
        name: services.upload_package(uploaded_file=upload(data, f"{name}.h5p"), user=editor)
        for name, data in (
            ("true_false", true_false_package()),
            ("question_set", question_set_package()),
            ("blanks", blanks_package()),
        )
    }


def h5p_block(block_id, package, completion="statement"):
    return {
        "type": "h5p",
        "id": block_id,
        "value": {"package": package.pk, "completion": completion, "required": True},
    }


@pytest.fixture
def lesson_with(site_content):
    from courses.models import LessonPage
    from courses.tests.factories import make_catalogue, make_course, text_block

    def make(*blocks, home=None):
        body = [text_block("<p>Three short activities about the first week.</p>"), *blocks]
        catalogue = (
            make_catalogue(home=home, title="الدورات", slug="courses-ar") if home else make_catalogue()
        )
        course = make_course(catalogue, modules=1, lessons_per_module=1, bodies={(0, 0): body})
        return course, LessonPage.objects.descendant_of(course).get()

    return make


def log_in_and_open(page, live_server, make_user, password, course, lesson, email="amal@example.org"):
    from courses.services import enrol

    learner = make_user(email=email, first_name="Amal")
    enrolment, _created = enrol(learner, course)
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.locator("input[type=email], input[name=username]").first.fill(learner.email)
    page.locator("input[type=password]").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(live_server.url + lesson.url)
    return learner, enrolment


def section(page, number):
    return page.locator("[data-h5p-player]").nth(number)


def frame_of(page, number):
    block = section(page, number)
    block.scroll_into_view_if_needed()
    block.locator("iframe.h5p-iframe").wait_for(timeout=30_000)
    return block.frame_locator("iframe.h5p-iframe")


def wait_completed(page, number):
    # A locator, not wait_for_function: the page's CSP forbids evaluating strings.
    page.locator("[data-h5p-player]").nth(number).and_(page.locator(".is-completed")).wait_for(timeout=20_000)


def test_three_content_types_on_one_lesson_each_play_and_complete(
    page, live_server, make_user, password, packages, lesson_with, screenshot
):
    from courses.models import LessonProgress
    from h5p.models import H5PActivityResult

    course, lesson = lesson_with(
        h5p_block(TRUE_FALSE, packages["true_false"]),
        h5p_block(QUESTION_SET, packages["question_set"]),
        h5p_block(BLANKS, packages["blanks"]),
    )
    learner, enrolment = log_in_and_open(page, live_server, make_user, password, course, lesson)

    true_false = frame_of(page, 0)
    true_false.get_by_role("button", name="True").click()
    wait_completed(page, 0)

    question_set = frame_of(page, 1)
    questions = question_set.locator(".h5p-pqs-question")
    questions.nth(0).get_by_role("button", name="True").click()
    questions.nth(1).get_by_role("button", name="False").click()
    wait_completed(page, 1)

    blanks = frame_of(page, 2)
    blanks.get_by_role("textbox", name="Blank 1").fill("buddy")
    blanks.get_by_role("textbox", name="Blank 2").fill("safety")
    blanks.get_by_role("button", name="Check").click()
    blanks.get_by_text("You got 2 of 2 blanks right.").wait_for()
    wait_completed(page, 2)

    assert page.locator("[data-h5p-error]:visible").count() == 0
    completed = H5PActivityResult.objects.filter(user=learner, completed_at__isnull=False)
    assert read_when_free(page, lambda: sorted(completed.values_list("block_id", flat=True))) == sorted(
        [TRUE_FALSE, QUESTION_SET, BLANKS]
    )
    progress = read_when_free(
        page, lambda: LessonProgress.objects.get(enrolment=enrolment, lesson_key=lesson.translation_key)
    )
    assert progress.completed_at
    screenshot(page, "h5p-three-activities-completed-en")


def test_a_resumed_activity_that_locked_itself_can_be_started_again_and_finished(
    page, live_server, make_user, password, packages, lesson_with, screenshot
):
    from h5p.models import H5PActivityResult, H5PContentUserData

    course, lesson = lesson_with(h5p_block(BLANKS, packages["blanks"]))
    learner = make_user(email="amal@example.org", first_name="Amal")
    # Saved after every blank was filled, before Check: the content comes back locked.
    H5PContentUserData.objects.create(
        user=learner,
        package=packages["blanks"],
        lesson=lesson,
        block_id=BLANKS,
        data=json.dumps({"answers": ["buddy", "safety"]}),
    )
    from courses.services import enrol

    enrol(learner, course)
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.locator("input[type=email], input[name=username]").first.fill(learner.email)
    page.locator("input[type=password]").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(live_server.url + lesson.url)

    blanks = frame_of(page, 0)
    assert blanks.get_by_role("textbox", name="Blank 1").input_value() == "buddy"
    assert blanks.get_by_role("textbox", name="Blank 1").is_disabled()
    assert blanks.get_by_role("button", name="Check").count() == 0
    start_again = section(page, 0).get_by_role("button", name="Start again")
    start_again.wait_for()
    screenshot(page, "h5p-resumed-locked-en")

    start_again.click()
    blanks = frame_of(page, 0)
    blanks.get_by_role("button", name="Check").wait_for()
    assert blanks.get_by_role("textbox", name="Blank 1").input_value() == ""
    blanks.get_by_role("textbox", name="Blank 1").fill("buddy")
    blanks.get_by_role("textbox", name="Blank 2").fill("safety")
    blanks.get_by_role("button", name="Check").click()
    wait_completed(page, 0)
    assert not start_again.is_visible()
    done = H5PActivityResult.objects.filter(user=learner, block_id=BLANKS, completed_at__isnull=False)
    assert read_when_free(page, done.exists)
    screenshot(page, "h5p-resumed-finished-en")


def test_a_block_that_failed_to_load_offers_a_retry_and_never_mark_as_done(
    page, live_server, make_user, password, packages, lesson_with, screenshot
):
    from h5p.models import H5PActivityResult
    from website.private_files import storage as package_storage

    package = packages["true_false"]
    course, lesson = lesson_with(h5p_block(TRUE_FALSE, package, completion="mark_done"))
    h5p_json = f"{package.storage_prefix}/h5p.json"
    kept = package_storage.open(h5p_json, "rb").read()
    package_storage.delete(h5p_json)
    learner, _enrolment = log_in_and_open(page, live_server, make_user, password, course, lesson)

    block = section(page, 0)
    block.scroll_into_view_if_needed()
    block.locator("[data-h5p-error]").wait_for(timeout=30_000)
    assert "could not be loaded" in block.locator("[data-h5p-error]").inner_text()
    assert block.get_by_role("button", name="Mark as done").count() == 0
    retry = block.get_by_role("button", name="Try again")
    assert retry.is_visible()
    screenshot(page, "h5p-load-failed-retry-en")

    from django.core.files.base import ContentFile

    package_storage.save(h5p_json, ContentFile(kept))
    retry.click()
    block.locator("iframe.h5p-iframe").wait_for(timeout=30_000)
    block.frame_locator("iframe.h5p-iframe").get_by_role("button", name="True").wait_for()
    assert not block.locator("[data-h5p-error]").is_visible()
    mark_done = block.get_by_role("button", name="Mark as done")
    mark_done.click()
    block.get_by_role("button", name="Marked as done").wait_for()
    done = H5PActivityResult.objects.filter(user=learner, block_id=TRUE_FALSE, completed_at__isnull=False)
    assert read_when_free(page, done.exists)


def test_the_fullscreen_control_covers_none_of_the_contents_own_controls(
    page, live_server, make_user, password, packages, lesson_with, screenshot
):
    course, lesson = lesson_with(h5p_block(QUESTION_SET, packages["question_set"]))
    log_in_and_open(page, live_server, make_user, password, course, lesson)
    frame = frame_of(page, 0)
    control = frame.locator(".h5p-enable-fullscreen")
    control.wait_for()
    # The content's first row (where content types keep their own top-right controls) starts below
    # H5P's control, which has a strip of its own.
    first_row = frame.locator(".h5p-pqs-title").bounding_box()
    control_box = control.bounding_box()
    assert control_box["y"] + control_box["height"] <= first_row["y"] + 0.5
    screenshot(page, "h5p-fullscreen-control-en")


def test_the_contents_own_top_right_control_can_be_used_beside_the_fullscreen_control(
    page, live_server, make_user, password, packages, lesson_with
):
    course, lesson = lesson_with(h5p_block(BLANKS, packages["blanks"]))
    log_in_and_open(page, live_server, make_user, password, course, lesson)
    frame = frame_of(page, 0)
    frame.locator(".h5p-enable-fullscreen").wait_for()
    sound = frame.get_by_role("button", name="Sound")
    # Playwright refuses to click an element that another one covers.
    sound.click(timeout=5_000)
    assert sound.get_attribute("aria-pressed") == "false"


def test_in_an_arabic_lesson_start_again_and_fullscreen_follow_the_page_direction(
    page, live_server, make_user, password, packages, lesson_with, screenshot
):
    from wagtail.models import Locale

    from courses.services import enrol
    from h5p.models import H5PContentUserData
    from website.models import HomePage

    arabic_home = HomePage.objects.get(locale=Locale.objects.get(language_code="ar"))
    course, lesson = lesson_with(h5p_block(BLANKS, packages["blanks"]), home=arabic_home)
    learner = make_user(email="huda@example.org", first_name="Huda")
    enrol(learner, course)
    H5PContentUserData.objects.create(
        user=learner,
        package=packages["blanks"],
        lesson=lesson,
        block_id=BLANKS,
        data=json.dumps({"answers": ["buddy", "safety"]}),
    )
    page.goto(f"{live_server.url}/ar/accounts/login/")
    page.locator("input[type=email], input[name=username]").first.fill(learner.email)
    page.locator("input[type=password]").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(live_server.url + lesson.url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    frame_of(page, 0).get_by_role("textbox", name="Blank 1").wait_for()
    start_again = section(page, 0).get_by_role("button", name="البدء من جديد")
    start_again.wait_for()
    block = section(page, 0).bounding_box()
    button = start_again.bounding_box()
    # The actions sit at the end of the line, which in Arabic is the left edge.
    assert button["x"] < block["x"] + block["width"] / 2
    section(page, 0).scroll_into_view_if_needed()
    screenshot(page, "h5p-resumed-start-again-ar")
