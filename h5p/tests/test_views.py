"""Serving package files, the content-user-data (resume) protocol, and the rendered block."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.selectors import course_of
from courses.services import enrol
from h5p import services
from h5p.models import H5PContentUserData
from h5p.tests.conftest import H5P_BLOCK_ID
from h5p.tests.packages import exported_package_files, upload, zip_bytes

pytestmark = pytest.mark.django_db


def content_url(package, path):
    return reverse("h5p:content", kwargs={"uid": package.uid, "revision": package.revision, "path": path})


def test_package_file_is_served_with_nosniff_and_its_type(editor_client, package):
    response = editor_client.get(content_url(package, "H5P.PlatformTrueFalse-1.0/platform-true-false.js"))
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Type"].startswith("text/javascript")
    assert b"H5P.PlatformTrueFalse" in b"".join(response.streaming_content)


def test_package_files_cannot_run_scripts_when_opened_directly(editor_client, package):
    response = editor_client.get(content_url(package, "h5p.json"))
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert response.headers["Content-Type"].startswith("application/json")


def test_a_script_in_the_content_folder_of_an_older_upload_is_not_served_as_script(editor_client, package):
    # Packages stored before uploads refused scripts outside library folders may still hold one.
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    default_storage.save(f"{package.storage_prefix}/content/evil.js", ContentFile(b"alert(1)"))
    response = editor_client.get(content_url(package, "content/evil.js"))
    assert response.status_code == 404


def test_path_outside_the_package_is_not_served(editor_client, package):
    response = editor_client.get(content_url(package, "content/../../../../settings.py"))
    assert response.status_code != 200


def test_missing_file_is_not_served(editor_client, package):
    response = editor_client.get(content_url(package, "H5P.Missing-1.0/library.json"), follow=False)
    assert response.status_code in {302, 404}  # 404, or LocaleMiddleware's redirect to a 404 page


def test_media_supports_range_requests_for_video_seeking(editor_client, editor):
    package = services.upload_package(
        uploaded_file=upload(zip_bytes(exported_package_files()), "q.h5p"), user=editor
    )
    response = editor_client.get(
        content_url(package, "content/videos/welcome-2.mp4"), HTTP_RANGE="bytes=100-199"
    )
    assert response.status_code == 206
    assert response.headers["Content-Range"] == "bytes 100-199/4096"
    assert response.headers["Content-Type"] == "video/mp4"
    assert len(b"".join(response.streaming_content)) == 100


def user_data_url(package, lesson, block_id=H5P_BLOCK_ID, data_type="state", sub="0"):
    return reverse(
        "h5p:content_user_data",
        kwargs={
            "uid": package.uid,
            "lesson_id": lesson.pk,
            "block_id": block_id,
            "data_type": data_type,
            "sub_content_id": sub,
        },
    )


@pytest.fixture
def editor_client(editor, password):
    """Package files are served only to people who may see a lesson using them, or editors."""
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def learner_client(learner, password):
    client = Client()
    client.force_login(learner)
    return client


def test_user_data_is_empty_before_first_save(learner_client, package, lesson):
    response = learner_client.get(user_data_url(package, lesson))
    assert response.json() == {"success": True, "data": False}


def test_user_data_round_trip_restores_the_state(learner_client, package, lesson):
    url = user_data_url(package, lesson)
    assert learner_client.post(
        url, {"data": '{"answer":"true"}', "preload": "1", "invalidate": "1"}
    ).json() == {"success": True}
    assert learner_client.get(url).json() == {"success": True, "data": '{"answer":"true"}'}


def test_user_data_over_64_kb_is_refused_with_413(learner_client, package, lesson):
    url = user_data_url(package, lesson)
    response = learner_client.post(url, {"data": "x" * (64 * 1024 + 1)})
    assert response.status_code == 413
    assert "64 KB" in response.json()["message"]
    assert not H5PContentUserData.objects.exists()


def test_user_data_zero_deletes_the_state(learner_client, package, lesson):
    url = user_data_url(package, lesson)
    learner_client.post(url, {"data": '{"answer":"false"}'})
    learner_client.post(url, {"data": "0"})
    assert learner_client.get(url).json()["data"] is False


def test_user_data_is_private_to_each_learner(learner_client, package, lesson, make_user, password):
    learner_client.post(user_data_url(package, lesson), {"data": '{"answer":"true"}'})
    other = make_user(email="other@example.org")
    enrol(other, course_of(lesson))
    client = Client()
    client.force_login(other)
    assert client.get(user_data_url(package, lesson)).json()["data"] is False


def test_user_data_needs_a_logged_in_learner(package, lesson):
    response = Client().get(user_data_url(package, lesson))
    assert response.status_code == 403


def test_user_data_for_another_package_than_the_blocks_is_refused(learner_client, lesson, editor):
    other = services.upload_package(
        uploaded_file=upload(zip_bytes(exported_package_files()), "q.h5p"), user=editor
    )
    response = learner_client.get(user_data_url(other, lesson))
    assert response.status_code == 410


def test_lesson_renders_the_lazy_player_with_learner_as_h5p_user(learner_client, learner, lesson, package):
    response = learner_client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-h5p-player" in html
    assert "h5p-standalone/main.bundle.js" in html  # loaded by the script only when scrolled into view
    assert '<script src="/static/h5p-standalone/main.bundle.js"' not in html
    assert reverse("h5p:capture", kwargs={"lesson_id": lesson.pk, "block_id": H5P_BLOCK_ID}) in html
    assert learner.email in html and f"/h5p/content/{package.uid}/1" in html


def test_block_for_a_visitor_plays_without_tracking(lesson, package, rf):
    from django.contrib.auth.models import AnonymousUser

    from h5p.blocks import H5PActivityBlock

    request = rf.get(lesson.url)
    request.user = AnonymousUser()
    block = H5PActivityBlock()
    value = block.to_python({"package": package.pk, "completion": "statement", "required": True})
    html = block.render(value, context={"request": request, "page": lesson})
    assert "data-h5p-player" in html
    assert "data-h5p-capture-url" not in html
    assert "Log in to save your answers" in html


def test_block_whose_package_was_deleted_says_so(lesson, package, rf):
    from h5p.blocks import H5PActivityBlock

    block = H5PActivityBlock()
    value = block.to_python({"package": package.pk + 1000, "completion": "statement", "required": True})
    html = block.render(value, context={"request": rf.get("/"), "page": lesson})
    assert "not available at the moment" in html and "data-h5p-player" not in html


def test_saved_state_is_handed_to_the_player_with_its_options(learner_client, learner, lesson, package):
    """H5P builds the activity before an AJAX answer could arrive, so the state comes preloaded."""
    services.save_user_data(learner, package, lesson, H5P_BLOCK_ID, "state", "0", '{"answer":"false"}')
    html = learner_client.get(lesson.url).content.decode()
    assert '"contentUserData": [{"state": "{\\"answer\\":\\"false\\"}"}]' in html


def test_block_in_an_editors_preview_is_not_tracked(lesson, package, editor, rf):
    from h5p.blocks import H5PActivityBlock

    request = rf.get(lesson.url)
    request.user = editor
    request.is_preview = True
    bound = lesson.body[0]
    html = H5PActivityBlock().render(
        bound.value, context={"request": request, "page": lesson, "block": bound}
    )
    assert "data-h5p-player" in html and "data-h5p-capture-url" not in html
    request.is_preview = False
    rendered_live = H5PActivityBlock().render(
        bound.value, context={"request": request, "page": lesson, "block": bound}
    )
    assert "data-h5p-capture-url" in rendered_live  # the same block outside a preview is tracked


def test_pages_opened_before_a_replacement_keep_loading_files(
    editor_client, package, editor, django_capture_on_commit_callbacks
):
    from h5p.tests.packages import true_false_package

    old_url = content_url(package, "h5p.json")
    with django_capture_on_commit_callbacks(execute=True):
        replaced = services.replace_package(package, uploaded_file=upload(true_false_package()), user=editor)
    response = editor_client.get(old_url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"  # an old revision's URL is never cached for long
    assert editor_client.get(content_url(replaced, "h5p.json")).headers["Cache-Control"].startswith("public")


def test_an_activity_added_to_a_completed_lesson_is_new_not_required(make_lesson, package, make_user, client):
    import json

    from courses import services as courses_services
    from courses.selectors import course_of

    lesson = make_lesson(slug="read-first")
    learner = make_user(email="reader@example.org")
    courses_services.enrol(learner, course_of(lesson))
    courses_services.mark_lesson_done(learner, lesson)
    lesson.body = json.dumps(
        [
            {
                "type": "h5p",
                "id": H5P_BLOCK_ID,
                "value": {"package": package.pk, "completion": "statement", "required": True},
            }
        ]
    )
    lesson.save_revision().publish()
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert "You have completed this lesson" in html
    assert "New since you completed this lesson" in html and "Required for this lesson" not in html
