"""Communication 2.1.3 GET Statements: every filter combination joins each link table once and
returns each statement once, page after page (issue 12, rule 8)."""

import itertools
import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tracking.models import Statement, StatementActivity, StatementAgent
from tracking.query import parse_filters, statement_page
from tracking.store import store_statements

from .conftest import new_id

pytestmark = pytest.mark.django_db

COURSE = "http://example.org/course/1"
LESSON = "http://example.org/lesson/{}"
VERB = "http://adlnet.gov/expapi/verbs/{}"
REGISTRATION = "6d1c2a3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
LEARNER = {"mbox": "mailto:learner@example.org"}
TRAINER = {"mbox": "mailto:trainer@example.org"}
MENTOR = {"mbox": "mailto:mentor@example.org"}


def statement(number):
    """Statements that mention the course, the trainer and the mentor several times each."""
    return {
        "id": new_id(),
        "actor": LEARNER if number % 3 else TRAINER,
        "verb": {"id": VERB.format("completed" if number % 2 else "experienced")},
        "object": {"id": LESSON.format(number % 4)},
        "context": {
            "registration": REGISTRATION if number % 2 else new_id(),
            "instructor": TRAINER,
            "contextAgents": [{"objectType": "contextAgent", "agent": MENTOR}],
            "contextActivities": {
                "parent": [{"id": LESSON.format(9)}, {"id": COURSE}],
                "grouping": [{"id": COURSE}, {"id": "http://example.org/workshop/1"}],
                "category": [{"id": "http://example.org/profile"}],
                "other": [{"id": LESSON.format(number % 4)}],
            },
        },
    }


@pytest.fixture
def store(lrs_key):
    organisation = lrs_key.organisation
    authority = {"objectType": "Agent", "mbox": "mailto:authority@example.org"}
    for number in range(9):
        store_statements([statement(number)], organisation=organisation, authority=authority)
    # Distinct, well separated stored times so since/until cut between statements.
    for index, row in enumerate(Statement.objects.order_by("id")):
        stored = row.stored.replace(
            year=2026, month=1, day=1, hour=0, minute=0, second=0, microsecond=0
        ) + timedelta(minutes=index)
        Statement.objects.filter(pk=row.pk).update(stored=stored)
        StatementAgent.objects.filter(statement=row).update(stored=stored)
        StatementActivity.objects.filter(statement=row).update(stored=stored)
    return organisation


AGENTS = {
    "": {},
    "direct": {"agent": json.dumps(LEARNER)},
    "related": {"agent": json.dumps(MENTOR), "related_agents": "true"},
}
ACTIVITIES = {
    "": {},
    "object": {"activity": LESSON.format(1)},
    "related": {"activity": COURSE, "related_activities": "true"},
}
COLUMNS = {"": {}, "verb": {"verb": VERB.format("completed")}, "registration": {"registration": REGISTRATION}}
WINDOWS = {
    "": {},
    "since": {"since": "2026-01-01T00:01:30Z"},
    "until": {"until": "2026-01-01T00:06:30Z"},
    "both": {"since": "2026-01-01T00:01:30Z", "until": "2026-01-01T00:06:30Z"},
}
LINK_TABLE_RE = {
    table: re.compile(rf'(?:JOIN|FROM) "{table}"')
    for table in ("tracking_statementagent", "tracking_statementactivity")
}


def expected_ids(organisation, params):
    """The statements a filter must return, worked out row by row from the link tables."""
    filters = parse_filters(params)
    rows = Statement.objects.filter(organisation=organisation, voided=False)
    matching = []
    for row in rows:
        agents = set(StatementAgent.objects.filter(statement=row).values_list("agent_hash", flat=True))
        activities = set(
            StatementActivity.objects.filter(statement=row).values_list("activity_hash", flat=True)
        )
        if "agent" in filters and filters["agent"] not in agents:
            continue
        if "activity" in filters:
            if filters["related_activities"] and filters["activity"] not in activities:
                continue
            if not filters["related_activities"] and row.object_hash != filters["activity"]:
                continue
        if "verb" in filters and row.verb_hash != filters["verb"]:
            continue
        if "registration" in filters and str(row.registration) != filters["registration"]:
            continue
        stored = row.stored.isoformat()
        if "since" in filters and not stored > filters["since"]:
            continue
        if "until" in filters and not stored <= filters["until"]:
            continue
        matching.append((row.stored, row.pk))
    return [pk for _stored, pk in sorted(matching, reverse=not filters["ascending"])]


@pytest.mark.parametrize("ascending", ["false", "true"])
def test_communication_2_1_3_every_filter_joins_each_link_table_once_and_returns_each_statement_once(
    store, ascending
):
    for agent, activity, column, window in itertools.product(AGENTS, ACTIVITIES, COLUMNS, WINDOWS):
        params = {
            **AGENTS[agent],
            **ACTIVITIES[activity],
            **COLUMNS[column],
            **WINDOWS[window],
            "ascending": ascending,
            "limit": "2",
        }
        filters = parse_filters(params)
        seen = []
        cursor = None
        with CaptureQueriesContext(connection) as queries:
            for _page in range(20):
                rows, cursor = statement_page(store.pk, filters, cursor)
                seen.extend(row[0] for row in rows)
                if cursor is None:
                    break
        label = f"{agent=} {activity=} {column=} {window=} {ascending=}"
        for query in queries.captured_queries:
            for table, pattern in LINK_TABLE_RE.items():
                assert len(pattern.findall(query["sql"])) <= 1, f"{label}: {table} twice in {query['sql']}"
        assert len(seen) == len(set(seen)), f"{label}: a statement came twice"
        assert seen == expected_ids(store, params), label
