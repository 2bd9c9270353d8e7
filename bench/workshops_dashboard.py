"""Benchmark: the trainer's cohort dashboard (and the grid fragment it polls) for 200 participants
and 40 lessons on PostgreSQL. Target: p95 under 200 ms.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_workshops \\
        .venv/bin/python bench/workshops_dashboard.py [--rounds 60]

Creates a throw-away test database (``test_`` + the database name), publishes a course of
4 modules × 10 lessons with a quiz, gives 200 participants enrolments with progress spread over
the course (a quarter without progress for weeks, so "who is stuck" has rows) and quiz attempts,
marks attendance on two session days, then requests each page through Django's test client as
the trainer (whole request: middleware, session, queries, template) and prints median, p95 and
the number of queries."""

import argparse
import os
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_workshops")
os.environ.setdefault("DEBUG", "0")


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build(participants, lessons_per_module):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.models import Enrolment, LessonProgress, QuizAttempt
    from courses.tests.factories import lessons_of, make_catalogue, make_course, quiz_block, text_block
    from website import demo
    from workshops.models import Attendance, Participant
    from workshops.tests.factories import make_cohort, make_trainer

    demo.load()
    course = make_course(
        make_catalogue(),
        title="Long course",
        slug="long-course",
        modules=4,
        lessons_per_module=lessons_per_module,
        bodies={(1, 2): [text_block(), quiz_block(max_attempts=3, pass_mark=70)]},
    )
    trainer, provider = make_trainer(email="bench-trainer@example.org")
    cohort = make_cohort(trainer, provider, [course], capacity=participants + 10, days=2)
    User = get_user_model()
    people = User.objects.bulk_create(
        [
            User(email=f"bench{n}@example.org", first_name="Bench", last_name=f"{n:04}")
            for n in range(participants)
        ]
    )
    Participant.objects.bulk_create([Participant(cohort=cohort, user=person) for person in people])
    now = timezone.now()
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                user=person,
                course_key=course.translation_key,
                last_activity_at=now - timedelta(days=30 if n % 4 == 0 else 0),
            )
            for n, person in enumerate(people)
        ]
    )
    lessons = lessons_of(course)
    rows = []
    for n, enrolment in enumerate(enrolments):
        for index, lesson in enumerate(lessons[: (n * 7) % (len(lessons) + 1)]):
            rows.append(
                LessonProgress(
                    enrolment=enrolment,
                    lesson_key=lesson.translation_key,
                    module_key=uuid.uuid4(),
                    last_launched_at=now,
                    completed_at=now if index % 3 else None,
                )
            )
    LessonProgress.objects.bulk_create(rows, batch_size=2000)
    quiz_lesson = lessons[lessons_per_module + 2]
    QuizAttempt.objects.bulk_create(
        [
            QuizAttempt(
                enrolment=enrolment,
                lesson_key=quiz_lesson.translation_key,
                block_id="quiz-1",
                number=1,
                score_scaled=(n % 5) / 4,
                passed=(n % 5) >= 3,
            )
            for n, enrolment in enumerate(enrolments)
            if n % 2
        ]
    )
    Attendance.objects.bulk_create(
        [
            Attendance(day=day, user=person, present=bool(n % 3))
            for day in cohort.days.all()
            for n, person in enumerate(people)
        ]
    )
    return trainer, cohort, len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--lessons-per-module", type=int, default=10)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        trainer, cohort, progress_rows = build(args.participants, args.lessons_per_module)
        print(
            f"database {name}: {args.participants} participants, {args.lessons_per_module * 4} lessons, "
            f"{progress_rows} progress rows (built in {time.perf_counter() - started:.0f} s)"
        )
        client = Client()
        client.force_login(trainer)
        for label, url in (
            ("dashboard", reverse("workshops:dashboard", args=[cohort.pk])),
            ("grid fragment (polled)", reverse("workshops:grid", args=[cohort.pk])),
        ):
            for _warm in range(3):
                assert client.get(url).status_code == 200
            # Counted with a wrapper: Django clears connection.queries when each request starts.
            queries = []
            with connection.execute_wrapper(
                lambda execute, sql, *rest, seen=queries: seen.append(sql) or execute(sql, *rest)
            ):
                client.get(url)
            samples = []
            for _round in range(args.rounds):
                start = time.perf_counter()
                response = client.get(url)
                samples.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            print(
                f"{label:24} median {statistics.median(samples):6.1f} ms   "
                f"p95 {percentile(samples, 0.95):6.1f} ms   max {max(samples):6.1f} ms   "
                f"{len(queries)} queries   {len(response.content) // 1024} KB"
            )
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
