"""Fill the benchmark store with set-based SQL (``INSERT … SELECT … generate_series``).

Sending 1,000,000 statements through the API takes hours on the shared 2-core machine; this writes
the same rows the API writes (statement, agent links, activity links) in a few minutes. Hashes are
the ones ``tracking.store`` computes: they are worked out in Python for the finite sets of learners,
trainers, mentors, verbs and activities, loaded into temporary lookup tables, and every statement
picks its members from them with a cheap integer mix of its number.

Each statement carries five agent links (actor direct and related, instructor, a contextAgent
mentor, the authority) and five activity links (the lesson as object, its module as parent, the
course as grouping, the profile as category, a workshop as other), about 1.4 KB of JSON. The
non-unique indexes are dropped during the load and rebuilt afterwards with their own definitions.
"""

import json
import time
import uuid

import psycopg
import xapi_common as common

LEARNERS = common.LEARNERS
COURSES = common.COURSES
LESSONS = common.LESSONS_PER_COURSE
MODULES_PER_COURSE = 5
WORKSHOPS_PER_COURSE = 10
TRAINERS = 100
MENTORS = 500
PROFILE = "https://w3id.org/xapi/comein/profile"
CHUNK = 100_000
TABLES = ("tracking_statement", "tracking_statementagent", "tracking_statementactivity")


def _hashes():
    common.setup_django()
    from tracking.store import activity_hash, agent_hash, verb_hash

    return activity_hash, agent_hash, verb_hash


def person(kind, index):
    return {
        "objectType": "Agent",
        "name": f"{kind.title()} {index}",
        "account": {"homePage": common.SITE, "name": str(uuid.uuid5(common.NAMESPACE, f"{kind}{index}"))},
    }


def module_iri(course, module):
    return f"{common.SITE}/xapi/activities/module/{uuid.uuid5(common.NAMESPACE, f'c{course}m{module}')}"


def workshop_iri(course, workshop):
    return f"{common.SITE}/xapi/activities/workshop/{uuid.uuid5(common.NAMESPACE, f'c{course}w{workshop}')}"


def lookups(authority):
    activity_hash, agent_hash, verb_hash = _hashes()
    agents = []
    for kind, count in (("learner", LEARNERS), ("trainer", TRAINERS), ("mentor", MENTORS)):
        for index in range(count):
            agent = person(kind, index)
            agents.append(
                (
                    kind,
                    index,
                    json.dumps(agent),
                    agent_hash(agent, direct=True),
                    agent_hash(agent, direct=False),
                )
            )
    activities = [("profile", 0, PROFILE, activity_hash(PROFILE))]
    for course in range(COURSES):
        iri = common.course_iri(course)
        activities.append(("course", course, iri, activity_hash(iri)))
        for lesson in range(LESSONS):
            iri = common.lesson_iri(course, lesson)
            activities.append(("lesson", course * LESSONS + lesson, iri, activity_hash(iri)))
        for module in range(MODULES_PER_COURSE):
            iri = module_iri(course, module)
            activities.append(("module", course * MODULES_PER_COURSE + module, iri, activity_hash(iri)))
        for workshop in range(WORKSHOPS_PER_COURSE):
            iri = workshop_iri(course, workshop)
            activities.append(("workshop", course * WORKSHOPS_PER_COURSE + workshop, iri, activity_hash(iri)))
    verbs = [(index, iri, verb_hash(iri)) for index, iri in enumerate(common.VERBS)]
    authority_hash = agent_hash(authority, direct=False)
    return agents, activities, verbs, authority_hash


# mix(n, salt): a cheap, well-spread integer from the statement number (Knuth's multiplicative hash).
MIX = "((({n} + {salt} * 7919)::bigint * 2654435761) %% 4294967296)"


def mix(salt, n="g.n"):
    return MIX.format(n=n, salt=salt)


