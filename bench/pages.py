"""Benchmark: course page and lesson page of a 60-lesson course, gunicorn + PostgreSQL.

    .venv/bin/python bench/pages.py [--clients 20] [--seconds 20] [--workers 3] [--threads 1] [--reset]

Uses its own PostgreSQL database (default postgres://postgres@127.0.0.1:5432/pages_bench, override
with PAGES_BENCH_DATABASE_URL), which it creates, migrates and fills, and, as production does, a
Redis cache shared by the workers (default redis://127.0.0.1:6379/3, PAGES_BENCH_CACHE_URL; flushed
at the start). The data: the site shell, a course of 6 modules x 10 lessons (text, callouts, a
checklist, a quiz every fifth lesson) and one enrolled learner per client, each with a logged-in
session and a third of the course done. gunicorn serves
the site with DEBUG off. Each client is a process with its own learner that requests pages back to
back (a closed loop, no think time). As many other learners first warm the workers up (a running
site is warm). Then three runs: every learner opens each of the 60 lessons once (first visits
write a `launched` statement and, for lessons not done yet, a progress row), then the course page and the
lessons again (return visits, reads only) for a fixed time each. Prints p50/p95/p99 latency,
requests per second, CPU per request and how fast the machine was (``calibration``)."""

import argparse
import http.client
import json
import multiprocessing
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from harness import ROOT, server_environment
from harness import create_database as harness_create_database

DATABASE_URL = os.environ.get("PAGES_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pages_bench")
# As in production: a Redis cache shared by the gunicorn workers (routes, outline, sessions).
CACHE_URL = os.environ.get("PAGES_BENCH_CACHE_URL", "redis://127.0.0.1:6379/3")
COURSE_SLUG = "bench-course"
MODULES, LESSONS_PER_MODULE = 6, 10


def environment():
    return server_environment(DATABASE_URL, cache_url=CACHE_URL)


def create_database(reset):
    harness_create_database(DATABASE_URL, environment(), reset=reset)


def flush_cache():
    """Start from an empty cache so that every run measures the same thing."""
    import redis

    redis.Redis.from_url(CACHE_URL).flushdb()


def lesson_body(number):
    body = [
        {
            "type": "text",
            "id": f"text-{number}",
            "value": "<p>" + "Practical guidance for employers. " * 40 + "</p>",
        },
        {
            "type": "callout",
            "id": f"tip-{number}",
            "value": {"kind": "tip", "title": "Tip", "text": "<p>Check the permit before the contract.</p>"},
        },
        {
            "type": "checklist",
            "id": f"list-{number}",
            "value": {
                "title": "Checklist",
                "items": [
                    {"type": "item", "id": f"list-{number}-{n}", "value": f"Step {n}"} for n in range(5)
                ],
            },
        },
    ]
    if number % 5 == 0:
        from courses.tests.factories import quiz_block

        body.append(quiz_block(block_id=f"quiz-{number}"))
    return body


def fill(clients):
    """Create the course and ``clients`` enrolled learners with sessions; return (cookies, urls)."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(environment())
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction

    from courses import services
    from courses.models import CoursePage, LessonPage, LessonProgress, ModulePage
    from courses.tests.factories import make_catalogue
    from website import demo

    demo.load()
    with transaction.atomic():
        catalogue = make_catalogue()
        course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
        if course is None:
            course = CoursePage(title="Benchmark course", slug=COURSE_SLUG, summary="Sixty lessons.")
            catalogue.add_child(instance=course)
            course.save_revision().publish()
            number = 0
            for m in range(MODULES):
                module = ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}", summary="A module")
                course.add_child(instance=module)
                module.save_revision().publish()
                for _n in range(LESSONS_PER_MODULE):
                    number += 1
                    lesson = LessonPage(
                        title=f"Lesson {number}",
                        slug=f"lesson-{number}",
                        summary="A lesson",
                        body=json.dumps(lesson_body(number)),
                    )
                    module.add_child(instance=lesson)
                    lesson.save_revision().publish()
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    User = get_user_model()
    cookies = []
    for index in range(clients):
        user, created = User.objects.get_or_create(email=f"bench-learner-{index}@example.org")
        if created:
            user.set_password("Bench-Learner-2026")
            user.save()
        services.enrol(user, course)
        for lesson in lessons[: len(lessons) // 3]:
            if lesson.is_reading_only:
                services.mark_lesson_done(user, lesson)
        # As if the learner had not opened a lesson for a while (earlier runs opened them all): the
        # lessons not done yet have no progress row, the done ones were last opened long ago, so
        # every first visit of the next run writes.
        LessonProgress.objects.filter(enrolment__user=user, completed_at__isnull=True).delete()
        LessonProgress.objects.filter(enrolment__user=user).update(last_launched_at=None)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        # The account backend: django-axes' backend comes first and keeps no sessions.
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"sessionid={session.session_key}")
    return cookies, course.url, [lesson.url for lesson in lessons]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port, workers, threads=1):
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "website.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            *(["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment(),
        start_new_session=True,
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def get(port, path, cookie):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie, "Host": "localhost"})
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, elapsed


def _client(port, cookie, paths, first, stop, results):
    """One client: its own process, so that no client waits for another's turn at the GIL."""
    latencies, failed = [], []
    step = first
    while (time.perf_counter() < stop) if stop else (step - first < len(paths)):
        status, elapsed = get(port, paths[step % len(paths)], cookie)
        step += 1
        (latencies if status == 200 else failed).append(elapsed if status == 200 else status)
    results.put((latencies, failed, resource.getrusage(resource.RUSAGE_SELF).ru_utime))


