"""The editors' upload and re-upload screens in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from h5p.models import H5PPackage
from h5p.tests.packages import true_false_files, true_false_package, upload, zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(editor, password):
    client = Client()
    client.force_login(editor)
    return client


def test_editor_uploads_a_package_and_sees_its_main_library(editor_client, editor, stored_files):
    response = editor_client.post(
        reverse("h5p_packages:add"),
        {"title": "", "language": "", "package_file": upload(true_false_package(), "work-permit.h5p")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    package = H5PPackage.objects.get()
    assert package.title == "Work permit check" and package.uploaded_by == editor
    assert stored_files()
    listing = editor_client.get(reverse("h5p_packages:index")).content.decode()
    assert "Work permit check" in listing and "H5P.PlatformTrueFalse 1.0" in listing


def test_rejected_upload_shows_the_reason_and_stores_nothing(editor_client, stored_files):
    files = true_false_files()
    files["content/tool.exe"] = b"MZ"
    response = editor_client.post(
        reverse("h5p_packages:add"), {"title": "Bad", "package_file": upload(zip_bytes(files), "bad.h5p")}
    )
    assert response.status_code == 200
    assert "file type that is not allowed: content/tool.exe" in response.content.decode()
    assert H5PPackage.objects.count() == 0
    assert stored_files() == []


def test_editor_replaces_a_package_from_its_edit_screen(
    editor_client, package, django_capture_on_commit_callbacks
):
    old_prefix = package.storage_prefix
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("h5p_packages:edit", args=[package.pk]),
            {"title": "Work permit check v2", "language": "en", "package_file": upload(true_false_package())},
        )
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.revision == 2 and package.title == "Work permit check v2"
    assert package.storage_prefix != old_prefix


def test_editing_only_the_title_keeps_the_files(editor_client, package):
    prefix = package.storage_prefix
    response = editor_client.post(
        reverse("h5p_packages:edit", args=[package.pk]), {"title": "Renamed", "language": "de"}
    )
    assert response.status_code == 302
    package.refresh_from_db()
    assert (package.title, package.language, package.storage_prefix, package.revision) == (
        "Renamed",
        "de",
        prefix,
        1,
    )


def test_learner_cannot_open_the_upload_screen(make_user, password):
    learner = make_user(email="learner@example.org")
    client = Client()
    client.force_login(learner)
    response = client.get(reverse("h5p_packages:add"))
    assert response.status_code in {302, 403}
    assert H5PPackage.objects.count() == 0


def test_wagtail_editors_group_may_upload_packages():
    editors = Group.objects.get(name="Editors")
    codenames = set(
        editors.permissions.filter(content_type__app_label="h5p").values_list("codename", flat=True)
    )
    assert {"add_h5ppackage", "change_h5ppackage", "delete_h5ppackage", "view_h5ppackage"} <= codenames


def test_chooser_for_lesson_blocks_lists_uploaded_packages(editor_client, package):
    response = editor_client.get(reverse("h5p_package_chooser:choose"))
    assert response.status_code == 200
    assert "Work permit check" in response.content.decode()


def test_editor_deletes_a_package_and_its_files(
    editor_client, package, stored_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("h5p_packages:delete", args=[package.pk]))
    assert response.status_code == 302
    assert H5PPackage.objects.count() == 0
    assert stored_files() == []
