"""Benchmark: live role-play sessions polled once a second by every participant, gunicorn + PostgreSQL.

    .venv/bin/python bench/scenarios_live.py [--participants 40] [--sessions 1 5] [--seconds 20] [--reset]

Uses its own PostgreSQL database (default postgres://postgres@127.0.0.1:5432/wt_scenarios, override
with SCENARIOS_BENCH_DATABASE_URL), which it creates, migrates and fills with the site shell and the
demo role-plays, and, as production does, a Redis cache shared by the gunicorn workers (default
redis://127.0.0.1:6379/7, SCENARIOS_BENCH_CACHE_URL; flushed at the start). For each run it starts
the given number of live sessions of the demo "first day" scenario with ``--participants``
logged-in participants each; every participant polls the session's state endpoint once a second
(each at its own offset within the second) with the ETag of its last answer, as the phones do.
Every 5 seconds the trainer changes each session's state (pause and resume for a discussion), so
the answers are a realistic mix of 304 (nothing changed, answered from the cache) and 200 (the new
state). Prints p50/p95/p99 latency of all polls and of each kind, the 304 share, and a calibration
loop that shows how fast the shared machine was."""

import argparse
import http.client
import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import create_database as harness_create_database  # noqa: E402
from bench.harness import server_environment  # noqa: E402
from bench.pages import calibration, free_port  # noqa: E402

DATABASE_URL = os.environ.get(
    "SCENARIOS_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_scenarios"
)
CACHE_URL = os.environ.get("SCENARIOS_BENCH_CACHE_URL", "redis://127.0.0.1:6379/7")
CHANGE_EVERY_SECONDS = 5


def environment():
    return server_environment(DATABASE_URL, cache_url=CACHE_URL)


def create_database(reset):
    harness_create_database(DATABASE_URL, environment(), reset=reset)


def setup_django():
    os.environ.update(environment())
    import django

    django.setup()
    import redis

    redis.Redis.from_url(CACHE_URL).flushdb()
    from scenarios import demo as scenario_demo
    from website import demo

    demo.load()
    scenario_demo.load()


