"""Benchmark: xAPI statement queries through gunicorn + PostgreSQL at a given store size.

Run: .venv/bin/python bench/xapi_query.py --size 1000000 [--requests 100] [--reset] [--fill sql|api]
Fills the benchmark database up to ``size`` statements (by default with set-based SQL, see
``xapi_fill.py``: five agent and five activity links per statement; ``--fill api`` posts the
``xapi_common`` statements in batches of 100 instead), then times GET /xapi/statements for every
filter (agent, related agents, verb, activity, related activities of a course and of a workshop,
registration, agent+verb, agent+course, none) in every variant: plain, since, until, since+until,
ascending, since+ascending, and the more link (page 2, 3, … of the plain filter), each ``requests``
times with values drawn from stored statements, one request at a time.
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


def samples(count, seed=42):
    """Statements picked at random from the store: every filter value comes from one of them, so
    every lookup has something to find."""
    with psycopg.connect(common.DATABASE_URL) as connection:
        low, high = connection.execute("SELECT min(id), max(id) FROM tracking_statement").fetchone()
        rng = random.Random(seed)
        picked = [rng.randint(low, high) for _ in range(count)]
        rows = connection.execute(
            "SELECT raw FROM tracking_statement WHERE id = ANY(%s)", [picked]
        ).fetchall()
    return [json.loads(raw) for (raw,) in rows]


def filters(rng, pool):
    """One function per filter; each returns query parameters taken from a stored statement."""

    def pick():
        return rng.choice(pool)

    def context_activity(statement, kind):
        return statement["context"]["contextActivities"][kind][0]["id"]

    return {
        "agent": lambda: {"agent": json.dumps(pick()["actor"])},
        "agent_related": lambda: {
            "agent": json.dumps(pick()["context"]["instructor"]),
            "related_agents": "true",
        },
        "verb": lambda: {"verb": rng.choice(common.VERBS)},
        "activity": lambda: {"activity": pick()["object"]["id"]},
        "activity_related_course": lambda: {
            "activity": context_activity(pick(), "grouping"),
            "related_activities": "true",
        },
        "activity_related_workshop": lambda: {
            "activity": context_activity(pick(), "other"),
            "related_activities": "true",
        },
        "registration": lambda: {"registration": pick()["context"]["registration"]},
        "agent_and_verb": lambda: {"agent": json.dumps(pick()["actor"]), "verb": rng.choice(common.VERBS)},
        "agent_and_course": lambda: (
            lambda statement: {
                "agent": json.dumps(statement["actor"]),
                "activity": context_activity(statement, "grouping"),
                "related_activities": "true",
            }
        )(pick()),
        "none": lambda: {},
    }


def windows(rng, window):
    """since / until / both / ascending variants applied on top of a filter."""
    start, end = window
    span = (end - start).total_seconds()

    def moment(fraction):
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(start.timestamp() + fraction * span)) + "Z"

    return {
        "": lambda: {},
        "since": lambda: {"since": moment(rng.random() * 0.95)},
        "until": lambda: {"until": moment(0.05 + rng.random() * 0.95)},
        "since_until": lambda: (lambda at: {"since": moment(at), "until": moment(at + 0.1)})(
            rng.random() * 0.9
        ),
        "ascending": lambda: {"ascending": "true"},
        "since_ascending": lambda: {"since": moment(rng.random() * 0.95), "ascending": "true"},
    }


def measure(base_url, headers, make_params, count, follow_more=False):
    """Time ``count`` GETs; with ``follow_more`` the first page is fetched untimed and its more link
    (page 2, then page 3, …) is what is timed."""
    session = requests.Session()
    session.headers.update(headers)
    url = base_url + "/xapi/statements"
    latencies = []
    returned = []
    errors = 0
    repeated = 0
    for _ in range(3):
        session.get(url, params=make_params(), timeout=60)
    more = ""
    for _ in range(count):
        if follow_more:
            if not more:
                first = session.get(url, params=make_params(), timeout=60)
                more = first.json().get("more", "") if first.status_code == 200 else ""
                if not more:
                    continue
            started = time.perf_counter()
            response = session.get(base_url + more, timeout=60)
        else:
            started = time.perf_counter()
            response = session.get(url, params=make_params(), timeout=60)
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            errors += 1
            more = ""
            continue
        data = response.json()
        ids = [statement["id"] for statement in data["statements"]]
        repeated += len(ids) - len(set(ids))
        returned.append(len(ids))
        more = data.get("more", "") if follow_more else ""
    if not latencies:
        return {"requests": 0}
    return {
        "requests": len(latencies),
        "p50_ms": round(common.percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(common.percentile(latencies, 0.95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "mean_statements_returned": round(sum(returned) / max(1, len(returned)), 1),
        "repeated_statements": repeated,
        "errors": errors,
    }


def measure_in_process(make_params, count, follow_more=False):
    """The same filters through ``tracking.query`` directly (no HTTP, no rendering): the database
    and ORM part of a request, to tell it apart from serving 100 statements of JSON."""
    from tracking.models import LRSKey
    from tracking.query import parse_filters, statement_page

    organisation_id = LRSKey.objects.filter(name="bench").order_by("id").first().organisation_id
    latencies = []
    for _ in range(count):
        filters = parse_filters(make_params())
        cursor = None
        if follow_more:
            _rows, cursor = statement_page(organisation_id, filters)
            if cursor is None:
                continue
        started = time.perf_counter()
        statement_page(organisation_id, filters, cursor)
        latencies.append(time.perf_counter() - started)
    if not latencies:
        return {"requests": 0}
    return {
        "requests": len(latencies),
        "p50_ms": round(common.percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(common.percentile(latencies, 0.95) * 1000, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per filter and variant")
    parser.add_argument("--reset", action="store_true", help="drop and recreate the benchmark database")
    parser.add_argument(
        "--fill",
        choices=["sql", "api"],
        default="sql",
        help="sql: set-based INSERT … SELECT generate_series (minutes); api: POST batches (hours at 1M)",
    )
    parser.add_argument("--only", help="comma-separated filter names to run (default: all)")
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="time tracking.query.statement_page directly instead of HTTP requests (needs a filled store)",
    )
    args = parser.parse_args()

    common.create_database(reset=args.reset)
    with psycopg.connect(common.DATABASE_URL) as connection:
        has_key = connection.execute("SELECT 1 FROM tracking_lrskey WHERE name = 'bench'").fetchone()
    if args.reset or not has_key or not common.KEY_FILE.exists():
        common.KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        common.KEY_FILE.write_text(common.create_key())
    credentials = common.KEY_FILE.read_text().strip()
    headers = {
        "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
        "X-Experience-API-Version": "2.0.0",
        "Content-Type": "application/json",
    }
    if args.in_process:
        common.setup_django()
        rng = random.Random(42)
        pool = samples(2000)
        results = {}
        variants = windows(rng, stored_range())
        for name, make_filter in filters(rng, pool).items():
            for variant, make_window in list(variants.items()) + [("more", None)]:
                label = f"{name}+{variant}" if variant else name
                if variant == "more":
                    make_params = make_filter
                else:

                    def make_params(make_filter=make_filter, make_window=make_window):
                        return {**make_filter(), **make_window()}

                results[label] = measure_in_process(make_params, args.requests, follow_more=variant == "more")
                print(label, results[label], flush=True)
        common.write_result(f"xapi_query_in_process_{stored_count()}", results)
        return
    results = {"statement_bytes": common.statement_size()}
    with common.Gunicorn() as server:
        url = server.url + "/xapi/statements"
        before = stored_count()
        if args.fill == "sql":
            import xapi_fill

            total, seconds = xapi_fill.fill_sql(args.size)
        else:
            total, seconds = fill(url, headers, args.size)
        if seconds:
            results["fill"] = {
                "method": args.fill,
                "statements_added": total - before,
                "seconds": round(seconds, 1),
                "statements_per_second": round((total - before) / seconds, 1),
            }
            with psycopg.connect(common.DATABASE_URL, autocommit=True) as connection:
                connection.execute("VACUUM ANALYZE")
        with psycopg.connect(common.DATABASE_URL) as connection:
            results["links_per_statement"] = {
                table: round(
                    connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] / max(1, total), 2
                )
                for table in ("tracking_statementagent", "tracking_statementactivity")
            }
        results["stored_statements"] = total
        rng = random.Random(42)
        pool = samples(2000)
        wanted = set(args.only.split(",")) if args.only else None
        variants = windows(rng, stored_range())
        for name, make_filter in filters(rng, pool).items():
            if wanted and name not in wanted:
                continue
            for variant, make_window in list(variants.items()) + [("more", None)]:
                label = f"{name}+{variant}" if variant else name
                if variant == "more":
                    make_params = make_filter
                else:

                    def make_params(make_filter=make_filter, make_window=make_window):
                        return {**make_filter(), **make_window()}

                results[label] = measure(
                    server.url, headers, make_params, args.requests, follow_more=variant == "more"
                )
                print(label, results[label], flush=True)
    common.write_result(f"xapi_query_{args.size}", results)


if __name__ == "__main__":
    main()
