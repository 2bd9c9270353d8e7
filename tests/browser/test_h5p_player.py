"""Browser journey of an H5P activity: an editor uploads the fixture package in the Wagtail admin and
places it in a lesson; a learner answers it in the player; the platform records the statement with
the learner's actor and the lesson context, completes the lesson, and restores the answer on reload."""

import json
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def h5p_file(tmp_path):
    from h5p.tests.packages import true_false_package

    path = tmp_path / "work-permit-check.h5p"
    path.write_bytes(true_false_package())
    return path


@pytest.fixture
def bad_h5p_file(tmp_path):
    from h5p.tests.packages import true_false_files, zip_bytes

    files = true_false_files()
    files["content/upload.php"] = "<?php system($_GET['c']); ?>"
    path = tmp_path / "with-script.h5p"
    path.write_bytes(zip_bytes(files))
    return path


@pytest.fixture
def editor_package(db, make_user, settings, tmp_path):
    from h5p import services
    from h5p.tests.packages import true_false_package, upload

    settings.MEDIA_ROOT = tmp_path / "media"
    editor = make_user(email="editor@example.org", is_staff=True, is_superuser=True)
    return services.upload_package(uploaded_file=upload(true_false_package()), user=editor)


@pytest.fixture
def fast_saves(settings, tmp_path):
    # H5P saves the state every H5P_SAVE_FREQUENCY seconds; one second keeps the test short.
    settings.H5P_SAVE_FREQUENCY = 1
    settings.MEDIA_ROOT = tmp_path / "media"


def admin_login(page, live_server, email, password):
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def site_login(page, live_server, email, password, language="en"):
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.locator("input[name=username], input[name=email]").first.fill(email)
    page.locator("input[type=password]").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def player_frame(page):
    page.locator("[data-h5p-player] iframe.h5p-iframe").wait_for(timeout=30_000)
    return page.frame_locator("[data-h5p-player] iframe.h5p-iframe")


def test_editor_uploads_places_and_learner_completes_h5p_lesson(
    page,
    new_page,
    live_server,
    site_content,
    make_user,
    password,
    h5p_file,
    bad_h5p_file,
    fast_saves,
    screenshot,
):
    from courses.models import LessonPage, LessonProgress
    from courses.services import enrol
    from courses.tests.factories import make_catalogue, make_course, text_block
    from h5p.models import H5PContentUserData, H5PPackage
    from tracking.models import Statement
    from tracking.services import activity_iri

    course = make_course(
        make_catalogue(),
        modules=1,
        lessons_per_module=1,
        bodies={(0, 0): [text_block("<p>Read, then answer.</p>")]},
    )
    lesson = LessonPage.objects.descendant_of(course).get()
    make_user(email="editor@example.org", is_staff=True, is_superuser=True)

    # The editor first picks a package with a server script in it: refused, with the reason.
    admin_login(page, live_server, "editor@example.org", password)
    page.goto(live_server.url + "/admin/h5p_packages/new/")
    page.locator("input[name=package_file]").set_input_files(str(bad_h5p_file))
    page.get_by_role("button", name="Create").click()
    page.get_by_text("file type that is not allowed: content/upload.php").wait_for()
    assert H5PPackage.objects.count() == 0
    screenshot(page, "h5p-admin-upload-refused")

    # Then the real package.
    page.goto(live_server.url + "/admin/h5p_packages/new/")
    page.locator("input[name=package_file]").set_input_files(str(h5p_file))
    page.get_by_role("button", name="Create").click()
    page.wait_for_url(re.compile(r"/admin/h5p_packages/$"))
    listing = page.locator("main")
    assert listing.get_by_text("Work permit check").first.is_visible()
    assert listing.get_by_text("H5P.PlatformTrueFalse 1.0").is_visible()
    screenshot(page, "h5p-admin-listing")
    package = H5PPackage.objects.get()

    # ...and places it in the lesson.
    page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="H5P activity").click()
    page.get_by_role("button", name="Choose an H5P activity").click()
    page.locator(".modal").get_by_role("link", name="Work permit check").click()
    page.locator(".modal").wait_for(state="hidden")
    screenshot(page, "h5p-admin-lesson-block")
    page.locator("footer .w-dropdown__toggle.button, .footer .w-dropdown__toggle.button").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    lesson.refresh_from_db()
    block = next(child for child in lesson.body if child.block_type == "h5p")
    assert block.value["package"] == package

    # The learner answers in the player.
    learner = make_user(email="lena@example.org", first_name="Lena", last_name="Haddad")
    enrolment, _created = enrol(learner, course)
    learner_page = new_page()
    site_login(learner_page, live_server, learner.email, password)
    learner_page.goto(live_server.url + lesson.url)
    frame = player_frame(learner_page)
    frame.get_by_text("A recognised refugee in Germany").wait_for()
    frame.get_by_role("button", name="True").click()
    frame.get_by_text("Correct").first.wait_for()
    status = learner_page.locator("[data-h5p-status]")
    # A locator, not wait_for_function: the page's CSP forbids evaluating strings.
    learner_page.locator("[data-h5p-player].is-completed").wait_for()
    assert status.inner_text().strip() == "Done"
    screenshot(learner_page, "h5p-lesson-answered-en")

    block_iri = activity_iri("h5p", f"{lesson.translation_key}/{block.id}")
    answered = Statement.objects.get(user=learner, object_id=block_iri, verb_id__endswith="/answered")
    data = answered.data
    assert data["actor"]["account"]["name"] == str(learner.xapi_id)
    assert "mbox" not in data["actor"]
    assert data["context"]["registration"] == str(enrolment.registration)
    assert data["context"]["contextActivities"]["parent"][0]["id"] == activity_iri(
        "lesson", lesson.translation_key
    )
    assert data["result"]["response"] == "true" and data["result"]["success"] is True
    assert LessonProgress.objects.get(enrolment=enrolment, lesson_key=lesson.translation_key).completed_at

    # H5P saves the state shortly after "completed"; after a reload the answer is back.
    for _ in range(50):
        if H5PContentUserData.objects.filter(user=learner).exists():
            break
        learner_page.wait_for_timeout(200)
    assert json.loads(H5PContentUserData.objects.get(user=learner).data) == {"answer": "true"}
    learner_page.reload()
    frame = player_frame(learner_page)
    frame.get_by_text("Correct").first.wait_for()
    assert frame.get_by_role("button", name="True").is_disabled()
    assert learner_page.locator("[data-h5p-status]").inner_text().strip() == "Done"
    assert learner_page.get_by_text("You have completed this lesson.").is_visible()
    screenshot(learner_page, "h5p-lesson-restored-en")


