"""Writing statements into the store: stamping, duplicate and conflict checks, voiding, index rows.

Statements are appended with ``bulk_create``; the only update is the ``voided`` flag of a voiding
statement's target. Nothing shared (verb or activity rows) is updated per statement, so concurrent
batches never wait on each other.
"""

import json
import re
import time
import uuid
from datetime import UTC, timedelta
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from accounts.selectors import organisation_ids_of

from .models import (
    ForwardingDestination,
    OutboxEntry,
    Statement,
    StatementActivity,
    StatementAgent,
    text_hash,
)
from .validation import StatementError, parse_timestamp, validate_statement
from .verbs import VOIDED


class Conflict(Exception):
    """A statement id is already stored with different content."""


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def agent_key(agent):
    """The canonical inverse functional identifier of an Agent or identified Group, or None."""
    if not isinstance(agent, dict):
        return None
    if "mbox" in agent:
        return "mbox:" + agent["mbox"]
    if "mbox_sha1sum" in agent:
        return "mbox_sha1sum:" + agent["mbox_sha1sum"].lower()
    if "openid" in agent:
        return "openid:" + agent["openid"]
    if "account" in agent:
        return "account:" + agent["account"]["homePage"] + "|" + agent["account"]["name"]
    return None


def agent_hash(agent, *, direct):
    """Hash for the link table: direct rows serve the ``agent`` filter, all rows ``related_agents``."""
    key = agent_key(agent)
    return text_hash(("d|" if direct else "r|") + key) if key else None


def activity_hash(iri):
    return text_hash("a|" + iri)


def verb_hash(iri):
    return text_hash("v|" + iri)


