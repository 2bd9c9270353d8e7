"""Every reason a package is refused, each with its message; and that real export layouts pass."""

import io
import json
import zipfile

import pytest

from h5p.tests.packages import course_presentation_files, exported_package_files, true_false_files, zip_bytes
from h5p.validation import Limits, PackageRejected, validate_package

LIMITS = Limits(
    max_upload_size=200 * 1024 * 1024,
    max_uncompressed_size=1024 * 1024 * 1024,
    max_compression_ratio=100,
    max_files=10_000,
)


def validate(data, limits=LIMITS):
    return validate_package(io.BytesIO(data), size=len(data), limits=limits)


def rejected(data, limits=LIMITS):
    with pytest.raises(PackageRejected) as caught:
        validate(data, limits)
    return caught.value.message


def test_fixture_package_is_valid_and_reports_its_main_library():
    manifest = validate(zip_bytes(true_false_files()))
    assert manifest.title == "Work permit check"
    assert manifest.language == "en"
    assert (manifest.main_library, manifest.main_library_version) == ("H5P.PlatformTrueFalse", "1.0")
    names = {info.filename for info in manifest.entries}
    assert "H5P.PlatformTrueFalse-1.0/platform-true-false.js" in names
    assert "H5P.PlatformTrueFalse-1.0/language/ar.json" in names


def test_export_layout_with_nested_libraries_languages_and_media_is_valid():
    manifest = validate(zip_bytes(exported_package_files()))
    names = {info.filename for info in manifest.entries}
    assert manifest.main_library == "H5P.QuestionSet"
    assert manifest.language == ""  # Lumi writes "und" for undetermined
    assert {"H5P.JoubelUI-1.3/library.json", "FontAwesome-4.5/fontawesome-webfont.woff2"} <= names
    assert "content/videos/welcome-2.mp4" in names
    assert "H5P.QuestionSet-1.20/language/.en.json" not in names  # editor-only, skipped like H5P core


def test_not_a_zip_is_rejected():
    assert "not a valid zip archive" in rejected(b"%PDF-1.7 this is a PDF, not a package")


def test_upload_over_size_limit_is_rejected():
    data = zip_bytes(true_false_files())
    limits = Limits(
        max_upload_size=len(data) - 1, max_uncompressed_size=10**9, max_compression_ratio=100, max_files=100
    )
    message = rejected(data, limits)
    assert "packages may be at most" in message and "MB" in message


def test_total_uncompressed_size_over_limit_is_rejected():
    files = true_false_files()
    files["content/images/poster.png"] = b"\x89PNG" + bytes(range(256)) * 4096
    limits = Limits(
        max_upload_size=10**9, max_uncompressed_size=512 * 1024, max_compression_ratio=10**6, max_files=100
    )
    assert "Unpacked, the package would take" in rejected(zip_bytes(files), limits)


def test_zip_bomb_compression_ratio_is_rejected():
    files = true_false_files()
    files["content/videos/zeros.mp4"] = b"\0" * (20 * 1024 * 1024)
    assert "looks like a zip bomb" in rejected(zip_bytes(files))


def test_too_many_files_is_rejected():
    files = true_false_files()
    for number in range(30):
        files[f"content/images/{number}.png"] = b"\x89PNG"
    limits = Limits(
        max_upload_size=10**9, max_uncompressed_size=10**9, max_compression_ratio=100, max_files=20
    )
    assert "the limit is 20" in rejected(zip_bytes(files, directories=False), limits)


def test_absolute_path_is_rejected():
    files = true_false_files()
    files["/etc/cron.d/evil.json"] = "{}"
    assert "absolute path: /etc/cron.d/evil.json" in rejected(zip_bytes(files, directories=False))


def test_dot_dot_segment_is_rejected():
    files = true_false_files()
    files["content/../../outside.json"] = "{}"
    assert "'..'" in rejected(zip_bytes(files, directories=False))


