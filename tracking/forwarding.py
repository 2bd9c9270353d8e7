"""Forwarding statements to external LRSs from the outbox.

Each outbox row is one statement for one destination. ``drain`` claims due rows in batches of up to
100 per destination, POSTs them, and marks them sent; failures back off exponentially and, after
``XAPI_FORWARD_MAX_ATTEMPTS``, land on the dead-letter list that admins can retry.

A batch whose answer was lost (a read timeout, a worker killed mid-request) may already be stored at
the destination, and a resend then meets ``409 Conflict``: ADL's reference LRS answers 409 for any
id it holds, identical or not. A 409 is therefore settled statement by statement with
``GET ?statementId=``: the same statement (compared as xAPI compares statements) is delivered, a
different one is a real conflict and a dead letter, one the destination does not hold is sent again.
The HTTP layer never re-sends a POST or PUT on its own: only the outbox retries, after the claim
is known to have failed, so two copies of a batch never run at once.
"""

import base64
import json
import logging
from datetime import timedelta

import requests
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .models import ForwardingDestination, OutboxEntry
from .store import same_statement

logger = logging.getLogger(__name__)
# Without XAPI_FORWARD_CLAIM_LEASE_SECONDS a claim is stale after this many request timeouts, and
# never sooner than after two: a worker renews its claim before every request it makes.
CLAIM_LEASE_TIMEOUTS = 3
MIN_CLAIM_LEASE_TIMEOUTS = 2
MAX_BACKOFF = timedelta(hours=6)
TWO_ZERO_ONLY_CONTEXT = ("contextAgents", "contextGroups")


def claim_lease():
    """How long a claimed batch belongs to its worker before another drain may take it over."""
    timeout = settings.XAPI_FORWARD_TIMEOUT
    configured = getattr(settings, "XAPI_FORWARD_CLAIM_LEASE_SECONDS", None)
    seconds = configured if configured else CLAIM_LEASE_TIMEOUTS * timeout
    return timedelta(seconds=max(seconds, MIN_CLAIM_LEASE_TIMEOUTS * timeout))


class DeliveryFailed(Exception):
    """The destination did not confirm the delivery; the batch will be retried."""


