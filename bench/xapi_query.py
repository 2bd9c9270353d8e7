"""Benchmark: xAPI statement queries through gunicorn + PostgreSQL at a given store size.

Run: .venv/bin/python bench/xapi_query.py --size 100000 [--requests 200] [--reset]
Fills the benchmark database up to ``size`` deterministic ~1 KB statements (through the API, in
batches of 100 at concurrency 4, so filling is itself an ingest run), then times GET /xapi/statements
by agent, verb, activity (object), activity with related_activities, registration, a time window on
``stored``, and agent+verb, each ``requests`` times with varying values, one request at a time.
Target on the 2-core reference machine: p95 <= 50 ms at 1,000,000 statements. Results go to
var/bench/xapi_query_<size>.json."""

import argparse
import base64
import json
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg  # noqa: E402
import requests  # noqa: E402
import xapi_common as common  # noqa: E402


def stored_count():
    with psycopg.connect(common.DATABASE_URL) as connection:
        return connection.execute("SELECT count(*) FROM tracking_statement").fetchone()[0]


def stored_range():
    with psycopg.connect(common.DATABASE_URL) as connection:
        return connection.execute("SELECT min(stored), max(stored) FROM tracking_statement").fetchone()


def fill(url, headers, size):
    have = stored_count()
    if have >= size:
        return have, 0.0
    numbers = range(have, size)
    batches = [list(numbers[start : start + 100]) for start in range(0, len(numbers), 100)]
    sessions = {}

    def send(batch):
        import threading

        session = sessions.setdefault(threading.get_ident(), requests.Session())
        body = json.dumps([common.statement(n) for n in batch])
        for _attempt in range(3):
            response = session.post(url, data=body, headers=headers, timeout=120)
            if response.status_code == 200:
                return
        raise RuntimeError(f"fill failed: {response.status_code} {response.text[:200]}")

    started = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        for done, _result in enumerate(pool.map(send, batches), start=1):
            if done % 500 == 0:
                print(f"  filled {have + done * 100} statements", flush=True)
    return stored_count(), time.perf_counter() - started


def queries(rng, size, window):
    start, end = window
    span = (end - start).total_seconds()

    def existing():
        # Values taken from a stored statement, so every lookup has something to find.
        return common.statement(rng.randrange(size))

    def agent():
        return {"agent": json.dumps(existing()["actor"])}

    def verb():
        return {"verb": rng.choice(common.VERBS)}

    def activity():
        return {"activity": existing()["object"]["id"]}

    def related():
        return {"activity": common.course_iri(rng.randrange(common.COURSES)), "related_activities": "true"}

    def registration():
        return {"registration": existing()["context"]["registration"]}

    def time_window():
        since = start.timestamp() + rng.random() * span * 0.9
        return {
            "since": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(since)) + "Z",
            "until": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(since + 60)) + "Z",
        }

    def agent_verb():
        return {**agent(), **verb()}

    return {
        "agent": agent,
        "verb": verb,
        "activity": activity,
        "activity_related": related,
        "registration": registration,
        "time_window_60s": time_window,
        "agent_and_verb": agent_verb,
    }


def measure(url, headers, make_params, count):
    session = requests.Session()
    session.headers.update(headers)
    latencies = []
    returned = []
    errors = 0
    for _ in range(3):
        session.get(url, params=make_params(), timeout=60)
    for _ in range(count):
        params = make_params()
        started = time.perf_counter()
        response = session.get(url, params=params, timeout=60)
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            errors += 1
            continue
        returned.append(len(response.json()["statements"]))
    return {
        "requests": count,
        "p50_ms": round(common.percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(common.percentile(latencies, 0.95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "mean_statements_returned": round(sum(returned) / max(1, len(returned)), 1),
        "errors": errors,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--reset", action="store_true", help="drop and recreate the benchmark database")
    args = parser.parse_args()

    common.create_database(reset=args.reset)
    credentials = common.create_key()
    headers = {
        "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
        "X-Experience-API-Version": "2.0.0",
        "Content-Type": "application/json",
    }
    results = {"statement_bytes": common.statement_size()}
    with common.Gunicorn() as server:
        url = server.url + "/xapi/statements"
        before = stored_count()
        total, seconds = fill(url, headers, args.size)
        if seconds:
            results["fill"] = {
                "statements_added": total - before,
                "seconds": round(seconds, 1),
                "statements_per_second": round((total - before) / seconds, 1),
            }
        with psycopg.connect(common.DATABASE_URL, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
        results["stored_statements"] = total
        rng = random.Random(42)
        for name, make_params in queries(rng, total, stored_range()).items():
            results[name] = measure(url, headers, make_params, args.requests)
            print(name, results[name], flush=True)
    common.write_result(f"xapi_query_{args.size}", results)


if __name__ == "__main__":
    main()