def test_symlink_is_rejected():
    data = zip_bytes(true_false_files(), symlinks=[("content/images/link.png", "/etc/passwd")])
    assert "symbolic link" in rejected(data) and "content/images/link.png" in rejected(data)


@pytest.mark.parametrize(
    "name", ["content/shell.php", "content/setup.exe", "content/run.sh", "content/page.html"]
)
def test_disallowed_file_extension_is_rejected(name):
    files = true_false_files()
    files[name] = "payload"
    message = rejected(zip_bytes(files))
    assert "file type that is not allowed" in message and name in message


def test_course_presentation_export_with_a_flash_file_in_a_library_is_accepted():
    # H5P core's default whitelist (H5PCore::$defaultContentWhitelist) lists swf; the hub's Course
    # Presentation export carries Downloadify-1.0/media/downloadify.swf.
    manifest = validate(zip_bytes(course_presentation_files()))
    names = {info.filename for info in manifest.entries}
    assert manifest.main_library == "H5P.CoursePresentation"
    assert "Downloadify-1.0/media/downloadify.swf" in names


@pytest.mark.parametrize(
    "name",
    [
        "H5P.Blanks-1.14/upload.php",
        "H5P.Blanks-1.14/scripts/run.phtml",
        "H5P.Blanks-1.14/tool.phar",
        "H5P.Blanks-1.14/build.py",
        "H5P.Blanks-1.14/install.sh",
        "H5P.Blanks-1.14/setup.exe",
        "H5P.Blanks-1.14/cgi/form.pl",
        "H5P.Blanks-1.14/run.bat",
        "H5P.Blanks-1.14/page.jsp",
        "H5P.Blanks-1.14/page.aspx",
        "H5P.Blanks-1.14/index.html",
        "content/shell.php5",
        "content/images/photo.png.php",
    ],
)
def test_server_side_programs_and_html_are_refused_in_libraries_too(name):
    files = course_presentation_files()
    files[name] = "payload"
    message = rejected(zip_bytes(files))
    assert "file type that is not allowed" in message and name in message


@pytest.mark.parametrize(
    "name", ["content/evil.js", "content/scripts/evil.js", "content/theme.css", "evil.js"]
)
def test_scripts_and_styles_outside_a_library_folder_are_refused(name):
    # H5P core adds js and css to the whitelist for library folders only ($defaultLibraryWhitelistExtras).
    files = course_presentation_files()
    files[name] = "alert(document.cookie)"
    message = rejected(zip_bytes(files))
    assert name in message and "only inside a library folder" in message


def test_a_folder_without_library_json_is_no_library_for_scripts():
    files = course_presentation_files()
    files["Helpers-1.0/helper.js"] = "alert(1)"
    message = rejected(zip_bytes(files))
    assert "Helpers-1.0/helper.js" in message and "only inside a library folder" in message


@pytest.mark.parametrize(
    "listing, missing", [("preloadedJs", "scripts/h5p_blanks.js"), ("preloadedCss", "styles/main.css")]
)
def test_a_file_listed_in_library_json_but_missing_is_refused_by_name(listing, missing):
    files = course_presentation_files()
    del files[f"H5P.Blanks-1.14/{missing}"]
    message = rejected(zip_bytes(files))
    assert f"H5P.Blanks-1.14/{missing}" in message and listing in message


def test_a_listed_file_with_an_odd_path_is_refused_not_crashing():
    files = course_presentation_files()
    library = json.loads(files["H5P.Blanks-1.14/library.json"])
    for entries in ([{"path": 3}], ["scripts/x.js"], {"path": "x.js"}, [{"path": "../H5P.Image-1.1/x.js"}]):
        library["preloadedJs"] = entries
        files["H5P.Blanks-1.14/library.json"] = json.dumps(library)
        assert "H5P.Blanks-1.14/library.json" in rejected(zip_bytes(files))


