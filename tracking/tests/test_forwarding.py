import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from tracking import forwarding, services
from tracking.models import OutboxEntry

from .factories import ForwardingDestinationFactory

pytestmark = pytest.mark.django_db

LESSON = "http://testserver/xapi/activities/lesson/l1"


class ExternalLRS:
    """A real HTTP server on 127.0.0.1 that stores statements by id, like a conformant LRS."""

    def __init__(self):
        self.received = []  # every statement id of every accepted request, duplicates included
        self.requests = 0
        self.auth = []
        self.server = None
        self.port = None

    def handler(self):
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length))
                lrs.requests += 1
                lrs.auth.append(
                    (self.headers.get("Authorization"), self.headers.get("X-Experience-API-Version"))
                )
                lrs.received.extend(statement["id"] for statement in body)
                payload = json.dumps([statement["id"] for statement in body]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        return Handler

    def up(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port or 0), self.handler())
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def down(self):
        self.server.shutdown()
        self.server.server_close()
        self.server = None


@pytest.fixture
def external_lrs():
    lrs = ExternalLRS()
    lrs.up()
    yield lrs
    if lrs.server:
        lrs.down()


def record_many(user, count):
    return [services.record(user=user, verb="experienced", activity_id=f"{LESSON}/{n}") for n in range(count)]


def test_statements_arrive_exactly_once_when_the_lrs_goes_down_and_up_mid_run(
    external_lrs, make_user, settings
):
    settings.XAPI_FORWARD_TIMEOUT = 2
    destination = ForwardingDestinationFactory(endpoint=f"http://127.0.0.1:{external_lrs.port}/xapi/")
    user = make_user()
    first = record_many(user, 150)
    now = timezone.now()
    assert forwarding.drain(now=now)["sent"] == 150  # two requests: 100 + 50

    external_lrs.down()
    second = record_many(user, 120)
    now = timezone.now()
    result = forwarding.drain(now=now)
    assert result["sent"] == 0
    assert OutboxEntry.objects.filter(status=OutboxEntry.Status.PENDING, attempts=1).count() == 100
    assert forwarding.drain(now=now)["sent"] == 0  # backing off: nothing due yet

    external_lrs.up()
    later = now + timedelta(seconds=settings.XAPI_FORWARD_BACKOFF_SECONDS + 1)
    assert forwarding.drain(now=later)["sent"] == 120
    expected = [str(statement.statement_id) for statement in first + second]
    assert sorted(external_lrs.received) == sorted(expected)
    assert len(external_lrs.received) == len(set(external_lrs.received))
    assert not OutboxEntry.objects.exclude(status=OutboxEntry.Status.SENT).exists()
    assert destination.outbox_entries.count() == 270


def test_batches_hold_at_most_100_statements(external_lrs, make_user):
    ForwardingDestinationFactory(endpoint=f"http://127.0.0.1:{external_lrs.port}/xapi")
    record_many(make_user(), 230)
    forwarding.drain()
    assert external_lrs.requests == 3


def test_forwarding_sends_credentials_and_the_destination_version(external_lrs, make_user):
    ForwardingDestinationFactory(
        endpoint=f"http://127.0.0.1:{external_lrs.port}/xapi/",
        username="key",
        password="secret",
        xapi_version="1.0.3",
    )
    record_many(make_user(), 1)
    forwarding.drain()
    authorization, version = external_lrs.auth[0]
    assert authorization == "Basic a2V5OnNlY3JldA=="
    assert version == "1.0.3"


def test_statements_for_a_1_0_3_destination_carry_version_1_0_0(make_user):
    client = forwarding.RecordingClient()
    ForwardingDestinationFactory(xapi_version="1.0.3")
    record_many(make_user(), 1)
    forwarding.drain(client=client)
    assert client.batches[0][1][0]["version"] == "1.0.0"


def test_failures_back_off_exponentially(make_user, settings):
    settings.XAPI_FORWARD_BACKOFF_SECONDS = 10
    ForwardingDestinationFactory()
    record_many(make_user(), 1)
    client = forwarding.RecordingClient(status=503)
    now = timezone.now()
    forwarding.drain(now=now, client=client)
    entry = OutboxEntry.objects.get()
    assert entry.next_attempt_at == now + timedelta(seconds=10)
    forwarding.drain(now=entry.next_attempt_at, client=client)
    entry.refresh_from_db()
    assert entry.attempts == 2
    assert entry.next_attempt_at - now == timedelta(seconds=10 + 20)