def make_sessions(count, participants, run):
    """``count`` started sessions with ``participants`` each; returns the trainer, the sessions and
    per participant (cookie, poll path)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model

    from accounts.services import add_member, default_organisation
    from scenarios import polling, services
    from scenarios.models import ScenarioPage

    store = import_module(settings.SESSION_ENGINE).SessionStore
    User = get_user_model()
    trainer, _ = User.objects.get_or_create(email="bench-trainer@example.org")
    add_member(trainer, default_organisation(), "trainer")
    page = ScenarioPage.objects.get(slug="first-day", locale__language_code="en")
    page.max_participants = max(page.max_participants, participants)
    page.save(update_fields=["max_participants"])
    sessions, pollers = [], []
    for number in range(count):
        session = services.start_session(trainer, page)
        roles = [role.key for role in page.scenario().roles]
        for index in range(participants):
            user, _ = User.objects.get_or_create(email=f"bench-{run}-{number}-{index}@example.org")
            participant, _ = services.join(user, session.code, roles[index % len(roles)])
            login = store()
            login[SESSION_KEY] = str(user.pk)
            login[BACKEND_SESSION_KEY] = "accounts.backends.AccountBackend"
            login[HASH_SESSION_KEY] = user.get_session_auth_hash()
            login.create()
            token = polling.viewer_token(session.pk, f"p{participant.pk}")
            pollers.append(
                (f"sessionid={login.session_key}", f"/en/scenarios/live/{session.pk}/state/?t={token}")
            )
        services.trainer_action(session, trainer, "start", step=0)
        sessions.append(session)
    return trainer, sessions, pollers


def start_gunicorn(port, workers):
    import subprocess

    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "website.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment(),
        start_new_session=True,
    )
    deadline = time.time() + 120  # a busy shared machine boots workers slowly
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


def poll(port, cookie, path, etag):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie, "Host": "localhost", "Accept": "application/json"}
    if etag:
        headers["If-None-Match"] = etag
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    new_etag = response.getheader("ETag") or etag
    connection.close()
    return response.status, elapsed, new_etag


def _group(port, pollers, start, seconds, results):
    """Participants of one process: each polls once a second at its own offset in the second."""
    count = len(pollers)
    etags = [None] * count
    samples = []
    schedule = sorted(
        (start + second + (index / count), index) for second in range(int(seconds)) for index in range(count)
    )
    for due, index in schedule:
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        status, elapsed, etags[index] = poll(port, pollers[index][0], pollers[index][1], etags[index])
        samples.append((status, elapsed))
    results.put(samples)


def run_load(port, pollers, seconds, per_process, trainer, sessions):
    from django.db import connections

    from scenarios import services

    connections.close_all()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start = time.perf_counter() + 1.0
    groups = [pollers[n : n + per_process] for n in range(0, len(pollers), per_process)]
    # Spread each process's participants across the second, interleaved with the other processes.
    processes = [
        context.Process(
            target=_group, args=(port, group, start + n / (len(groups) * len(group)), seconds, results)
        )
        for n, group in enumerate(groups)
    ]
    for process in processes:
        process.start()
    paused = False
    next_change = start + CHANGE_EVERY_SECONDS
    while time.perf_counter() < start + seconds:
        if time.perf_counter() >= next_change:
            paused = not paused
            for session in sessions:
                services.trainer_action(session, trainer, "pause" if paused else "resume")
            next_change += CHANGE_EVERY_SECONDS
        time.sleep(0.05)
    samples = []
    for _process in processes:
        samples.extend(results.get())
    for process in processes:
        process.join()
    return samples


def percentile(ordered, p):
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000, 1)


def summarise(name, samples):
    every = sorted(elapsed for _status, elapsed in samples)
    not_modified = sorted(elapsed for status, elapsed in samples if status == 304)
    fresh = sorted(elapsed for status, elapsed in samples if status == 200)
    errors = sum(1 for status, _elapsed in samples if status not in (200, 304))
    return {
        "run": name,
        "polls": len(samples),
        "errors": errors,
        "share_304": f"{100 * len(not_modified) / max(1, len(samples)):.1f} %",
        "p50": percentile(every, 50),
        "p95": percentile(every, 95),
        "p99": percentile(every, 99),
        "p95_304": percentile(not_modified, 95),
        "p95_200": percentile(fresh, 95),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 5])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--per-process", type=int, default=20, help="participants simulated per client process"
    )
    parser.add_argument("--reset", action="store_true")
    args = parser.parse_args()

    create_database(args.reset)
    setup_django()
    port = free_port()
    server = start_gunicorn(port, args.workers)
    rows = []
    try:
        for run, count in enumerate(args.sessions):
            trainer, sessions, pollers = make_sessions(count, args.participants, f"{int(time.time())}-{run}")
            warm = [pollers[n] for n in range(0, len(pollers), max(1, len(pollers) // 12))]
            run_load(port, warm, 2, args.per_process, trainer, [])
            loop_before = calibration()
            samples = run_load(port, pollers, args.seconds, args.per_process, trainer, sessions)
            row = summarise(f"{count} session(s) × {args.participants} participants", samples)
            row["loop"] = f"{loop_before} / {calibration()}"
            rows.append(row)
    finally:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print(
        f"{args.seconds:.0f} s per run, one poll per participant per second, state change every "
        f"{CHANGE_EVERY_SECONDS} s, gunicorn {args.workers} workers, {os.cpu_count()} CPUs, "
        "PostgreSQL + Redis, "
        f"load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(
        "| run | polls | errors | 304 share | p50 ms | p95 ms | p99 ms | p95 of 304s | p95 of 200s | loop s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['run']} | {row['polls']} | {row['errors']} | {row['share_304']} | {row['p50']} "
            f"| {row['p95']} | {row['p99']} | {row['p95_304']} | {row['p95_200']} | {row['loop']} |"
        )


if __name__ == "__main__":
    main()