def test_missing_h5p_json_is_rejected():
    files = true_false_files()
    del files["h5p.json"]
    assert "no h5p.json" in rejected(zip_bytes(files))


def test_h5p_json_that_is_not_json_is_rejected():
    files = true_false_files()
    files["h5p.json"] = "{title: 'unquoted'"
    assert "h5p.json is not valid JSON" in rejected(zip_bytes(files))


def test_h5p_json_without_main_library_is_rejected():
    files = true_false_files()
    data = json.loads(files["h5p.json"])
    del data["mainLibrary"]
    files["h5p.json"] = json.dumps(data)
    assert "does not name its main library" in rejected(zip_bytes(files))


def test_main_library_folder_missing_is_rejected_by_name():
    files = {
        name: data
        for name, data in true_false_files().items()
        if not name.startswith("H5P.PlatformTrueFalse")
    }
    message = rejected(zip_bytes(files))
    assert "H5P.PlatformTrueFalse 1.0" in message and "missing from the package" in message


def test_main_library_not_among_preloaded_dependencies_is_rejected():
    files = true_false_files()
    data = json.loads(files["h5p.json"])
    data["mainLibrary"] = "H5P.InteractiveVideo"
    files["h5p.json"] = json.dumps(data)
    assert "main library H5P.InteractiveVideo is not listed" in rejected(zip_bytes(files))


def test_missing_nested_dependency_is_rejected_by_name():
    files = {
        name: data
        for name, data in exported_package_files().items()
        if not name.startswith("H5P.Transition-1.0/")
    }
    message = rejected(zip_bytes(files))
    assert "H5P.Transition 1.0" in message and "missing from the package" in message


def test_missing_content_json_is_rejected():
    files = true_false_files()
    del files["content/content.json"]
    assert "no content/content.json" in rejected(zip_bytes(files))


def test_invalid_content_json_is_rejected():
    files = true_false_files()
    files["content/content.json"] = '{"statement": "unterminated'
    assert "content/content.json is not valid JSON" in rejected(zip_bytes(files))


def test_content_json_that_is_not_an_object_is_rejected():
    files = true_false_files()
    files["content/content.json"] = "[1, 2, 3]"
    assert "content/content.json must contain a JSON object" in rejected(zip_bytes(files))


def test_macos_archiver_leftovers_are_skipped_not_rejected():
    files = true_false_files()
    files["__MACOSX/content/._content.json"] = b"\0\5\26\7"
    files["content/.DS_Store"] = b"\0\0\0\1Bud1"
    manifest = validate(zip_bytes(files))
    assert all("MACOSX" not in info.filename and "DS_Store" not in info.filename for info in manifest.entries)


def test_stored_entries_are_checked_like_deflated_ones():
    data = zip_bytes(true_false_files(), compression=zipfile.ZIP_STORED)
    assert validate(data).main_library == "H5P.PlatformTrueFalse"


def test_container_fixture_with_library_chain_is_valid():
    from h5p.tests.packages import question_set_files

    manifest = validate(zip_bytes(question_set_files()))
    names = {info.filename for info in manifest.entries}
    assert manifest.main_library_version == "1.0" and manifest.main_library == "H5P.PlatformQuestionSet"
    assert {"FontAwesome-4.5/library.json", "content/images/welcome-1.svg"} <= names


def test_container_missing_a_library_of_a_library_names_it():
    from h5p.tests.packages import question_set_files

    files = {
        name: data for name, data in question_set_files().items() if not name.startswith("FontAwesome-4.5/")
    }
    data = json.loads(files["h5p.json"])
    data["preloadedDependencies"] = [
        dep for dep in data["preloadedDependencies"] if dep["machineName"] != "FontAwesome"
    ]
    files["h5p.json"] = json.dumps(data)
    message = rejected(zip_bytes(files))
    assert "FontAwesome 4.5 is required by H5P.PlatformTheme 1.0" in message
