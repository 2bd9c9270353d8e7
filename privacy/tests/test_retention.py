from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.utils.formats import date_format
from freezegun import freeze_time

from privacy import tasks
from privacy.models import AuditEvent, Erasure, RetentionWarning
from privacy.services import run_retention

pytestmark = pytest.mark.django_db

LAST_LOGIN = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def retention(settings):
    settings.ACCOUNT_RETENTION_MONTHS = 12
    settings.PRIVACY_RETENTION_WARNING_DAYS = [30, 7]


@pytest.fixture
def sleeper(make_user):
    # Inactive since 10 January 2025: with 12 months, the account goes on 10 January 2026.
    return make_user(email="sleeper@example.org", last_login=LAST_LOGIN, date_joined=LAST_LOGIN)


def warnings_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_two_warnings_then_deletion_exactly_once(retention, sleeper, make_user):
    active = make_user(email="active@example.org", last_login=datetime(2025, 12, 1, tzinfo=UTC))
    with freeze_time("2025-12-01"):
        assert run_retention() == (0, 0)
    with freeze_time("2025-12-11 08:00"):
        assert run_retention() == (0, 0)
    with freeze_time("2025-12-11 10:00"):  # 30 days before: the first warning
        assert run_retention() == (1, 0)
        assert run_retention() == (0, 0)  # the beat task running twice sends nothing more
        tasks.apply_retention.delay()
    assert len(warnings_to("sleeper@example.org")) == 1
    assert date_format(date(2026, 1, 10)) in warnings_to("sleeper@example.org")[0].body
    with freeze_time("2026-01-03 11:00"):  # 7 days before: the second warning
        assert run_retention() == (1, 0)
        assert run_retention() == (0, 0)
    with freeze_time("2026-01-10 09:00"):
        assert run_retention() == (0, 0)
    with freeze_time("2026-01-10 11:00"):
        assert run_retention() == (0, 1)
        assert run_retention() == (0, 0)
    assert len(warnings_to("sleeper@example.org")) == 2
    sleeper.refresh_from_db()
    assert sleeper.is_erased and Erasure.objects.get().reason == Erasure.Reason.RETENTION
    assert not warnings_to("active@example.org")
    active.refresh_from_db()
    assert not active.is_erased
    assert AuditEvent.objects.filter(action=AuditEvent.Action.RETENTION_WARNING).count() == 2


def test_logging_in_after_a_warning_keeps_the_account(retention, sleeper):
    with freeze_time("2025-12-12"):
        assert run_retention() == (1, 0)
    sleeper.last_login = datetime(2025, 12, 20, tzinfo=UTC)
    sleeper.save()
    with freeze_time("2026-01-11"):
        assert run_retention() == (0, 0)
    sleeper.refresh_from_db()
    assert not sleeper.is_erased


def test_an_account_found_late_still_gets_both_warnings_in_time(retention, sleeper):
    # Retention switched on long after the person left: nobody is deleted without notice.
    with freeze_time("2026-06-01"):
        assert run_retention() == (1, 0)
    first = warnings_to("sleeper@example.org")[0]
    assert date_format(date(2026, 7, 1)) in first.body
    with freeze_time("2026-06-02"):
        assert run_retention() == (0, 0)  # the second warning waits for its own date
    with freeze_time("2026-06-24"):
        assert run_retention() == (1, 0)
    with freeze_time("2026-06-30"):
        assert run_retention() == (0, 0)
    with freeze_time("2026-07-01 01:00"):
        assert run_retention() == (0, 1)
    assert RetentionWarning.objects.count() == 0  # the erased account's warnings went with it


def test_retention_is_off_by_default(settings, sleeper):
    settings.ACCOUNT_RETENTION_MONTHS = 0
    with freeze_time("2030-01-01"):
        assert run_retention() == (0, 0)


def test_administrators_are_never_deleted_for_inactivity(retention, make_user):
    make_user(email="admin@example.org", is_staff=True, last_login=LAST_LOGIN)
    with freeze_time("2027-01-01"):
        for _ in range(3):
            assert run_retention() == (0, 0)


def test_beat_runs_retention_daily_and_clears_old_exports_hourly(settings):
    assert settings.CELERY_BEAT_SCHEDULE["privacy-retention"]["task"] == "privacy.tasks.apply_retention"
    assert (
        settings.CELERY_BEAT_SCHEDULE["privacy-remove-old-exports"]["task"]
        == "privacy.tasks.remove_old_exports"
    )
