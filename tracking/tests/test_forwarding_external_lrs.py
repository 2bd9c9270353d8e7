"""The forwarder against a real HTTP LRS on 127.0.0.1 that behaves like ADL's reference LRS under
faults: 409 for every id it holds (xAPI 2.0 Communication 2.1.1 and 2.1.2, POST and PUT), a stall
while the first copy is still being stored, and a connection dropped after storing. Each statement
must reach it exactly once and no delivered statement may become a dead letter."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from tracking import forwarding, services
from tracking.models import OutboxEntry

from .factories import ForwardingDestinationFactory
from .lrs_double import LRSDouble, different_copy

pytestmark = pytest.mark.django_db

LESSON = "http://testserver/xapi/activities/lesson/l1"


@pytest.fixture
def lrs():
    double = LRSDouble()
    double.up()
    yield double
    if double.server:
        double.down()


@pytest.fixture
def destination(lrs, settings):
    settings.XAPI_FORWARD_TIMEOUT = 1
    return ForwardingDestinationFactory(endpoint=lrs.endpoint)


def record_many(user, count):
    return [services.record(user=user, verb="experienced", activity_id=f"{LESSON}/{n}") for n in range(count)]


def as_sent(statement, destination):
    return forwarding.for_destination(json.loads(statement.raw), destination)


def ids(statements):
    return sorted(str(statement.statement_id) for statement in statements)


def after_backoff(settings, attempts=1):
    return timezone.now() + timedelta(seconds=settings.XAPI_FORWARD_BACKOFF_SECONDS * 2**attempts + 1)


def assert_exactly_once(lrs, statements):
    assert sorted(lrs.inserts) == ids(statements)
    assert set(lrs.inserts.values()) == {1}


def test_a_batch_stored_but_unanswered_is_delivered_on_resend_not_dead(lrs, destination, make_user, settings):
    statements = record_many(make_user(), 100)
    lrs.drop_after_store = 1
    assert forwarding.drain()["sent"] == 0
    assert OutboxEntry.objects.filter(status=OutboxEntry.Status.PENDING, attempts=1).count() == 100

    # The resend meets 409 for every id; the forwarder fetches each and finds the same statement.
    result = forwarding.drain(now=after_backoff(settings))
    assert result == {"sent": 100, "failed": 0}
    assert not forwarding.dead_letters().exists()
    assert_exactly_once(lrs, statements)
    assert lrs.gets == 100


def test_a_resent_batch_mixing_stored_and_new_statements_delivers_the_new_ones(lrs, destination, make_user):
    statements = record_many(make_user(), 100)
    for statement in statements[:60]:
        lrs.hold(as_sent(statement, destination))
    assert forwarding.drain() == {"sent": 100, "failed": 0}
    assert not forwarding.dead_letters().exists()
    assert_exactly_once(lrs, statements)


def test_a_different_statement_under_the_same_id_is_a_dead_letter_with_that_reason(
    lrs, destination, make_user
):
    statements = record_many(make_user(), 3)
    lrs.hold(different_copy(as_sent(statements[1], destination)))
    assert forwarding.drain() == {"sent": 2, "failed": 1}
    dead = forwarding.dead_letters().get()
    assert dead.statement == statements[1]
    assert "different statement" in dead.last_error
    assert str(statements[1].statement_id) in dead.last_error
    # Retrying it meets the same conflict: still a real one, never silently "delivered".
    forwarding.retry_dead()
    forwarding.drain()
    assert forwarding.dead_letters().get().statement == statements[1]


def test_a_statement_voided_at_the_destination_counts_as_delivered(lrs, destination, make_user):
    user = make_user()
    (statement,) = record_many(user, 1)
    sent = as_sent(statement, destination)
    lrs.hold(sent)
    lrs.voided.add(sent["id"])
    assert forwarding.drain() == {"sent": 1, "failed": 0}


def test_a_stalled_lrs_gets_each_batch_once_and_nothing_becomes_dead(lrs, destination, make_user, settings):
    statements = record_many(make_user(), 100)
    lrs.stall_seconds = 2.5  # longer than the 1 s request timeout
    assert forwarding.drain()["sent"] == 0
    # The first copy is still being stored when the request times out; the HTTP layer must not
    # send a second one. Wait for the stalled request to finish, then let the outbox retry.
    for _ in range(50):
        if len(lrs.inserts) == 100:
            break
        threading_sleep(0.1)
    lrs.stall_seconds = 0
    assert lrs.posts == 1
    assert forwarding.drain(now=after_backoff(settings))["sent"] == 100
    assert not forwarding.dead_letters().exists()
    assert_exactly_once(lrs, statements)


def test_a_worker_killed_mid_drain_leaves_a_claim_that_goes_stale_after_a_few_timeouts(
    lrs, destination, make_user, settings
):
    settings.XAPI_FORWARD_TIMEOUT = 10
    settings.XAPI_FORWARD_CLAIM_LEASE_SECONDS = None
    statements = record_many(make_user(), 5)
    # The killed worker had claimed the batch and the external LRS had stored it.
    for statement in statements:
        lrs.hold(as_sent(statement, destination))
    claimed = timezone.now() - timedelta(seconds=31)
    OutboxEntry.objects.update(status=OutboxEntry.Status.SENDING, claimed_at=claimed)
    assert forwarding.claim_lease() == timedelta(seconds=30)  # three request timeouts
    assert forwarding.drain() == {"sent": 5, "failed": 0}
    assert_exactly_once(lrs, statements)


def test_a_fresh_claim_is_left_to_the_worker_holding_it(destination, make_user, settings):
    settings.XAPI_FORWARD_TIMEOUT = 10
    settings.XAPI_FORWARD_CLAIM_LEASE_SECONDS = None
    record_many(make_user(), 1)
    OutboxEntry.objects.update(
        status=OutboxEntry.Status.SENDING, claimed_at=timezone.now() - timedelta(seconds=15)
    )
    assert forwarding.drain(client=forwarding.RecordingClient()) == {"sent": 0, "failed": 0}


def test_the_claim_lease_is_a_setting_but_never_shorter_than_two_timeouts(settings):
    settings.XAPI_FORWARD_TIMEOUT = 10
    settings.XAPI_FORWARD_CLAIM_LEASE_SECONDS = 120
    assert forwarding.claim_lease() == timedelta(seconds=120)
    settings.XAPI_FORWARD_CLAIM_LEASE_SECONDS = 5
    assert forwarding.claim_lease() == timedelta(seconds=20)


def test_the_http_layer_never_retries_a_post_or_a_put():
    client = forwarding.HTTPClient()
    for scheme in ("http://", "https://"):
        retry = client.session.get_adapter(scheme).max_retries
        for method in ("POST", "PUT"):
            assert not retry._is_method_retryable(method)
            assert not retry.is_retry(method, 503)
        assert retry._is_method_retryable("GET")


def threading_sleep(seconds):
    import time

    time.sleep(seconds)