class HTTPClient:
    """Talks to an external LRS with requests: a timeout on every request.

    Only requests that change nothing are retried by urllib3: a connection that could not be made
    (nothing was sent), and a GET. A POST or PUT whose answer did not come may still be running at
    the destination, so it is never re-sent here; the outbox retries it after its backoff.
    """

    def __init__(self):
        self.session = requests.Session()
        retry = Retry(
            total=2,
            connect=2,
            read=1,
            status=1,
            other=0,
            backoff_factor=0.2,
            status_forcelist=(502, 503, 504),
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,
        )
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _headers(self, destination):
        headers = {"Content-Type": "application/json", "X-Experience-API-Version": destination.xapi_version}
        if destination.username or destination.password:
            token = base64.b64encode(f"{destination.username}:{destination.password}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        return headers

    def _url(self, destination):
        return destination.endpoint.rstrip("/") + "/statements"

    def post(self, destination, statements):
        """POST a batch; return the HTTP status, or raise DeliveryFailed when nothing came back."""
        try:
            response = self.session.post(
                self._url(destination),
                data=json.dumps(statements, ensure_ascii=False).encode("utf-8"),
                headers=self._headers(destination),
                timeout=settings.XAPI_FORWARD_TIMEOUT,
            )
        except requests.RequestException as error:
            raise DeliveryFailed(str(error)) from error
        return response.status_code, response.text[:500]

    def get(self, destination, statement_id):
        """The statement the destination holds under this id, voided or not; None if it has none."""
        for parameter in ("statementId", "voidedStatementId"):
            try:
                response = self.session.get(
                    self._url(destination),
                    params={parameter: statement_id, "format": "exact", "attachments": "false"},
                    headers=self._headers(destination),
                    timeout=settings.XAPI_FORWARD_TIMEOUT,
                )
            except requests.RequestException as error:
                raise DeliveryFailed(str(error)) from error
            if response.status_code == 404:
                continue
            if response.status_code != 200:
                raise DeliveryFailed(f"GET {parameter}: HTTP {response.status_code}: {response.text[:300]}")
            try:
                found = response.json()
            except ValueError as error:
                raise DeliveryFailed(f"GET {parameter}: the answer is not JSON") from error
            if not isinstance(found, dict):
                raise DeliveryFailed(f"GET {parameter}: the answer is not a statement")
            return found
        return None


class RecordingClient:
    """A fake LRS for tests: remembers what it was sent and answers with ``status``; a GET finds
    what is in ``held`` (statement id -> statement)."""

    def __init__(self, status=200):
        self.status = status
        self.batches = []
        self.held = {}

    def post(self, destination, statements):
        self.batches.append((destination.pk, statements))
        return self.status, ""

    def get(self, destination, statement_id):
        return self.held.get(statement_id)


def get_client():
    return import_string(settings.XAPI_FORWARD_CLIENT)()


def for_destination(statement, destination):
    """Adapt a stored statement to the destination's xAPI version."""
    if destination.xapi_version.startswith("1."):
        statement["version"] = "1.0.0"
        context = statement.get("context")
        if context:
            for key in TWO_ZERO_ONLY_CONTEXT:
                context.pop(key, None)
    return statement


def release_stale_claims(now):
    OutboxEntry.objects.filter(status=OutboxEntry.Status.SENDING, claimed_at__lt=now - claim_lease()).update(
        status=OutboxEntry.Status.PENDING
    )


def renew_claim(entries):
    """Before each request: the claim stays fresh while its worker is alive and talking."""
    OutboxEntry.objects.filter(
        id__in=[entry.id for entry in entries], status=OutboxEntry.Status.SENDING
    ).update(claimed_at=timezone.now())


def claim_batch(destination, now):
    size = min(100, settings.XAPI_FORWARD_BATCH_SIZE)
    with transaction.atomic():
        due = OutboxEntry.objects.filter(
            destination=destination, status=OutboxEntry.Status.PENDING, next_attempt_at__lte=now
        ).order_by("id")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("id", flat=True)[:size])
        if not ids:
            return []
        # Only rows still pending are ours: on databases without row locks a parallel drain may
        # have claimed some of them in the meantime.
        OutboxEntry.objects.filter(id__in=ids, status=OutboxEntry.Status.PENDING).update(
            status=OutboxEntry.Status.SENDING, claimed_at=now
        )
        return list(
            OutboxEntry.objects.filter(id__in=ids, status=OutboxEntry.Status.SENDING, claimed_at=now)
            .select_related("statement")
            .order_by("id")
        )


def mark_sent(entries, now):
    OutboxEntry.objects.filter(id__in=[entry.id for entry in entries]).update(
        status=OutboxEntry.Status.SENT, sent_at=now, last_error=""
    )


def mark_failed(entries, now, error, *, permanent=False):
    maximum = settings.XAPI_FORWARD_MAX_ATTEMPTS
    for entry in entries:
        entry.attempts += 1
        entry.last_error = str(error)[:1000]
        entry.claimed_at = None
        if permanent or entry.attempts >= maximum:
            entry.status = OutboxEntry.Status.DEAD
        else:
            entry.status = OutboxEntry.Status.PENDING
            delay = timedelta(seconds=settings.XAPI_FORWARD_BACKOFF_SECONDS * 2 ** (entry.attempts - 1))
            entry.next_attempt_at = now + min(delay, MAX_BACKOFF)
    OutboxEntry.objects.bulk_update(
        entries, ["attempts", "last_error", "claimed_at", "status", "next_attempt_at"]
    )


def deliver(client, destination, entries, now):
    """Send one batch; returns True when the destination answered (the drain may continue)."""
    statements = [for_destination(json.loads(entry.statement.raw), destination) for entry in entries]
    renew_claim(entries)
    try:
        status, text = client.post(destination, statements)
    except DeliveryFailed as error:
        mark_failed(entries, now, error)
        return False
    if 200 <= status < 300:
        mark_sent(entries, now)
        return True
    if status == 409:
        return settle_conflict(client, destination, entries, statements, now, text)
    if status == 400 and len(entries) > 1:
        # One statement the destination refuses must not hold back the others: send one by one.
        return deliver_one_by_one(client, destination, entries, now)
    if status == 400:
        mark_failed(entries, now, f"HTTP {status}: {text}", permanent=True)
        return True
    mark_failed(entries, now, f"HTTP {status}: {text}")
    return False


