"""Builds `.h5p` archives at test time from the committed sources and from generated layouts."""

import io
import json
import os
import stat
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRUE_FALSE_SOURCE = FIXTURES / "platform_true_false"
QUESTION_SET_SOURCE = FIXTURES / "platform_question_set"


def source_files(folder):
    """Every file below ``folder`` as ``{archive name: bytes}``."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def zip_bytes(files, *, symlinks=(), compression=zipfile.ZIP_DEFLATED, directories=True):
    """Zip ``{name: bytes|str}``; ``symlinks`` is a list of ``(name, target)`` stored as links."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        written_dirs = set()
        for name, data in files.items():
            if directories:
                parts = name.split("/")[:-1]
                for depth in range(1, len(parts) + 1):
                    directory = "/".join(parts[:depth]) + "/"
                    if directory not in written_dirs:
                        written_dirs.add(directory)
                        archive.writestr(zipfile.ZipInfo(directory), b"")
            archive.writestr(name, data if isinstance(data, bytes) else data.encode("utf-8"))
        for name, target in symlinks:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def true_false_files(**content_overrides):
    files = source_files(TRUE_FALSE_SOURCE)
    if content_overrides:
        content = json.loads(files["content/content.json"])
        content.update(content_overrides)
        files["content/content.json"] = json.dumps(content).encode()
    return files


def true_false_package():
    return zip_bytes(true_false_files())


def question_set_files():
    """An export-like container package: H5P.PlatformQuestionSet shows two H5P.PlatformTrueFalse
    questions; it depends on H5P.PlatformTheme, which depends on FontAwesome; an image under content/."""
    files = source_files(QUESTION_SET_SOURCE)
    for name, data in source_files(TRUE_FALSE_SOURCE).items():
        if name.startswith("H5P.PlatformTrueFalse-1.0/"):
            files[name] = data
    return files


def question_set_package():
    return zip_bytes(question_set_files())


