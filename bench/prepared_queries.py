"""Benchmark: what ``website.queries.PreparedQuery`` saves on the three queries every page view makes.

    .venv/bin/python bench/prepared_queries.py [--rounds 2000]

Runs against the database ``bench/pages.py`` fills (PAGES_BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/pages_bench; run pages.py once first). For each query — the
learner's enrolment with its progress summary (lesson page), the session's user, the routed page's
row — it times, in this process and alternating in one run, the ORM (build, compile, run, convert)
against the prepared query (run, convert), and prints the median per call and the ratio."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
os.environ.setdefault(
    "DATABASE_URL",
    os.environ.get("PAGES_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pages_bench"),
)
os.environ.setdefault("DEBUG", "0")


def timed(function, rounds):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from accounts.backends import _prepared as prepared_user
    from courses import selectors
    from courses.models import Enrolment, LessonPage
    from website.routing import _live_page

    enrolment = Enrolment.objects.order_by("pk").first()
    lesson = LessonPage.objects.live().order_by("path").first()
    if enrolment is None or lesson is None:
        sys.exit("No enrolment or lesson: run bench/pages.py first.")
    User = get_user_model()
    key = lesson.translation_key
    cases = [
        (
            "enrolment with progress (lesson page)",
            lambda: selectors._with_progress_summary(
                Enrolment.objects.filter(
                    user_id=enrolment.user_id, course_key=enrolment.course_key
                ).order_by(),
                key,
            ).first(),
            lambda: selectors._ENROLMENT_WITH_PROGRESS.first(
                user_id=enrolment.user_id, course_key=enrolment.course_key, current_key=key
            ),
        ),
        (
            "the session's user",
            lambda: User._default_manager.filter(pk=enrolment.user_id).order_by().first(),
            lambda: prepared_user().first(user_id=enrolment.user_id),
        ),
        (
            "the routed page's row",
            lambda: LessonPage.objects.filter(pk=lesson.pk, live=True).order_by().first(),
            lambda: _live_page(LessonPage).first(page_id=lesson.pk),
        ),
    ]
    print(f"{args.rounds} calls each, alternating ORM and prepared in blocks of 100, median ms per call")
    print("| query | ORM ms | prepared ms | saved ms | prepared / ORM |")
    print("|---|---|---|---|---|")
    for name, orm, prepared in cases:
        orm(), prepared()  # compile once, warm the connection
        orm_times, prepared_times = [], []
        for _block in range(max(1, args.rounds // 100)):
            orm_times.append(timed(orm, 100))
            prepared_times.append(timed(prepared, 100))
        orm_ms, prepared_ms = statistics.median(orm_times), statistics.median(prepared_times)
        print(
            f"| {name} | {orm_ms:.3f} | {prepared_ms:.3f} | {orm_ms - prepared_ms:.3f} "
            f"| {prepared_ms / orm_ms:.2f} |"
        )


if __name__ == "__main__":
    main()
