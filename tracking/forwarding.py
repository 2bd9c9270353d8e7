"""Forwarding statements to external LRSs from the outbox.

Each outbox row is one statement for one destination. ``drain`` claims due rows in batches of up to
100 per destination, POSTs them, and marks them sent; failures back off exponentially and, after
``XAPI_FORWARD_MAX_ATTEMPTS``, land on the dead-letter list that admins can retry. Statement ids are
stable, so delivering a batch twice is harmless for a conformant LRS; a batch is only re-sent when
its delivery was not confirmed.
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

logger = logging.getLogger(__name__)
# A row claimed by a worker that died is offered again after this long.
CLAIM_LEASE = timedelta(minutes=10)
MAX_BACKOFF = timedelta(hours=6)
TWO_ZERO_ONLY_CONTEXT = ("contextAgents", "contextGroups")


class DeliveryFailed(Exception):
    """The destination did not confirm the delivery; the batch will be retried."""


class HTTPClient:
    """Talks to an external LRS with requests: a timeout on every request, a few quick retries."""

    def __init__(self):
        self.session = requests.Session()
        retry = Retry(
            total=2,
            connect=2,
            read=1,
            backoff_factor=0.2,
            status_forcelist=(502, 503, 504),
            allowed_methods=frozenset({"POST", "PUT"}),
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

    def put(self, destination, statement):
        try:
            response = self.session.put(
                self._url(destination),
                params={"statementId": statement["id"]},
                data=json.dumps(statement, ensure_ascii=False).encode("utf-8"),
                headers=self._headers(destination),
                timeout=settings.XAPI_FORWARD_TIMEOUT,
            )
        except requests.RequestException as error:
            raise DeliveryFailed(str(error)) from error
        return response.status_code, response.text[:500]


class RecordingClient:
    """A fake LRS for tests: remembers what it was sent and answers with ``status``."""

    def __init__(self, status=200):
        self.status = status
        self.batches = []

    def post(self, destination, statements):
        self.batches.append((destination.pk, statements))
        return self.status, ""

    def put(self, destination, statement):
        self.batches.append((destination.pk, [statement]))
        return self.status, ""


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
    OutboxEntry.objects.filter(status=OutboxEntry.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE).update(
        status=OutboxEntry.Status.PENDING
    )


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
    try:
        status, text = client.post(destination, statements)
    except DeliveryFailed as error:
        mark_failed(entries, now, error)
        return False
    if 200 <= status < 300:
        mark_sent(entries, now)
        return True
    if status in (400, 409) and len(entries) > 1:
        # One statement the destination refuses must not hold back the others: send one by one.
        return all(deliver(client, destination, [entry], now) for entry in entries)
    if status in (400, 409):
        if status == 409 and entries:
            # The destination already holds this id; for a resend of the same statement that is success,
            # which a PUT (204 for an identical statement) tells apart from a real conflict.
            try:
                put_status, put_text = client.put(destination, statements[0])
            except DeliveryFailed as error:
                mark_failed(entries, now, error)
                return False
            if 200 <= put_status < 300:
                mark_sent(entries, now)
                return True
            text = put_text
        mark_failed(entries, now, f"HTTP {status}: {text}", permanent=True)
        return True
    mark_failed(entries, now, f"HTTP {status}: {text}")
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