def upload(data, name="activity.h5p"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def _library(
    machine_name, major, minor, *, dependencies=(), js=True, css=True, extra_files=None, languages=()
):
    folder = f"{machine_name}-{major}.{minor}"
    definition = {
        "title": machine_name,
        "machineName": machine_name,
        "majorVersion": major,
        "minorVersion": minor,
        "patchVersion": 3,
        "runnable": 0,
        "license": "MIT",
        "author": "Test",
        "coreApi": {"majorVersion": 1, "minorVersion": 24},
    }
    files = {}
    if js:
        script = f"{machine_name.replace('.', '_').lower()}.js"
        definition["preloadedJs"] = [{"path": f"scripts/{script}"}]
        files[f"{folder}/scripts/{script}"] = (
            f"var H5P = H5P || {{}};\n/* {machine_name} {major}.{minor} */\n"
            f"window.__loaded = (window.__loaded || []).concat(['{machine_name}']);\n"
        )
    if css:
        definition["preloadedCss"] = [{"path": "styles/main.css"}]
        files[f"{folder}/styles/main.css"] = f".{machine_name.replace('.', '-')} {{ display: block; }}\n"
    if dependencies:
        definition["preloadedDependencies"] = [
            {"machineName": name, "majorVersion": dep_major, "minorVersion": dep_minor}
            for name, dep_major, dep_minor in dependencies
        ]
    files[f"{folder}/library.json"] = json.dumps(definition, indent=2)
    files[f"{folder}/semantics.json"] = json.dumps([{"name": "text", "type": "text", "label": "Text"}])
    for language in languages:
        files[f"{folder}/language/{language}.json"] = json.dumps(
            {"semantics": [{"label": f"Text ({language})"}]}, ensure_ascii=False
        )
    files.update(extra_files or {})
    return files


def exported_package_files(*, large_file_size=0):
    """A package laid out the way h5p.org and Lumi export content: every library folder at the root
    named ``Name-major.minor``, libraries depending on libraries, language files, fonts and media
    under ``content/``; optionally one large media file of ``large_file_size`` bytes."""
    files = {
        "h5p.json": json.dumps(
            {
                "title": "Onboarding quiz",
                "language": "und",
                "mainLibrary": "H5P.QuestionSet",
                "embedTypes": ["iframe"],
                "license": "U",
                "defaultLanguage": "de",
                "preloadedDependencies": [
                    {"machineName": "H5P.QuestionSet", "majorVersion": 1, "minorVersion": 20},
                    {"machineName": "H5P.PlatformTrueFalse", "majorVersion": 1, "minorVersion": 0},
                    {"machineName": "H5P.Video", "majorVersion": 1, "minorVersion": 6},
                    {"machineName": "FontAwesome", "majorVersion": 4, "minorVersion": 5},
                ],
            }
        ),
        "content/content.json": json.dumps(
            {
                "introPage": {"showIntroPage": True, "title": "Onboarding"},
                "questions": [
                    {
                        "library": "H5P.PlatformTrueFalse 1.0",
                        "subContentId": "6f1c1b44-5d0e-4a7c-9f55-2d5a0f7c9e11",
                        "params": {"statement": "Mentors help new colleagues settle in.", "correct": "true"},
                    }
                ],
                "backgroundImage": {"path": "images/background-1.png", "mime": "image/png"},
                "introVideo": {"path": "videos/welcome-2.mp4", "mime": "video/mp4"},
            }
        ),
        "content/images/background-1.png": b"\x89PNG\r\n\x1a\n" + os.urandom(2048),
        "content/videos/welcome-2.mp4": os.urandom(large_file_size or 4096),
    }
    files.update(
        _library(
            "H5P.QuestionSet",
            1,
            20,
            dependencies=[("H5P.Question", 1, 5), ("H5P.JoubelUI", 1, 3), ("H5P.Transition", 1, 0)],
            languages=("de", "nl", "ar", ".en"),
        )
    )
    files.update(
        _library("H5P.Question", 1, 5, dependencies=[("H5P.JoubelUI", 1, 3)], languages=("de", "ar"))
    )
    files.update(
        _library(
            "H5P.JoubelUI",
            1,
            3,
            dependencies=[("H5P.Transition", 1, 0), ("FontAwesome", 4, 5), ("H5P.FontIcons", 1, 0)],
            languages=("de",),
        )
    )
    files.update(_library("H5P.Transition", 1, 0, css=False))
    files.update(_library("H5P.Video", 1, 6, dependencies=[("H5P.Transition", 1, 0)], languages=("nl",)))
    files.update(
        _library(
            "FontAwesome",
            4,
            5,
            js=False,
            extra_files={
                "FontAwesome-4.5/fontawesome-webfont.woff2": os.urandom(512),
                "FontAwesome-4.5/fontawesome-webfont.ttf": os.urandom(512),
            },
        )
    )
    files.update(
        _library("H5P.FontIcons", 1, 0, js=False, extra_files={"H5P.FontIcons-1.0/icons.svg": "<svg></svg>"})
    )
    for name, data in source_files(TRUE_FALSE_SOURCE).items():
        if name.startswith("H5P.PlatformTrueFalse-1.0/"):
            files[name] = data
    return files


def course_presentation_files():
    """A package shaped like the Course Presentation export of the H5P hub: the presentation
    library on top of a chain of shared libraries (JoubelUI, Question, FontIcons, Transition, ...),
    question types on its slides, the exportable text area with its Downloadify helper, which ships
    a Flash file (``downloadify.swf``) as real exports do, language files and slide images."""
    files = {
        "h5p.json": json.dumps(
            {
                "title": "Welcoming a new colleague",
                "language": "en",
                "mainLibrary": "H5P.CoursePresentation",
                "embedTypes": ["iframe"],
                "license": "CC BY-SA",
                "licenseVersion": "4.0",
                "defaultLanguage": "en",
                "preloadedDependencies": [
                    {"machineName": "H5P.CoursePresentation", "majorVersion": 1, "minorVersion": 25},
                    {"machineName": "H5P.MultiChoice", "majorVersion": 1, "minorVersion": 16},
                    {"machineName": "H5P.Blanks", "majorVersion": 1, "minorVersion": 14},
                    {"machineName": "H5P.ExportableTextArea", "majorVersion": 1, "minorVersion": 3},
                    {"machineName": "H5P.Image", "majorVersion": 1, "minorVersion": 1},
                    {"machineName": "FontAwesome", "majorVersion": 4, "minorVersion": 5},
                ],
            }
        ),
        "content/content.json": json.dumps(
            {
                "presentation": {
                    "slides": [
                        {
                            "elements": [
                                {
                                    "action": {
                                        "library": "H5P.Image 1.1",
                                        "params": {"file": {"path": "images/file-6551b2b1.png"}},
                                        "subContentId": "2c0d4a8e-3b7f-4f1a-9d62-1e5b7c9a0f31",
                                    }
                                }
                            ]
                        },
                        {
                            "elements": [
                                {
                                    "action": {
                                        "library": "H5P.MultiChoice 1.16",
                                        "params": {"question": "<p>Who helps a new colleague first?</p>"},
                                        "subContentId": "6f3e1c2a-8b4d-4e9f-a1c7-5d2b8e0f6a94",
                                    }
                                }
                            ]
                        },
                    ]
                }
            }
        ),
        "content/images/file-6551b2b1.png": b"\x89PNG\r\n\x1a\n" + os.urandom(1024),
    }
    files.update(
        _library(
            "H5P.CoursePresentation",
            1,
            25,
            dependencies=[
                ("H5P.JoubelUI", 1, 3),
                ("H5P.FontIcons", 1, 0),
                ("H5P.Transition", 1, 0),
                ("FontAwesome", 4, 5),
            ],
            languages=("de", "nl", "ar"),
        )
    )
    files.update(
        _library(
            "H5P.MultiChoice",
            1,
            16,
            dependencies=[("H5P.Question", 1, 5), ("H5P.JoubelUI", 1, 3), ("H5P.FontIcons", 1, 0)],
            languages=("de", "nl", "ar"),
        )
    )
    files.update(
        _library("H5P.Blanks", 1, 14, dependencies=[("H5P.Question", 1, 5)], languages=("de", "nl", "ar"))
    )
    files.update(
        _library("H5P.Question", 1, 5, dependencies=[("H5P.JoubelUI", 1, 3)], languages=("de", "nl", "ar"))
    )
    files.update(
        _library(
            "H5P.JoubelUI",
            1,
            3,
            dependencies=[("H5P.Transition", 1, 0), ("FontAwesome", 4, 5), ("H5P.FontIcons", 1, 0)],
        )
    )
    files.update(_library("H5P.Transition", 1, 0, css=False))
    files.update(_library("H5P.Image", 1, 1, languages=("de",)))
    files.update(
        _library(
            "H5P.ExportableTextArea",
            1,
            3,
            dependencies=[("Downloadify", 1, 0), ("H5P.JoubelUI", 1, 3)],
            languages=("de",),
        )
    )
    files.update(
        _library(
            "Downloadify",
            1,
            0,
            css=False,
            extra_files={"Downloadify-1.0/media/downloadify.swf": b"FWS\x0a" + os.urandom(256)},
        )
    )
    files.update(
        _library(
            "FontAwesome",
            4,
            5,
            js=False,
            extra_files={"FontAwesome-4.5/fontawesome-webfont.woff2": os.urandom(512)},
        )
    )
    files.update(
        _library("H5P.FontIcons", 1, 0, js=False, extra_files={"H5P.FontIcons-1.0/icons.svg": "<svg></svg>"})
    )
    return files


BLANKS_SOURCE = FIXTURES / "platform_blanks"


def blanks_files():
    """Fill in the blanks (H5P.PlatformBlanks 1.2, iframe embed) on the theme and icon libraries the
    question set uses: a second library chain sharing libraries with another package on the page."""
    files = source_files(BLANKS_SOURCE)
    for name, data in source_files(QUESTION_SET_SOURCE).items():
        if name.startswith(("H5P.PlatformTheme-1.0/", "FontAwesome-4.5/")):
            files[name] = data
    return files


def blanks_package():
    return zip_bytes(blanks_files())