def test_player_loads_lazily_in_an_arabic_lesson_under_the_csp(
    page, live_server, site_content, make_user, password, editor_package, screenshot
):
    from wagtail.models import Locale

    from courses.models import LessonPage
    from courses.services import enrol
    from courses.tests.factories import make_catalogue, make_course, text_block
    from website.models import HomePage

    long_text = "".join(f"<p>فقرة {number}: اقرأ هذا النص قبل النشاط.</p>" for number in range(30))
    h5p_block = {
        "type": "h5p",
        "id": "2b8e4c1a-7d3f-4e9a-a1b2-c3d4e5f60718",
        "value": {"package": editor_package.pk, "completion": "statement", "required": True},
    }
    arabic_home = HomePage.objects.get(locale=Locale.objects.get(language_code="ar"))
    course = make_course(
        make_catalogue(home=arabic_home, title="الدورات", slug="courses-ar"),
        title="توظيف اللاجئين",
        slug="hiring-ar",
        modules=1,
        lessons_per_module=1,
        bodies={(0, 0): [text_block(long_text), h5p_block]},
    )
    lesson = LessonPage.objects.descendant_of(course).get()
    learner = make_user(email="huda@example.org", first_name="Huda")
    enrol(learner, course)

    bundle_requests = []
    csp_problems = []
    page.on(
        "request", lambda request: "main.bundle.js" in request.url and bundle_requests.append(request.url)
    )
    page.on("console", lambda msg: "Content Security Policy" in msg.text and csp_problems.append(msg.text))
    site_login(page, live_server, learner.email, password, language="ar")
    response = page.goto(live_server.url + lesson.url)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("html").get_attribute("dir") == "rtl"

    # Far below the fold, the player is not loaded yet.
    page.wait_for_timeout(500)
    assert bundle_requests == []
    assert page.locator("[data-h5p-player] iframe").count() == 0

    page.locator("[data-h5p-player]").scroll_into_view_if_needed()
    frame = player_frame(page)
    frame.get_by_role("button", name="False").click()
    frame.get_by_text("Incorrect").first.wait_for()
    # A wrong answer still finishes the activity (not passed): H5P says result.completion is true.
    # A locator, not wait_for_function: the page's CSP forbids evaluating strings.
    page.locator("[data-h5p-player].is-completed").wait_for()
    assert page.locator("[data-h5p-status]").inner_text().strip() == "تم"
    assert len(bundle_requests) == 1
    assert csp_problems == []
    # The block follows the page direction: in RTL its title sits at the right edge.
    title = page.locator(".h5p-activity-title").bounding_box()
    section = page.locator("[data-h5p-player]").bounding_box()
    assert title["x"] + title["width"] > section["x"] + section["width"] - 40
    page.locator("[data-h5p-player]").scroll_into_view_if_needed()
    screenshot(page, "h5p-lesson-answered-ar")
