from datetime import date

import pytest
from django.core import mail
from freezegun import freeze_time

from certificates import services, tasks
from certificates.tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def expiring(make_user):
    """Expires on 30 June 2027: 60 days before is 1 May, 14 days before is 16 June."""
    holder = make_user(email="amal@example.org", preferred_language="en")
    return CertificateFactory(user=holder, expires_on=date(2027, 6, 30), course_title="Legal hiring")


def run_daily_reminders():
    return tasks.send_expiry_reminders.delay(60).get() + tasks.send_expiry_reminders.delay(14).get()


def test_no_reminder_61_days_before_expiry(expiring):
    with freeze_time("2027-04-30 09:00"):
        assert run_daily_reminders() == 0
    assert mail.outbox == []


def test_first_reminder_60_days_before_expiry(expiring):
    with freeze_time("2027-05-01 09:00"):
        assert run_daily_reminders() == 1
    assert mail.outbox[0].to == ["amal@example.org"]
    assert "60 days" in mail.outbox[0].subject
    assert expiring.verification_url() in mail.outbox[0].body


def test_reminder_is_not_repeated_the_next_day(expiring):
    with freeze_time("2027-05-01 09:00"):
        run_daily_reminders()
    with freeze_time("2027-05-02 09:00"):
        assert run_daily_reminders() == 0
    assert len(mail.outbox) == 1


def test_second_reminder_14_days_before_expiry(expiring):
    with freeze_time("2027-05-01 09:00"):
        run_daily_reminders()
    with freeze_time("2027-06-15 09:00"):
        assert run_daily_reminders() == 0
    with freeze_time("2027-06-16 09:00"):
        assert run_daily_reminders() == 1
    with freeze_time("2027-06-17 09:00"):
        assert run_daily_reminders() == 0
    assert len(mail.outbox) == 2
    assert "14 days" in mail.outbox[1].subject


def test_missed_day_still_sends_the_reminder_once(expiring):
    """If beat was down on the 60th day, the next run catches up instead of skipping."""
    with freeze_time("2027-05-03 09:00"):
        assert run_daily_reminders() == 1
    assert "58 days" in mail.outbox[0].subject


def test_revoked_certificate_gets_no_reminder(expiring):
    services.revoke(expiring, reason="Fraud")
    with freeze_time("2027-05-01 09:00"):
        assert run_daily_reminders() == 0


def test_renewed_certificate_gets_no_reminder(expiring, make_user):
    CertificateFactory(
        user=expiring.user,
        course_key=expiring.course_key,
        issue_marker=f"after:{expiring.pk}",
        renews=expiring,
    )
    with freeze_time("2027-06-16 09:00"):
        assert run_daily_reminders() == 0


def test_reminder_is_written_in_the_holders_language(make_user):
    holder = make_user(preferred_language="de")
    CertificateFactory(user=holder, language="de", expires_on=date(2027, 6, 30), course_title="Legal hiring")
    with freeze_time("2027-06-16 09:00"):
        run_daily_reminders()
    assert "läuft in 14 Tagen ab" in mail.outbox[0].subject


def test_beat_schedule_runs_both_reminders(settings):
    entries = {
        name: entry
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
        if entry["task"] == "certificates.tasks.send_expiry_reminders"
    }
    assert sorted(entry["kwargs"]["days"] for entry in entries.values()) == [14, 60]