def test_after_max_attempts_the_entry_is_a_dead_letter(make_user, settings):
    settings.XAPI_FORWARD_MAX_ATTEMPTS = 3
    ForwardingDestinationFactory()
    record_many(make_user(), 2)
    client = forwarding.RecordingClient(status=500)
    moment = timezone.now()
    for _ in range(3):
        forwarding.drain(now=moment, client=client)
        moment += timedelta(days=1)
    assert forwarding.dead_letters().count() == 2
    assert "HTTP 500" in forwarding.dead_letters().first().last_error


def test_retrying_dead_letters_delivers_them(make_user, settings):
    settings.XAPI_FORWARD_MAX_ATTEMPTS = 1
    ForwardingDestinationFactory()
    record_many(make_user(), 2)
    forwarding.drain(client=forwarding.RecordingClient(status=500))
    assert forwarding.retry_dead() == 2
    client = forwarding.RecordingClient()
    assert forwarding.drain(client=client)["sent"] == 2


def test_a_refused_statement_does_not_block_the_others(make_user):
    class RefusesOne(forwarding.RecordingClient):
        def post(self, destination, statements):
            if len(statements) > 1:
                return 400, "statement 2 is invalid"
            return (400 if statements[0]["object"]["id"].endswith("/1") else 200), ""

    ForwardingDestinationFactory()
    record_many(make_user(), 3)
    result = forwarding.drain(client=RefusesOne())
    assert result == {"sent": 2, "failed": 1}
    assert forwarding.dead_letters().get().statement.object_id.endswith("/1")


def test_a_duplicate_answered_409_is_confirmed_by_fetching_it(make_user):
    class AlreadyThere(forwarding.RecordingClient):
        def post(self, destination, statements):
            for statement in statements:
                self.held[statement["id"]] = {**statement, "stored": "2026-01-01T00:00:00Z"}
            return 409, "exists"

    ForwardingDestinationFactory()
    record_many(make_user(), 1)
    assert forwarding.drain(client=AlreadyThere())["sent"] == 1


def test_connection_refused_is_a_retryable_failure(make_user, settings):
    settings.XAPI_FORWARD_TIMEOUT = 1
    ForwardingDestinationFactory(endpoint="http://127.0.0.1:9/xapi/")
    record_many(make_user(), 1)
    forwarding.drain()
    entry = OutboxEntry.objects.get()
    assert entry.status == OutboxEntry.Status.PENDING
    assert entry.attempts == 1


def test_stale_claims_are_offered_again(make_user):
    ForwardingDestinationFactory()
    record_many(make_user(), 1)
    long_ago = timezone.now() - timedelta(hours=1)
    OutboxEntry.objects.update(status=OutboxEntry.Status.SENDING, claimed_at=long_ago)
    assert forwarding.drain(client=forwarding.RecordingClient())["sent"] == 1


def test_celery_task_drains_the_outbox(make_user, settings):
    settings.XAPI_FORWARD_CLIENT = "tracking.forwarding.RecordingClient"
    from tracking.tasks import forward_outbox

    ForwardingDestinationFactory()
    record_many(make_user(), 3)
    forward_outbox.delay()
    assert OutboxEntry.objects.filter(status=OutboxEntry.Status.SENT).count() == 3


def test_beat_schedule_runs_the_forwarding_task(settings):
    assert settings.CELERY_BEAT_SCHEDULE["tracking-forward-outbox"]["task"] == "tracking.tasks.forward_outbox"


def test_sending_one_by_one_stops_at_an_outage_and_leaves_the_rest_unclaimed(make_user):
    class RefusesThenGoesDown(forwarding.RecordingClient):
        def post(self, destination, statements):
            if len(statements) > 1:
                return 400, "statement 2 is invalid"
            if statements[0]["object"]["id"].endswith("/0"):
                return 200, ""
            raise forwarding.DeliveryFailed("connection refused")

    ForwardingDestinationFactory()
    record_many(make_user(), 4)
    assert forwarding.drain(client=RefusesThenGoesDown()) == {"sent": 1, "failed": 3}
    waiting = OutboxEntry.objects.exclude(status=OutboxEntry.Status.SENT).order_by("id")
    assert [(entry.status, entry.attempts) for entry in waiting] == [
        ("pending", 1),
        ("pending", 0),
        ("pending", 0),
    ]
    assert not waiting.filter(claimed_at__isnull=False).exclude(attempts=1).exists()