STATEMENT_SQL = f"""
INSERT INTO tracking_statement (
    id, statement_id, organisation_id, user_id, actor_hash, verb_id, verb_hash, object_type, object_id,
    object_hash, object_statement_id, registration, "timestamp", stored, version, voided,
    has_attachments, raw
)
SELECT
    %(base)s::bigint + g.n, md5('stmt-' || (%(base)s::bigint + g.n))::uuid, %(organisation)s::bigint,
    NULL, learner.dhash, verb.iri, verb.hash,
    'Activity', lesson.iri, lesson.hash, NULL, md5('r' || g.learner || '-' || g.course)::uuid,
    g.at, g.at, '2.0.0', false, false,
    json_build_object(
        'id', md5('stmt-' || (%(base)s::bigint + g.n))::uuid,
        'actor', learner.agent::json,
        'verb', json_build_object('id', verb.iri, 'display', json_build_object('en-US', verb.word)),
        'object', json_build_object(
            'objectType', 'Activity', 'id', lesson.iri,
            'definition', json_build_object(
                'name', json_build_object(
                    'en', 'Lesson ' || g.lesson || ' of course ' || g.course,
                    'de', 'Lektion ' || g.lesson || ' von Kurs ' || g.course),
                'description', json_build_object(
                    'en', 'Intercultural onboarding: what a new colleague needs in week one.'),
                'type', 'http://adlnet.gov/expapi/activities/lesson')),
        'result', json_build_object(
            'score', json_build_object('scaled', (g.n %% 101) / 100.0, 'raw', g.n %% 11, 'min', 0, 'max', 10),
            'success', g.n %% 10 > 2, 'completion', true, 'duration', 'PT' || (1 + g.n %% 3600) || 'S'),
        'context', json_build_object(
            'registration', md5('r' || g.learner || '-' || g.course)::uuid,
            'instructor', trainer.agent::json,
            'contextAgents', json_build_array(json_build_object(
                'objectType', 'contextAgent', 'agent', mentor.agent::json,
                'relevantTypes', json_build_array('https://w3id.org/xapi/comein/roles/mentor'))),
            'platform', 'COME IN Academy',
            'language', (ARRAY['en', 'de', 'nl', 'ar'])[1 + g.n %% 4],
            'contextActivities', json_build_object(
                'parent', json_build_array(json_build_object('objectType', 'Activity', 'id', module.iri)),
                'grouping', json_build_array(json_build_object('objectType', 'Activity', 'id', course.iri)),
                'category', json_build_array(
                    json_build_object('objectType', 'Activity', 'id', %(profile)s::text)),
                'other', json_build_array(json_build_object('objectType', 'Activity', 'id', workshop.iri))),
            'extensions', json_build_object('https://w3id.org/xapi/comein/extensions/session', g.n)),
        'timestamp', to_char(g.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'stored', to_char(g.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'authority', %(authority)s::text::json,
        'version', '2.0.0'
    )::text
FROM (
    SELECT n,
        {mix(1, "n")} %% {LEARNERS} AS learner,
        {mix(2, "n")} %% {COURSES} AS course,
        {mix(3, "n")} %% {LESSONS} AS lesson,
        {mix(4, "n")} %% {len(common.VERBS)} AS verb,
        {mix(5, "n")} %% {TRAINERS} AS trainer,
        {mix(6, "n")} %% {MENTORS} AS mentor,
        {mix(7, "n")} %% {WORKSHOPS_PER_COURSE} AS workshop,
        %(start)s::timestamptz + n * interval '7 seconds' + (n %% 1000) * interval '1 microsecond' AS at
    FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS n
) AS g
JOIN bench_agent learner ON learner.kind = 'learner' AND learner.i = g.learner
JOIN bench_agent trainer ON trainer.kind = 'trainer' AND trainer.i = g.trainer
JOIN bench_agent mentor ON mentor.kind = 'mentor' AND mentor.i = g.mentor
JOIN bench_verb verb ON verb.i = g.verb
JOIN bench_activity lesson ON lesson.kind = 'lesson' AND lesson.i = g.course * {LESSONS} + g.lesson
JOIN bench_activity module
    ON module.kind = 'module' AND module.i = g.course * {MODULES_PER_COURSE} + g.lesson / {MODULES_PER_COURSE}
JOIN bench_activity course ON course.kind = 'course' AND course.i = g.course
JOIN bench_activity workshop
    ON workshop.kind = 'workshop' AND workshop.i = g.course * {WORKSHOPS_PER_COURSE} + g.workshop
"""

LINK_SQL = f"""
WITH g AS (
    SELECT s.id, s.stored, s.id - %(base)s::bigint AS n
    FROM tracking_statement s
    WHERE s.id BETWEEN %(base)s::bigint + %(first)s::bigint AND %(base)s::bigint + %(last)s::bigint
), picks AS (
    SELECT g.id, g.stored,
        {mix(1)} %% {LEARNERS} AS learner,
        {mix(2)} %% {COURSES} AS course,
        {mix(3)} %% {LESSONS} AS lesson,
        {mix(5)} %% {TRAINERS} AS trainer,
        {mix(6)} %% {MENTORS} AS mentor,
        {mix(7)} %% {WORKSHOPS_PER_COURSE} AS workshop
    FROM g
), agents AS (
    INSERT INTO tracking_statementagent (statement_id, organisation_id, agent_hash, stored)
    SELECT p.id, %(organisation)s::bigint, a.hash, p.stored
    FROM picks p
    CROSS JOIN LATERAL (
        SELECT learner.dhash FROM bench_agent learner WHERE learner.kind = 'learner' AND learner.i = p.learner
        UNION ALL
        SELECT learner.rhash FROM bench_agent learner WHERE learner.kind = 'learner' AND learner.i = p.learner
        UNION ALL
        SELECT trainer.rhash FROM bench_agent trainer WHERE trainer.kind = 'trainer' AND trainer.i = p.trainer
        UNION ALL
        SELECT mentor.rhash FROM bench_agent mentor WHERE mentor.kind = 'mentor' AND mentor.i = p.mentor
        UNION ALL
        SELECT %(authority_hash)s::text
    ) AS a(hash)
    RETURNING 1
)
INSERT INTO tracking_statementactivity (statement_id, organisation_id, activity_hash, stored)
SELECT p.id, %(organisation)s::bigint, a.hash, p.stored
FROM picks p
CROSS JOIN LATERAL (
    SELECT hash FROM bench_activity WHERE kind = 'lesson' AND i = p.course * {LESSONS} + p.lesson
    UNION ALL
    SELECT hash FROM bench_activity
    WHERE kind = 'module' AND i = p.course * {MODULES_PER_COURSE} + p.lesson / {MODULES_PER_COURSE}
    UNION ALL
    SELECT hash FROM bench_activity WHERE kind = 'course' AND i = p.course
    UNION ALL
    SELECT hash FROM bench_activity WHERE kind = 'profile'
    UNION ALL
    SELECT hash FROM bench_activity
    WHERE kind = 'workshop' AND i = p.course * {WORKSHOPS_PER_COURSE} + p.workshop
) AS a(hash)
"""