def deliver_one_by_one(client, destination, entries, now):
    for index, entry in enumerate(entries):
        if not deliver(client, destination, [entry], now):
            # The destination stopped answering: the rest wait for the next drain, unclaimed and
            # without an attempt counted against them.
            OutboxEntry.objects.filter(
                id__in=[rest.id for rest in entries[index + 1 :]], status=OutboxEntry.Status.SENDING
            ).update(status=OutboxEntry.Status.PENDING, claimed_at=None)
            return False
    return True


def as_compared(statement):
    """A statement with the objectType values the specification implies made explicit: an LRS may
    return them where the platform left them out, a difference of format and not of content."""
    value = json.loads(json.dumps(statement))
    if isinstance(value.get("actor"), dict):
        value["actor"].setdefault("objectType", "Agent")
    if isinstance(value.get("object"), dict):
        value["object"].setdefault("objectType", "Activity")
    return value


def settle_conflict(client, destination, entries, statements, now, text):
    """The destination answered 409: find out, per statement, whether it already holds it."""
    unsent = []
    for index, (entry, statement) in enumerate(zip(entries, statements, strict=True)):
        renew_claim(entries[index:])
        try:
            found = client.get(destination, statement["id"])
        except DeliveryFailed as error:
            mark_failed(entries[index:], now, error)
            return False
        if found is None:
            unsent.append(entry)
        elif same_statement(as_compared(statement), as_compared(found)):
            mark_sent([entry], now)
        else:
            mark_failed(
                [entry],
                now,
                f"HTTP 409: the destination holds a different statement with the id {statement['id']}",
                permanent=True,
            )
    if not unsent:
        return True
    if len(unsent) < len(entries):
        # The statements the destination does not hold yet go again, as one batch.
        return deliver(client, destination, unsent, now)
    if len(entries) > 1:
        return deliver_one_by_one(client, destination, entries, now)
    # 409 for an id the destination says it does not hold: it may store before it can serve
    # (xAPI 2.0 Communication 2.1.1), so this is retried with backoff rather than given up on.
    mark_failed(entries, now, f"HTTP 409 but the destination returns no statement with this id: {text}")
    return False


def drain(*, now=None, client=None, max_batches=1000):
    """Deliver every due outbox row; returns counts of sent and failed rows."""
    now = now or timezone.now()
    client = client or get_client()
    release_stale_claims(now)
    sent = failed = 0
    for destination in ForwardingDestination.objects.filter(is_active=True):
        for _batch in range(max_batches):
            entries = claim_batch(destination, now)
            if not entries:
                break
            ok = deliver(client, destination, entries, now)
            outcome = OutboxEntry.objects.filter(id__in=[entry.id for entry in entries])
            sent += outcome.filter(status=OutboxEntry.Status.SENT).count()
            failed += outcome.exclude(status=OutboxEntry.Status.SENT).count()
            if not ok:
                logger.warning("Forwarding to %s failed; will retry with backoff.", destination)
                break
    return {"sent": sent, "failed": failed}


def dead_letters():
    return OutboxEntry.objects.filter(status=OutboxEntry.Status.DEAD).select_related(
        "destination", "statement"
    )


def retry_dead(entry_ids=None, destination=None):
    """Put dead letters back in the queue, due now, with a fresh attempt count."""
    entries = OutboxEntry.objects.filter(status=OutboxEntry.Status.DEAD)
    if entry_ids is not None:
        entries = entries.filter(id__in=entry_ids)
    if destination is not None:
        entries = entries.filter(destination=destination)
    return entries.update(
        status=OutboxEntry.Status.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
    )


def backlog():
    """Per destination: how many rows wait, how many are dead."""
    rows = []
    for destination in ForwardingDestination.objects.all():
        entries = destination.outbox_entries
        rows.append(
            {
                "destination": destination,
                "pending": entries.filter(Q(status=OutboxEntry.Status.PENDING) | Q(status="sending")).count(),
                "dead": entries.filter(status=OutboxEntry.Status.DEAD).count(),
                "sent": entries.filter(status=OutboxEntry.Status.SENT).count(),
            }
        )
    return rows
