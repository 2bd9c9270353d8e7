"""Benchmark: H5P package upload (validation + extraction), file serving and xAPI capture.

Run: .venv/bin/python bench/h5p_packages.py [--statements 400] [--large-mb 50] [--files 2000]
It creates a throw-away test database (SQLite by default, or DATABASE_URL) and a temporary media
folder, then times, in-process:
  (1) validate_package and upload_package (validation + extraction through the storage API) for the
      fixture package, an export-like package with a large media file, and one with many small files;
  (2) streaming the large media file through the content view;
  (3) the capture endpoint for a learner: a mix of top-level and child statements, as an H5P
      question set sends them.
Targets on the reference machine: a 50 MB package validated in under 1 s and stored in under 5 s;
a 2,000-file package stored in under 10 s; capture p95 under 50 ms per statement."""

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=400)
    parser.add_argument("--large-mb", type=int, default=50)
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()

    import django
    from django.conf import settings

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="bench-h5p-")
    # Private files (packages, PDFs) go to the same throw-away folder as the media.
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": settings.MEDIA_ROOT, "base_url": None},
        },
    }
    django.setup()
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)

    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def package_timings(label, data, editor):
    from h5p import services
    from h5p.tests.packages import upload
    from h5p.validation import Limits, validate_package

    limits = Limits.from_settings()
    manifest, validate_seconds = timed(
        lambda: validate_package(io.BytesIO(data), size=len(data), limits=limits)
    )
    package, upload_seconds = timed(lambda: services.upload_package(uploaded_file=upload(data), user=editor))
    size_mb = manifest.uncompressed_size / (1024 * 1024)
    print(
        f"{label:<34} {len(data) / 1048576:8.1f} MB zip {manifest.file_count:6d} files "
        f"validate {validate_seconds * 1000:8.1f} ms   validate+store {upload_seconds:6.2f} s "
        f"({size_mb / upload_seconds:6.1f} MB/s)"
    )
    return package


def run(args):
    from django.test import Client
    from django.urls import reverse

    from accounts.tests.factories import UserFactory
    from courses.models import LessonPage
    from courses.services import enrol
    from courses.tests.factories import make_catalogue, make_course
    from h5p.tests.packages import _library, exported_package_files, true_false_package, zip_bytes
    from website import demo

    demo.load()
    editor = UserFactory(email="bench-editor@example.org", is_staff=True, is_superuser=True)

    print("== upload: validation and extraction through the storage API")
    fixture = package_timings("fixture (H5P.PlatformTrueFalse)", true_false_package(), editor)
    large = package_timings(
        f"export with a {args.large_mb} MB video",
        zip_bytes(exported_package_files(large_file_size=args.large_mb * 1024 * 1024)),
        editor,
    )
    many = exported_package_files()
    extra = {
        f"content/images/photo-{number}.png": b"\x89PNG" + os.urandom(1024) for number in range(args.files)
    }
    many.update(extra)
    many.update(_library("H5P.Unused", 1, 0))
    package_timings(f"export with {args.files} small images", zip_bytes(many), editor)

    print("== serving the large media file through the content view")
    client = Client()
    client.force_login(editor)  # package files go only to editors and enrolled learners
    url = reverse(
        "h5p:content",
        kwargs={"uid": large.uid, "revision": large.revision, "path": "content/videos/welcome-2.mp4"},
    )
    response, seconds = timed(lambda: client.get(url))
    received = sum(len(chunk) for chunk in response.streaming_content)
    seconds = max(seconds, 1e-9)
    print(
        f"streamed {received / 1048576:.1f} MB in {seconds:.2f} s ({received / 1048576 / seconds:.0f} MB/s)"
    )

    print("== capture endpoint")
    block_id = str(uuid.uuid4())
    course = make_course(
        make_catalogue(),
        modules=1,
        lessons_per_module=1,
        bodies={
            (0, 0): [
                {
                    "type": "h5p",
                    "id": block_id,
                    "value": {"package": fixture.pk, "completion": "statement", "required": True},
                }
            ]
        },
    )
    lesson = LessonPage.objects.descendant_of(course).get()
    learner = UserFactory(email="bench-learner@example.org")
    enrol(learner, course)
    client = Client()
    client.force_login(learner)
    capture_url = reverse("h5p:capture", kwargs={"lesson_id": lesson.pk, "block_id": block_id})
    durations = []
    for number in range(args.statements):
        child = number % 4 != 3
        statement = {
            "actor": {"mbox": "mailto:nobody@example.org"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/" + ("answered" if child else "completed")},
            "object": {
                "id": "http://example.org/h5p",
                "definition": {"extensions": {"http://h5p.org/x-api/h5p-subContentId": str(uuid.uuid4())}}
                if child
                else {"name": {"en-US": "Bench"}},
            },
            "result": {"score": {"scaled": (number % 10) / 10}, "completion": True},
            "context": {"contextActivities": {"parent": [{"id": "http://example.org/h5p"}]}} if child else {},
        }
        body = json.dumps({"statement": statement})
        started = time.perf_counter()
        response = client.post(capture_url, data=body, content_type="application/json")
        durations.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"capture failed: {response.status_code} {response.content[:200]!r}")
    durations.sort()
    p95 = durations[int(len(durations) * 0.95) - 1]
    print(
        f"{args.statements} statements: mean {statistics.mean(durations) * 1000:.1f} ms, "
        f"median {statistics.median(durations) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
