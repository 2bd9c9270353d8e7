"""Storing packages: extraction through the storage API, safe replacement, and refusals that store nothing."""

import json

import pytest
from django.core.files.storage import default_storage

from h5p import services
from h5p.models import H5PPackage
from h5p.tests.packages import exported_package_files, true_false_files, true_false_package, upload, zip_bytes
from h5p.validation import PackageRejected

pytestmark = pytest.mark.django_db


def test_upload_extracts_every_file_and_records_metadata(editor, stored_files):
    package = services.upload_package(uploaded_file=upload(true_false_package()), user=editor)
    assert package.title == "Work permit check"
    assert package.main_library_label == "H5P.PlatformTrueFalse 1.0"
    assert package.uploaded_by == editor and package.uploaded_at is not None
    assert package.file_count == len(true_false_files())
    expected = {f"{package.storage_prefix}/{name}" for name in true_false_files()}
    assert set(stored_files()) == expected
    assert json.loads(default_storage.open(f"{package.storage_prefix}/h5p.json").read())["mainLibrary"] == (
        "H5P.PlatformTrueFalse"
    )


def test_upload_uses_the_editors_title_and_language_when_given(editor):
    package = services.upload_package(
        uploaded_file=upload(true_false_package()), user=editor, title="Arbeitserlaubnis", language="de"
    )
    assert (package.title, package.language) == ("Arbeitserlaubnis", "de")


def _without(files, prefix):
    return {name: data for name, data in files.items() if not name.startswith(prefix)}


def _with(files, **extra):
    return {**files, **extra}


REJECTED_PACKAGES = {
    "not a zip": lambda: b"just some text",
    "disallowed extension": lambda: zip_bytes(_with(true_false_files(), **{"content/x.php": "<?php ?>"})),
    "dot dot": lambda: zip_bytes(
        _with(true_false_files(), **{"content/../../x.json": "{}"}), directories=False
    ),
    "symlink": lambda: zip_bytes(true_false_files(), symlinks=[("content/link.png", "/etc/passwd")]),
    "zip bomb": lambda: zip_bytes(_with(true_false_files(), **{"content/z.mp4": b"\0" * (8 * 1024 * 1024)})),
    "no h5p.json": lambda: zip_bytes(_without(true_false_files(), "h5p.json")),
    "missing library": lambda: zip_bytes(_without(true_false_files(), "H5P.PlatformTrueFalse-1.0")),
    "bad content.json": lambda: zip_bytes(_with(true_false_files(), **{"content/content.json": "{"})),
}


@pytest.mark.parametrize("reason", REJECTED_PACKAGES)
def test_rejected_upload_stores_no_row_and_no_file(reason, editor, stored_files):
    with pytest.raises(PackageRejected):
        services.upload_package(uploaded_file=upload(REJECTED_PACKAGES[reason]()), user=editor)
    assert H5PPackage.objects.count() == 0
    assert stored_files() == []


def test_storage_failure_half_way_removes_what_was_written(editor, stored_files, monkeypatch):
    # Packages are extracted into the private storage (website.private_files).
    from website.private_files import storage as package_storage

    original_save = package_storage.save
    calls = {"count": 0}

    def failing_save(name, content, **kwargs):
        calls["count"] += 1
        if calls["count"] == 3:
            raise OSError("disk full")
        return original_save(name, content, **kwargs)

    monkeypatch.setattr(package_storage, "save", failing_save)
    with pytest.raises(OSError):
        services.upload_package(uploaded_file=upload(true_false_package()), user=editor)
    assert H5PPackage.objects.count() == 0
    assert stored_files() == []


def test_replace_moves_to_new_files_and_deletes_old_ones_after_commit(
    package, editor, stored_files, django_capture_on_commit_callbacks
):
    old_prefix = package.storage_prefix
    new_files = true_false_files(statement="Asylum seekers may work after three months in some cases.")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        replaced = services.replace_package(package, uploaded_file=upload(zip_bytes(new_files)), user=editor)
    # Until the transaction commits, the old files still serve learners who have the lesson open.
    assert any(name.startswith(old_prefix) for name in stored_files())
    for callback in callbacks:
        callback()
    assert replaced.pk == package.pk and replaced.revision == 2
    assert replaced.storage_prefix != old_prefix
    assert not any(name.startswith(old_prefix) for name in stored_files())
    content = json.loads(default_storage.open(f"{replaced.storage_prefix}/content/content.json").read())
    assert content["statement"].startswith("Asylum seekers")


def test_rejected_replacement_keeps_the_current_version(package, editor, stored_files):
    before = stored_files()
    with pytest.raises(PackageRejected):
        services.replace_package(package, uploaded_file=upload(b"not a zip"), user=editor)
    package.refresh_from_db()
    assert package.revision == 1
    assert stored_files() == before


def test_replacement_drops_saved_states_h5p_marked_for_invalidation(package, editor, learner, lesson):
    from h5p.tests.conftest import H5P_BLOCK_ID

    services.save_user_data(
        learner, package, lesson, H5P_BLOCK_ID, "state", "0", '{"answer":"true"}', invalidate=True
    )
    services.replace_package(package, uploaded_file=upload(true_false_package()), user=editor)
    assert services.load_user_data(learner, package, lesson, H5P_BLOCK_ID, "state", "0") is None


def test_delete_removes_row_and_files(package, stored_files, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_package(package)
    assert H5PPackage.objects.count() == 0
    assert stored_files() == []


def test_export_with_50_mb_media_file_validates_and_extracts(editor, stored_files):
    size = 50 * 1024 * 1024
    package = services.upload_package(
        uploaded_file=upload(zip_bytes(exported_package_files(large_file_size=size)), "onboarding.h5p"),
        user=editor,
    )
    assert package.main_library_label == "H5P.QuestionSet 1.20"
    video = f"{package.storage_prefix}/content/videos/welcome-2.mp4"
    assert default_storage.size(video) == size
    assert f"{package.storage_prefix}/H5P.JoubelUI-1.3/library.json" in stored_files()
    assert f"{package.storage_prefix}/H5P.QuestionSet-1.20/language/ar.json" in stored_files()


def test_extraction_works_with_a_storage_that_rewinds_uploads_like_s3(tmp_path):
    import io

    from django.core.files.storage import FileSystemStorage

    from h5p.storage import extract
    from h5p.validation import Limits, validate_package

    class RewindingStorage(FileSystemStorage):
        """Reads every upload twice, as S3 backends do (checksum, then upload)."""

        def _save(self, name, content):
            content.seek(0)
            first = content.read()
            content.seek(0)
            assert content.read() == first
            content.seek(0)
            return super()._save(name, content)

    data = true_false_package()
    manifest = validate_package(io.BytesIO(data), size=len(data), limits=Limits.from_settings())
    storage = RewindingStorage(location=tmp_path / "bucket")
    stored = extract(io.BytesIO(data), manifest, "h5p/test/rev", storage=storage)
    assert len(stored) == manifest.file_count
    assert storage.open("h5p/test/rev/h5p.json").read() == true_false_files()["h5p.json"]
