"""What tracking holds about a person: the xAPI statements whose actor they are, and the State and
Agent Profile documents kept under their actor.

Erasure is the one exception to "statements are append-only": the person's actor in every stored
statement is replaced by a random pseudonym (so no copy here still names them, even with
XAPI_ACTOR_USES_EMAIL), and each statement is then voided with a voiding statement
(http://adlnet.gov/expapi/verbs/voided) stored through the usual path, so the outbox forwards it.
Every external LRS that was sent (or is still to be sent) a statement gets its voiding statement,
whatever its verb filter says."""

import hashlib
import json
import uuid
from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from accounts.selectors import all_organisation_ids
from privacy.registry import register

from .models import Document, OutboxEntry, Statement, StatementAgent, text_hash
from .services import actor_for
from .store import (
    agent_hash,
    agent_key,
    dumps,
    link_hashes,
    object_columns,
    platform_authority,
    store_statements,
)
from .verbs import VOIDED

CHUNK = 500


def _actors(user):
    """Every actor the platform has used for the person: the pseudonymous account and the mailbox."""
    actors = [{"objectType": "Agent", "account": {"homePage": settings.SITE_URL, "name": str(user.xapi_id)}}]
    if user.email:
        mbox = f"mailto:{user.email}"
        actors.append({"objectType": "Agent", "mbox": mbox})
        actors.append({"objectType": "Agent", "mbox_sha1sum": hashlib.sha1(mbox.encode()).hexdigest()})  # noqa: S324 (xAPI's own identifier)
    current = actor_for(user)
    if current not in actors:
        actors.append(current)
    return actors


def _statements(user):
    """The statements whose actor is the person: theirs to export, pseudonymise and void."""
    hashes = {agent_hash(actor, direct=True) for actor in _actors(user)}
    return Statement.objects.filter(Q(user=user) | Q(actor_hash__in=hashes))


def _mentions(user):
    """Other people's statements that name the person elsewhere: as instructor, team member, the
    object of the statement, a context agent. Found through the agent link table, organisation by
    organisation, because its index starts with the organisation."""
    hashes = {agent_hash(actor, direct=False) for actor in _actors(user)}
    linked = StatementAgent.objects.filter(
        organisation_id__in=all_organisation_ids(), agent_hash__in=hashes
    ).values("statement_id")
    return Statement.objects.filter(pk__in=linked).exclude(pk__in=_statements(user).values("pk"))


def _documents(user):
    return Document.objects.filter(agent_hash__in={text_hash(agent_key(actor)) for actor in _actors(user)})


def export(user):
    return {
        "statements": [
            {"voided": row.voided, "statement": json.loads(row.raw)}
            for row in _statements(user).order_by("stored", "pk").iterator(chunk_size=CHUNK)
        ],
        "statements_naming_you": [
            {"voided": row.voided, "statement": json.loads(row.raw)}
            for row in _mentions(user).order_by("stored", "pk").iterator(chunk_size=CHUNK)
        ],
        "documents": [
            {
                "kind": document.kind,
                "activity": document.activity_id,
                "document_id": document.document_id,
                "content_type": document.content_type,
                "content": bytes(document.content).decode("utf-8", "replace"),
                "updated": document.updated,
            }
            for document in _documents(user).order_by("pk")
        ],
    }


def _identifier(value):
    """agent_key for anything agent-shaped, wherever it sits: extensions hold arbitrary JSON, so an
    "mbox" or "account" there may hold something other than an identifier."""
    try:
        return agent_key(value)
    except (AttributeError, KeyError, TypeError):
        return None


def _replace_person(value, keys, pseudonym):
    """A copy of ``value`` with every agent that is the person replaced by the pseudonym."""
    if isinstance(value, dict):
        if _identifier(value) in keys:
            return dict(pseudonym)
        return {key: _replace_person(item, keys, pseudonym) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace_person(item, keys, pseudonym) for item in value]
    return value


def erase(user):
    pseudonym = {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": f"erased-{uuid.uuid4()}"},
    }
    keys = {agent_key(actor) for actor in _actors(user)}
    own = list(_statements(user).order_by("pk"))
    # Others' statements stay valid records of the other person: the mention is pseudonymised here,
    # not voided (docs/privacy.md says what that means for copies at external stores).
    mentions = list(_mentions(user).order_by("pk"))
    for row in own + mentions:
        statement = _replace_person(json.loads(row.raw), keys, pseudonym)
        row.raw = dumps(statement)
        row.actor_hash = agent_hash(statement["actor"], direct=True) or ""
        row.object_type, row.object_id, row.object_hash, _ = object_columns(statement["object"])
        row.links = link_hashes(statement)[0]
    for row in own:
        row.user = None
    rows = own + mentions
    for start in range(0, len(rows), CHUNK):
        batch = rows[start : start + CHUNK]
        Statement.objects.bulk_update(batch, ["raw", "actor_hash", "object_id", "object_hash", "user"])
        StatementAgent.objects.filter(statement__in=batch).delete()
        StatementAgent.objects.bulk_create(
            StatementAgent(
                statement=row, organisation_id=row.organisation_id, agent_hash=value, stored=row.stored
            )
            for row in batch
            for value in row.links
        )
    to_void = [row for row in own if not row.voided and row.verb_id != VOIDED]
    voided = _void(to_void, pseudonym)
    documents = _documents(user).delete()[0]
    return {
        "statements_pseudonymised": len(own),
        "statements_voided": voided,
        "mentions_pseudonymised": len(mentions),
        "documents": documents,
    }


def _void(rows, pseudonym):
    by_organisation = defaultdict(list)
    for row in rows:
        by_organisation[row.organisation].append(row)
    now = timezone.now().isoformat()
    count = 0
    for organisation, targets in by_organisation.items():
        for start in range(0, len(targets), CHUNK):
            batch = targets[start : start + CHUNK]
            voiding = {
                row.pk: {
                    "id": str(uuid.uuid4()),
                    "actor": pseudonym,
                    "verb": {"id": VOIDED, "display": {"en-US": "voided"}},
                    "object": {"objectType": "StatementRef", "id": str(row.statement_id)},
                    "timestamp": now,
                }
                for row in batch
            }
            store_statements(
                list(voiding.values()), organisation=organisation, authority=platform_authority(), user=None
            )
            count += len(batch)
            _forward_everywhere(voiding)
    return count


def _forward_everywhere(voiding):
    """Outbox rows for the voiding statements to every destination the originals went (or go) to."""
    stored = dict(
        Statement.objects.filter(statement_id__in=[item["id"] for item in voiding.values()]).values_list(
            "statement_id", "pk"
        )
    )
    voiding_pk = {original: stored[uuid.UUID(item["id"])] for original, item in voiding.items()}
    already = set(
        OutboxEntry.objects.filter(statement_id__in=voiding_pk.values()).values_list(
            "statement_id", "destination_id"
        )
    )
    wanted = set()
    for original, destination in OutboxEntry.objects.filter(statement_id__in=voiding_pk).values_list(
        "statement_id", "destination_id"
    ):
        wanted.add((voiding_pk[original], destination))
    OutboxEntry.objects.bulk_create(
        OutboxEntry(statement_id=statement, destination_id=destination)
        for statement, destination in wanted - already
    )


register(
    "tracking",
    models=["tracking.Statement", "tracking.Document"],
    export=export,
    erase=erase,
    order=80,
)
