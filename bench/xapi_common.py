"""Shared pieces of the xAPI benchmarks: the database, the gunicorn server, an LRS key and a
deterministic generator of ~1 KB statements.

The benchmarks use their own PostgreSQL database (default postgres://postgres@127.0.0.1:5432/xapi_bench,
override with XAPI_BENCH_DATABASE_URL), which they create and migrate themselves."""

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from harness import ROOT, server_environment
from harness import create_database as harness_create_database

DATABASE_URL = os.environ.get("XAPI_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/xapi_bench")
SITE = "https://academy.example.org"
# The benchmark key's KEY:SECRET, kept between runs so a store filled with SQL keeps one authority.
KEY_FILE = ROOT / "var" / "bench" / f"xapi_key_{DATABASE_URL.rsplit('/', 1)[-1]}.txt"
VERBS = [
    "http://adlnet.gov/expapi/verbs/launched",
    "http://adlnet.gov/expapi/verbs/progressed",
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/failed",
    "http://adlnet.gov/expapi/verbs/experienced",
    "http://activitystrea.ms/schema/1.0/consume",
    "http://adlnet.gov/expapi/verbs/interacted",
    "http://id.tincanapi.com/verb/earned",
]
LEARNERS = 5000
COURSES = 40
LESSONS_PER_COURSE = 25
NAMESPACE = uuid.UUID("8a4f6a52-2f0c-4c7e-9d56-3f1b2a7c9e10")


def environment():
    return server_environment(
        DATABASE_URL, settings="website.settings.production", SECURE_SSL_REDIRECT="0", SITE_URL=SITE
    )


def setup_django():
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def create_database(reset=False):
    """Create (or with reset, recreate) the benchmark database and migrate it."""
    harness_create_database(DATABASE_URL, environment(), reset=reset)


def create_key():
    """A read-write key for the default organisation, through the real management command."""
    output = subprocess.run(
        [sys.executable, "manage.py", "create_lrs_key", "bench"],
        cwd=ROOT,
        env=environment(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return output.strip().splitlines()[-1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    def __init__(self, workers=4, threads=4):
        self.port = free_port()
        self.workers = workers
        self.threads = threads
        self.process = None

    def __enter__(self):
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "website.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--threads", str(self.threads),
            "--worker-class", "gthread",
            "--log-level", "warning",
            "--keep-alive", "30",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=environment())
        # Four workers importing Django and Wagtail take a while on a busy shared machine.
        deadline = time.time() + 180
        import requests

        while time.time() < deadline:
            try:
                if requests.get(self.url + "/xapi/about", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def learner(index):
    return {
        "objectType": "Agent",
        "account": {"homePage": SITE, "name": str(uuid.uuid5(NAMESPACE, f"l{index}"))},
    }


def course_iri(course):
    return f"{SITE}/xapi/activities/course/{uuid.uuid5(NAMESPACE, f'c{course}')}"


def lesson_iri(course, lesson):
    return f"{SITE}/xapi/activities/lesson/{uuid.uuid5(NAMESPACE, f'c{course}l{lesson}')}"


def registration(learner_index, course):
    return str(uuid.uuid5(NAMESPACE, f"r{learner_index}-{course}"))


START = datetime(2026, 1, 1, tzinfo=UTC)


def statement(number, run="base"):
    """Statement ``number`` of a deterministic stream (about 1 KB of JSON)."""
    rng = random.Random(f"{run}-{number}")
    who = rng.randrange(LEARNERS)
    course = rng.randrange(COURSES)
    lesson = rng.randrange(LESSONS_PER_COURSE)
    verb = VERBS[rng.randrange(len(VERBS))]
    return {
        "id": str(uuid.uuid5(NAMESPACE, f"{run}-{number}")),
        "actor": learner(who),
        "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[-1]}},
        "object": {
            "objectType": "Activity",
            "id": lesson_iri(course, lesson),
            "definition": {
                "name": {
                    "en": f"Lesson {lesson} of course {course}",
                    "de": f"Lektion {lesson} von Kurs {course}",
                },
                "description": {"en": "Intercultural onboarding: what a new colleague needs in week one."},
                "type": "http://adlnet.gov/expapi/activities/lesson",
            },
        },
        "result": {
            "score": {"scaled": round(rng.random(), 2), "raw": rng.randrange(11), "min": 0, "max": 10},
            "success": rng.random() > 0.3,
            "completion": True,
            "duration": f"PT{rng.randrange(1, 3600)}S",
        },
        "context": {
            "registration": registration(who, course),
            "platform": "COME IN Academy",
            "language": rng.choice(["en", "de", "nl", "ar"]),
            "contextActivities": {
                "parent": [{"objectType": "Activity", "id": course_iri(course)}],
                "grouping": [{"objectType": "Activity", "id": course_iri(course)}],
                "category": [{"objectType": "Activity", "id": "https://w3id.org/xapi/comein/profile"}],
            },
            "extensions": {"https://w3id.org/xapi/comein/extensions/session": rng.randrange(10**9)},
        },
        "timestamp": (START + timedelta(seconds=number * 7)).isoformat().replace("+00:00", "Z"),
    }


def statement_size():
    return len(json.dumps(statement(1)))


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def write_result(name, data):
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(data, indent=2))
    print(json.dumps(data, indent=2))