def load(port, cookies, paths, seconds=None):
    """Closed loop: each client requests the next path as soon as the previous answer arrives.

    With ``seconds`` the clients loop until time is up; without, each walks ``paths`` once. Each
    client is a process of its own (forked, so it starts at once). Returns the latencies, the
    failed statuses, the wall time and the CPU seconds the clients used."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    stop = time.perf_counter() + seconds if seconds else None
    processes = [
        context.Process(target=_client, args=(port, cookie, paths, index, stop, results))
        for index, cookie in enumerate(cookies)
    ]
    started = time.perf_counter()
    for process in processes:
        process.start()
    latencies, errors, client_cpu = [], [], 0.0
    for _process in processes:
        mine, failed, cpu = results.get()
        latencies.extend(mine)
        errors.extend(failed)
        client_cpu += cpu
    wall = time.perf_counter() - started
    for process in processes:
        process.join()
    return latencies, errors, wall, client_cpu


def cpu_seconds(pids):
    """User + system CPU seconds the processes have used so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def server_pids(master_pid):
    """The gunicorn workers and the PostgreSQL backends serving the benchmark database."""
    import psycopg

    workers = [int(pid) for pid in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()]
    base, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(base + "/postgres") as connection:
        backends = [
            row[0]
            for row in connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [name]
            )
        ]
    return workers, backends


def calibration():
    """Seconds a fixed pure-Python loop takes now. This VM's CPU speed changes by half within
    minutes; the figure, printed next to every run, says how fast the machine was while it ran."""
    started = time.perf_counter()
    total = 0
    for number in range(3_000_000):
        total += number * number
    return round(time.perf_counter() - started, 2)


def summarise(name, latencies, errors, wall, cpu=None):
    ordered = sorted(latencies)

    def percentile(p):
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    return {
        "page": name,
        "requests": len(ordered),
        "errors": len(errors),
        "p50_ms": round(percentile(50), 1),
        "p95_ms": round(percentile(95), 1),
        "p99_ms": round(percentile(99), 1),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 1) if ordered else None,
        "req_per_s": round(len(ordered) / wall, 1),
        # CPU the app and the database spent per request: independent of other load on the machine.
        "cpu_ms": round(cpu / len(ordered) * 1000, 1) if cpu is not None and ordered else None,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (README: cores + 1)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread above 1)")
    parser.add_argument("--reset", action="store_true", help="drop and recreate the benchmark database")
    args = parser.parse_args()

    create_database(args.reset)
    flush_cache()
    # Twice as many learners: the second half warms the workers up first, as a running site is warm.
    cookies, course_url, lesson_urls = fill(2 * args.clients)
    cookies, warm_up = cookies[: args.clients], cookies[args.clients :]
    port = free_port()
    server = start_gunicorn(port, args.workers, args.threads)
    try:
        load(port, warm_up, lesson_urls)
        load(port, warm_up, [course_url], 2)
        results = []
        runs = [
            # Every learner opens each of the 60 lessons once: first visits write `launched`.
            ("lesson page, first visit", lesson_urls, None),
            ("course page", [course_url], args.seconds),
            ("lesson page, return visit", lesson_urls, args.seconds),
        ]
        for name, paths, seconds in runs:
            workers, backends = server_pids(server.pid)
            pids = workers + backends
            loop_before = calibration()
            cpu_before = cpu_seconds(pids)
            database_before = cpu_seconds(backends)
            latencies, errors, wall, client_cpu = load(port, cookies, paths, seconds)
            cpu = cpu_seconds(pids) - cpu_before
            row = summarise(name, latencies, errors, wall, cpu)
            row["loop_s"] = f"{loop_before} / {calibration()}"
            row["database_cpu_ms"] = round(
                (cpu_seconds(backends) - database_before) / max(1, row["requests"]) * 1000, 1
            )
            row["client_cpu_ms"] = round(client_cpu / max(1, row["requests"]) * 1000, 1)
            results.append(row)
    finally:
        os.kill(server.pid, signal.SIGTERM)  # the master stops its workers gracefully
        server.wait(timeout=30)
    print(
        f"{args.clients} clients, {args.seconds:.0f} s per page, gunicorn {args.workers} workers "
        f"x {args.threads} threads, "
        f"{os.cpu_count()} CPUs, PostgreSQL, load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(
        "| page | requests | errors | p50 ms | p95 ms | p99 ms | req/s "
        "| server CPU ms/req | of which PostgreSQL | client CPU ms/req | loop s before / after |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in results:
        print(
            f"| {row['page']} | {row['requests']} | {row['errors']} | {row['p50_ms']} | {row['p95_ms']} "
            f"| {row['p99_ms']} | {row['req_per_s']} | {row['cpu_ms']} | {row['database_cpu_ms']} "
            f"| {row['client_cpu_ms']} | {row['loop_s']} |"
        )
    print("loop s: a fixed Python loop timed before and after each run in this interpreter; lower is faster")


if __name__ == "__main__":
    main()