def format_stored(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def platform_authority():
    return {
        "objectType": "Agent",
        "name": settings.WAGTAIL_SITE_NAME,
        "account": {"homePage": settings.SITE_URL, "name": "platform"},
    }


def key_authority(lrs_key):
    return {
        "objectType": "Agent",
        "name": lrs_key.name,
        "account": {"homePage": settings.SITE_URL, "name": f"lrs-key:{lrs_key.key}"},
    }


def _agents_with_members(agent):
    yield agent
    if isinstance(agent, dict) and agent.get("objectType") == "Group":
        yield from agent.get("member", [])


def _context_activity_ids(context):
    for items in (context or {}).get("contextActivities", {}).values():
        for item in items if isinstance(items, list) else [items]:
            yield item["id"]


def _context_agents(context):
    context = context or {}
    for key in ("instructor", "team"):
        if key in context:
            yield from _agents_with_members(context[key])
    for item in context.get("contextAgents", []):
        yield item["agent"]
    for item in context.get("contextGroups", []):
        yield from _agents_with_members(item["group"])


def link_hashes(statement):
    """The agent and activity hashes this statement is found under."""
    direct = []
    related = []
    activities = []
    obj = statement["object"]
    object_type = obj.get("objectType", "Activity")
    direct.extend(_agents_with_members(statement["actor"]))
    if object_type in ("Agent", "Group"):
        direct.extend(_agents_with_members(obj))
    if object_type == "Activity":
        activities.append(obj["id"])
    related.extend(_agents_with_members(statement.get("authority")))
    related.extend(_context_agents(statement.get("context")))
    activities.extend(_context_activity_ids(statement.get("context")))
    if object_type == "SubStatement":
        related.extend(_agents_with_members(obj["actor"]))
        sub_object = obj["object"]
        if sub_object.get("objectType") in ("Agent", "Group"):
            related.extend(_agents_with_members(sub_object))
        elif sub_object.get("objectType", "Activity") == "Activity":
            activities.append(sub_object["id"])
        related.extend(_context_agents(obj.get("context")))
        activities.extend(_context_activity_ids(obj.get("context")))
    agents = {agent_hash(agent, direct=True) for agent in direct}
    agents |= {agent_hash(agent, direct=False) for agent in direct + related}
    agents.discard(None)
    return agents, {activity_hash(iri) for iri in activities}


def normalise_context_activities(statement):
    """Statements are returned with every contextActivities value as an array (the canonical form)."""
    for holder in (statement, statement.get("object") if isinstance(statement.get("object"), dict) else None):
        context = (holder or {}).get("context")
        if context and isinstance(context.get("contextActivities"), dict):
            context["contextActivities"] = {
                key: items if isinstance(items, list) else [items]
                for key, items in context["contextActivities"].items()
            }
    return statement


SECONDS_RE = re.compile(r"(?<=[T\dHM])(\d+(?:\.\d+)?)S$")


def comparable_duration(duration):
    """A duration with its seconds truncated to 0.01 s: comparisons ignore finer precision
    (Data 2.3.1 statement comparison, Data 2.4.5 duration), so PT0.12S equals PT0.1237S."""
    if not isinstance(duration, str):
        return duration
    match = SECONDS_RE.search(duration)
    if not match:
        return duration
    seconds = Decimal(match.group(1)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return duration[: match.start()] + f"{seconds:f}S"


def with_comparable_durations(statement):
    """A shallow copy of a statement (and its SubStatement) whose result durations are truncated."""
    value = dict(statement)
    result = value.get("result")
    if isinstance(result, dict) and "duration" in result:
        value["result"] = {**result, "duration": comparable_duration(result["duration"])}
    obj = value.get("object")
    if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
        value["object"] = with_comparable_durations(obj)
    return value


def _normalise_for_comparison(statement, keep_timestamp):
    statement = with_comparable_durations(statement)
    value = {key: item for key, item in statement.items() if key not in ("stored", "authority", "version")}
    if "id" in value:
        value["id"] = value["id"].lower()
    if not keep_timestamp:
        value.pop("timestamp", None)
    elif "timestamp" in value:
        value["timestamp"] = parse_timestamp(value["timestamp"]).isoformat()
    return value


def same_statement(incoming, stored):
    keep = "timestamp" in incoming
    return _normalise_for_comparison(incoming, keep) == _normalise_for_comparison(stored, keep)


def validate_all(statements):
    for index, statement in enumerate(statements):
        try:
            validate_statement(statement)
        except StatementError as error:
            if len(statements) > 1:
                raise StatementError(f"statements[{index}] {error}") from error
            raise


def store_statements(statements, *, organisation, authority, user=None, version="2.0.0", validated=False):
    """Validate, stamp and store statements atomically.

    Returns (statement ids in request order, newly stored rows). Raises StatementError (400) or
    Conflict (409); on either nothing is stored. Identical re-sends of a stored id are accepted and
    not stored twice."""
    if not statements:
        return [], []
    now = timezone.now()
    prepared = []
    seen = set()
    if not validated:
        validate_all(statements)
    for index, statement in enumerate(statements):
        statement = dict(statement)
        statement.pop("objectType", None)
        statement_id = statement.get("id", "").lower() or str(uuid.uuid4())
        if statement_id in seen:
            raise StatementError(f"statements[{index}].id: the same id appears twice in one request")
        seen.add(statement_id)
        statement["id"] = statement_id
        prepared.append(normalise_context_activities(statement))

    ids = [statement["id"] for statement in prepared]
    voiding_targets = [
        statement["object"]["id"].lower() for statement in prepared if statement["verb"]["id"] == VOIDED
    ]
    in_batch = {statement["id"]: statement for statement in prepared}
    for target in voiding_targets:
        if target in in_batch and in_batch[target]["verb"]["id"] == VOIDED:
            raise StatementError("object: a voiding statement cannot be voided")

    if connection.vendor == "postgresql" and not voiding_targets:
        # Fast path: one INSERT statement (statements, link rows and outbox rows together) that is
        # atomic by itself. A duplicate id makes it fail as a whole; the careful path sorts that out.
        rows, links, stamped = _build_rows(prepared, organisation, user, version, authority, now)
        try:
            if connection.in_atomic_block:
                with transaction.atomic():
                    _insert_postgres(rows, links, stamped, organisation)
            else:
                _insert_postgres(rows, links, stamped, organisation)
            return ids, rows
        except IntegrityError as error:
            if not is_duplicate_id(error):
                raise

    try:
        with transaction.atomic():
            existing = {
                str(row.statement_id): row
                for row in Statement.objects.filter(statement_id__in=ids).only(
                    "statement_id", "organisation", "raw"
                )
            }
            new = []
            for statement in prepared:
                row = existing.get(statement["id"])
                if row is None:
                    new.append(statement)
                elif row.organisation_id != organisation.pk or not same_statement(
                    statement, json.loads(row.raw)
                ):
                    # Ids are unique across the whole LRS; another organisation's statement is never
                    # compared, so a conflict tells nothing about its content.
                    raise Conflict(statement["id"])
            if (
                voiding_targets
                and Statement.objects.filter(
                    organisation=organisation, statement_id__in=voiding_targets, verb_hash=verb_hash(VOIDED)
                ).exists()
            ):
                raise StatementError("object: a voiding statement cannot be voided")
            rows, links, stamped = _build_rows(new, organisation, user, version, authority, now)
            if not rows:
                return ids, rows
            if connection.vendor == "postgresql":
                _insert_postgres(rows, links, stamped, organisation)
            else:
                _insert_orm(rows, links, stamped, organisation)
            if voiding_targets:
                Statement.objects.filter(organisation=organisation, statement_id__in=voiding_targets).exclude(
                    verb_hash=verb_hash(VOIDED)
                ).update(voided=True)
    except IntegrityError as error:
        if not is_duplicate_id(error):
            raise
        # Another request stored the same id between our check and our insert.
        raise Conflict("") from error
    return ids, rows


def object_columns(obj):
    """The indexed columns of a statement's object: (type, id, hash, id of a referenced statement)."""
    object_type = obj.get("objectType", "Activity")
    if object_type == "Activity":
        return object_type, obj["id"], activity_hash(obj["id"]), None
    if object_type in ("Agent", "Group"):
        return object_type, agent_key(obj) or "", agent_hash(obj, direct=True) or "", None
    if object_type == "StatementRef":
        object_id = obj["id"].lower()
        return object_type, object_id, text_hash("s|" + object_id), uuid.UUID(object_id)
    return object_type, "", "", None


def _build_rows(statements, organisation, user, version, authority, now):
    """Stamp copies of the statements (stored, timestamp, authority, version) and build their rows."""
    rows = []
    links = []
    stamped = []
    for offset, statement in enumerate(statements):
        statement = dict(statement)
        stamped.append(statement)
        # Distinct stored times keep the order of a batch and make paging boundaries unambiguous.
        stored = now + timedelta(microseconds=offset)
        statement["stored"] = format_stored(stored)
        statement.setdefault("timestamp", statement["stored"])
        statement["authority"] = authority
        statement["version"] = statement.get("version") or ("1.0.0" if version.startswith("1.") else "2.0.0")
        object_type, object_id, object_hash, object_statement_id = object_columns(statement["object"])
        registration = (statement.get("context") or {}).get("registration")
        raw = dumps(statement)
        if "\\u0000" in raw:
            raise StatementError(f"statements[{offset}]: NUL characters (\\u0000) are not supported")
        rows.append(
            Statement(
                statement_id=uuid.UUID(statement["id"]),
                organisation=organisation,
                user=user,
                actor_hash=agent_hash(statement["actor"], direct=True) or "",
                verb_id=statement["verb"]["id"],
                verb_hash=verb_hash(statement["verb"]["id"]),
                object_type=object_type,
                object_id=object_id,
                object_hash=object_hash,
                object_statement_id=object_statement_id,
                registration=uuid.UUID(registration) if registration else None,
                timestamp=parse_timestamp(statement["timestamp"]),
                stored=stored,
                version=statement["version"],
                has_attachments=bool(statement.get("attachments")),
                raw=raw,
            )
        )
        links.append(link_hashes(statement))
    return rows, links, stamped


def _insert_orm(rows, links, statements, organisation):
    Statement.objects.bulk_create(rows)
    agent_rows = []
    activity_rows = []
    for row, (agents, activities) in zip(rows, links, strict=True):
        agent_rows.extend(
            StatementAgent(
                statement=row, organisation_id=organisation.pk, agent_hash=value, stored=row.stored
            )
            for value in agents
        )
        activity_rows.extend(
            StatementActivity(
                statement=row, organisation_id=organisation.pk, activity_hash=value, stored=row.stored
            )
            for value in activities
        )
    StatementAgent.objects.bulk_create(agent_rows)
    StatementActivity.objects.bulk_create(activity_rows)
    OutboxEntry.objects.bulk_create(
        OutboxEntry(statement=rows[index], destination_id=destination_id)
        for index, destination_id in outbox_pairs(rows, statements)
    )


INSERT_SQL = """
WITH new_statements AS (
    INSERT INTO tracking_statement (
        statement_id, organisation_id, user_id, actor_hash, verb_id, verb_hash, object_type, object_id,
        object_hash, object_statement_id, registration, "timestamp", stored, version, voided,
        has_attachments, raw
    )
    SELECT s.statement_id, %(organisation)s, %(user)s, s.actor_hash, s.verb_id, s.verb_hash, s.object_type,
        s.object_id, s.object_hash, s.object_statement_id, s.registration, s.ts, s.stored, s.version, false,
        s.has_attachments, s.raw
    FROM unnest(
        %(statement_id)b::uuid[], %(actor_hash)b::text[], %(verb_id)b::text[], %(verb_hash)b::text[],
        %(object_type)b::text[], %(object_id)b::text[], %(object_hash)b::text[],
        %(object_statement_id)b::uuid[],
        %(registration)b::uuid[], %(ts)b::timestamptz[], %(stored)b::timestamptz[], %(version)b::text[],
        %(has_attachments)b::boolean[], %(raw)b::text[]
    ) AS s(statement_id, actor_hash, verb_id, verb_hash, object_type, object_id, object_hash,
           object_statement_id, registration, ts, stored, version, has_attachments, raw)
    RETURNING id, statement_id, stored
), agent_links AS (
    INSERT INTO tracking_statementagent (statement_id, organisation_id, agent_hash, stored)
    SELECT n.id, %(organisation)s, a.agent_hash, n.stored
    FROM new_statements n
        JOIN unnest(%(agent_statement)b::uuid[], %(agent_hash)b::text[]) AS a(sid, agent_hash)
        ON a.sid = n.statement_id
), activity_links AS (
    INSERT INTO tracking_statementactivity (statement_id, organisation_id, activity_hash, stored)
    SELECT n.id, %(organisation)s, a.activity_hash, n.stored
    FROM new_statements n
        JOIN unnest(%(activity_statement)b::uuid[], %(activity_hash)b::text[]) AS a(sid, activity_hash)
        ON a.sid = n.statement_id
), outbox AS (
    INSERT INTO tracking_outboxentry (
        statement_id, destination_id, status, attempts, next_attempt_at, last_error, created_at
    )
    SELECT n.id, o.destination_id, 'pending', 0, now(), '', now()
    FROM new_statements n
        JOIN unnest(%(outbox_statement)b::uuid[], %(outbox_destination)b::bigint[]) AS o(sid, destination_id)
        ON o.sid = n.statement_id
        JOIN tracking_forwardingdestination d ON d.id = o.destination_id AND d.is_active
)
SELECT id, statement_id FROM new_statements
"""


def _insert_postgres(rows, links, statements, organisation):
    """Insert statements, their link rows and outbox rows with one statement and server-side binding.

    Django's PostgreSQL cursor quotes parameters in Python; for a batch of 1 KB statements that costs
    more than the insert itself, so this uses a plain psycopg cursor that sends typed arrays."""
    import psycopg

    agent_statement, agent_values, activity_statement, activity_values = [], [], [], []
    for row, (agents, activities) in zip(rows, links, strict=True):
        agent_statement.extend([row.statement_id] * len(agents))
        agent_values.extend(agents)
        activity_statement.extend([row.statement_id] * len(activities))
        activity_values.extend(activities)
    pairs = list(outbox_pairs(rows, statements, cached=True))
    params = {
        "organisation": organisation.pk,
        "user": rows[0].user_id if rows and rows[0].user_id else None,
        "statement_id": [row.statement_id for row in rows],
        "actor_hash": [row.actor_hash for row in rows],
        "verb_id": [row.verb_id for row in rows],
        "verb_hash": [row.verb_hash for row in rows],
        "object_type": [row.object_type for row in rows],
        "object_id": [row.object_id for row in rows],
        "object_hash": [row.object_hash for row in rows],
        "object_statement_id": [row.object_statement_id for row in rows],
        "registration": [row.registration for row in rows],
        "ts": [row.timestamp for row in rows],
        "stored": [row.stored for row in rows],
        "version": [row.version for row in rows],
        "has_attachments": [row.has_attachments for row in rows],
        "raw": [row.raw for row in rows],
        "agent_statement": agent_statement,
        "agent_hash": agent_values,
        "activity_statement": activity_statement,
        "activity_hash": activity_values,
        "outbox_statement": [rows[index].statement_id for index, _destination in pairs],
        "outbox_destination": [destination for _index, destination in pairs],
    }
    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(INSERT_SQL, params)
        returned = dict((statement_id, pk) for pk, statement_id in cursor.fetchall())
    for row in rows:
        row.pk = returned[row.statement_id]
        row._state.adding = False
        row._state.db = connection.alias


def destinations_for(statement_row, statement, destinations, member_orgs):
    context_ids = set(_context_activity_ids(statement.get("context")))
    if statement["object"].get("objectType", "Activity") == "Activity":
        context_ids.add(statement["object"]["id"])
    for destination in destinations:
        if destination.organisation_id and destination.organisation_id != statement_row.organisation_id:
            if destination.organisation_id not in member_orgs:
                continue
        verbs = destination.verbs
        if verbs and statement_row.verb_id not in verbs:
            continue
        courses = destination.courses
        if courses and not courses & context_ids:
            continue
        yield destination


def is_duplicate_id(error):
    """Whether an IntegrityError comes from a statement id that is already stored."""
    text = str(error).lower()
    return "statement_id" in text and ("unique" in text or "duplicate" in text)


_destination_cache = {"expires": 0.0, "destinations": []}
DESTINATION_CACHE_SECONDS = 10


def cached_destinations():
    """Active destinations, cached per process for a few seconds: every statement needs them and they
    change rarely. Saving or deleting one clears this process's cache at once; other processes see a
    new or re-activated destination within DESTINATION_CACHE_SECONDS. The insert joins the
    destination table, so a deleted or deactivated destination never receives rows from a stale cache."""
    now = time.monotonic()
    if _destination_cache["expires"] < now:
        _destination_cache["destinations"] = list(ForwardingDestination.objects.filter(is_active=True))
        _destination_cache["expires"] = now + DESTINATION_CACHE_SECONDS
    return _destination_cache["destinations"]


@receiver([post_save, post_delete], sender=ForwardingDestination)
def forget_destinations(**kwargs):
    _destination_cache["expires"] = 0.0


def outbox_pairs(rows, statements, *, cached=False):
    """(row index, destination id) for every active destination a statement matches."""
    if cached:
        destinations = cached_destinations()
    else:
        destinations = list(ForwardingDestination.objects.filter(is_active=True))
    if not destinations:
        return
    member_orgs_by_user = {}
    for index, (row, statement) in enumerate(zip(rows, statements, strict=True)):
        member_orgs = set()
        if row.user_id and any(destination.organisation_id for destination in destinations):
            if row.user_id not in member_orgs_by_user:
                member_orgs_by_user[row.user_id] = set(organisation_ids_of(row.user_id))
            member_orgs = member_orgs_by_user[row.user_id]
        for destination in destinations_for(row, statement, destinations, member_orgs):
            yield index, destination.pk