def authority_of(connection):
    """The authority the API would stamp: the benchmark's LRS key."""
    from django.conf import settings

    name, key = connection.execute(
        "SELECT name, key FROM tracking_lrskey WHERE name = 'bench' ORDER BY id LIMIT 1"
    ).fetchone()
    return {
        "objectType": "Agent",
        "name": name,
        "account": {"homePage": settings.SITE_URL, "name": f"lrs-key:{key}"},
    }


def fill_sql(size):
    """Add statements up to ``size`` with set-based SQL; returns (stored count, seconds)."""
    started = time.perf_counter()
    with psycopg.connect(common.DATABASE_URL, autocommit=True) as connection:
        have = connection.execute("SELECT count(*) FROM tracking_statement").fetchone()[0]
        if have >= size:
            return have, 0.0
        common.setup_django()
        organisation = connection.execute(
            "SELECT organisation_id FROM tracking_lrskey WHERE name = 'bench' ORDER BY id LIMIT 1"
        ).fetchone()[0]
        authority = authority_of(connection)
        agents, activities, verbs, authority_hash = lookups(authority)
        connection.execute("DROP TABLE IF EXISTS bench_agent, bench_activity, bench_verb")
        connection.execute(
            "CREATE UNLOGGED TABLE bench_agent (kind text, i int, agent text, dhash text, rhash text)"
        )
        connection.execute("CREATE UNLOGGED TABLE bench_activity (kind text, i int, iri text, hash text)")
        connection.execute("CREATE UNLOGGED TABLE bench_verb (i int, iri text, word text, hash text)")
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO bench_agent VALUES (%s, %s, %s, %s, %s)", agents)
            cursor.executemany("INSERT INTO bench_activity VALUES (%s, %s, %s, %s)", activities)
            cursor.executemany(
                "INSERT INTO bench_verb VALUES (%s, %s, %s, %s)",
                [(index, iri, iri.rsplit("/", 1)[-1], hashed) for index, iri, hashed in verbs],
            )
        connection.execute("CREATE INDEX ON bench_agent (kind, i)")
        connection.execute("CREATE INDEX ON bench_activity (kind, i)")
        connection.execute("ANALYZE bench_agent, bench_activity, bench_verb")
        indexes = connection.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
            "AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
            [list(TABLES)],
        ).fetchall()
        for name, _definition in indexes:
            connection.execute(f'DROP INDEX IF EXISTS "{name}"')
        base = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM tracking_statement").fetchone()[0]
        # Stored times continue after what is already there, as new statements would.
        start = connection.execute(
            "SELECT coalesce(max(stored) + interval '1 second', %s) FROM tracking_statement", [common.START]
        ).fetchone()[0]
        params = {
            "base": base,
            "organisation": organisation,
            "authority": json.dumps(authority),
            "authority_hash": authority_hash,
            "profile": PROFILE,
            "start": start,
        }
        try:
            for first in range(0, size - have, CHUNK):
                last = min(size - have, first + CHUNK) - 1
                chunk = {**params, "first": first, "last": last}
                connection.execute(STATEMENT_SQL, chunk)
                connection.execute(LINK_SQL, chunk)
                print(
                    f"  filled {have + last + 1} statements ({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
            connection.execute(
                "SELECT setval(pg_get_serial_sequence('tracking_statement', 'id'), "
                "(SELECT max(id) FROM tracking_statement))"
            )
        finally:
            for name, definition in indexes:
                print(f"  index {name}", flush=True)
                connection.execute(definition)
        connection.execute("DROP TABLE bench_agent, bench_activity, bench_verb")
        total = connection.execute("SELECT count(*) FROM tracking_statement").fetchone()[0]
    return total, time.perf_counter() - started
