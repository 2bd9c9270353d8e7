"""Benchmark: xAPI statement ingest through gunicorn + PostgreSQL.

Run: .venv/bin/python bench/xapi_ingest.py [--singles 4000] [--batches 200] [--reset]
Measures (1) single-statement POSTs at concurrency 8 and (2) batches of 100 statements at
concurrency 4, with deterministic ~1 KB statements, and counts every non-200 answer as an error.
Targets on the 2-core reference machine: >= 300 statements/s for singles with zero errors and
>= 2,000 statements/s for batches. Results go to var/bench/xapi_ingest.json."""

import argparse
import base64
import json
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import requests  # noqa: E402
import xapi_common as common  # noqa: E402

_local = threading.local()


def session(headers):
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
        _local.session.headers.update(headers)
    return _local.session


def run(url, headers, bodies, concurrency):
    latencies = []
    errors = []

    def send(body):
        started = time.perf_counter()
        try:
            response = session(headers).post(url, data=body, timeout=60)
            ok = response.status_code == 200
            detail = f"{response.status_code} {response.text[:200]}"
        except requests.RequestException as error:
            ok, detail = False, str(error)
        latencies.append(time.perf_counter() - started)
        if not ok:
            errors.append(detail)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(send, bodies))
    return time.perf_counter() - started, latencies, errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--singles", type=int, default=4000)
    parser.add_argument("--batches", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--reset", action="store_true", help="drop and recreate the benchmark database")
    args = parser.parse_args()

    common.create_database(reset=args.reset)
    credentials = common.create_key()
    headers = {
        "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
        "X-Experience-API-Version": "2.0.0",
        "Content-Type": "application/json",
    }
    run_id = f"ingest-{int(time.time())}"
    singles = [json.dumps(common.statement(n, run_id)) for n in range(args.singles)]
    batches = [
        json.dumps([common.statement(args.singles + b * 100 + n, run_id) for n in range(100)])
        for b in range(args.batches)
    ]
    results = {"statement_bytes": common.statement_size()}
    with common.Gunicorn(workers=args.workers, threads=args.threads) as server:
        url = server.url + "/xapi/statements"
        # Warm up every worker's connection and code paths; not counted.
        run(url, headers, [json.dumps(common.statement(n, run_id + "-warm")) for n in range(200)], 8)
        elapsed, latencies, errors = run(url, headers, singles, 8)
        results["single_posts"] = {
            "statements": len(singles),
            "concurrency": 8,
            "seconds": round(elapsed, 2),
            "statements_per_second": round(len(singles) / elapsed, 1),
            "p50_ms": round(common.percentile(latencies, 0.5) * 1000, 1),
            "p95_ms": round(common.percentile(latencies, 0.95) * 1000, 1),
            "errors": len(errors),
            "first_errors": errors[:3],
        }
        elapsed, latencies, errors = run(url, headers, batches, 4)
        results["batch_posts"] = {
            "statements": len(batches) * 100,
            "batch_size": 100,
            "concurrency": 4,
            "seconds": round(elapsed, 2),
            "statements_per_second": round(len(batches) * 100 / elapsed, 1),
            "p50_ms_per_batch": round(common.percentile(latencies, 0.5) * 1000, 1),
            "p95_ms_per_batch": round(common.percentile(latencies, 0.95) * 1000, 1),
            "errors": len(errors),
            "first_errors": errors[:3],
        }
    common.write_result("xapi_ingest", results)


if __name__ == "__main__":
    main()
