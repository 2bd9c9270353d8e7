"""Reminders on the right days, exactly once, in the recipient's language; none for finished tasks or
closed plans. The clock is frozen with freezegun."""

import datetime

import pytest
from django.core import mail
from freezegun import freeze_time

from plans import reminders, services, tasks
from plans.models import SentReminder

from .factories import IntegrationPlanFactory, PlanTaskFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2027, 3, 1)


@pytest.fixture
def plan(db):
    with freeze_time("2027-01-10 08:00"):
        return IntegrationPlanFactory(start_date=START)


def run(day):
    with freeze_time(f"{day} 06:00"):
        mail.outbox.clear()
        result = tasks.send_daily_reminders.delay()
        return result.get(), list(mail.outbox)


def permit_mails(day):
    return [message for message in run(day)[1] if "permit" in message.subject]


def test_a_task_is_announced_two_days_before_it_is_due_and_once_more_when_overdue(plan):
    task = PlanTaskFactory(plan=plan, due_on=START, title="Prepare the workplace")
    assert run("2027-02-26")[1] == []
    _result, sent = run("2027-02-27")
    assert len(sent) == 1 and sent[0].to == [task.owner.email]
    assert "Prepare the workplace" in sent[0].body and "Due soon" in sent[0].body
    assert run("2027-02-28")[1] == []
    assert run("2027-03-01")[1] == []
    _result, sent = run("2027-03-02")
    assert len(sent) == 1 and "Overdue" in sent[0].body
    assert run("2027-03-03")[1] == []


def test_running_twice_on_the_same_day_sends_nothing_the_second_time(plan):
    PlanTaskFactory(plan=plan, due_on=START)
    assert len(run("2027-02-28")[1]) == 1
    assert run("2027-02-28")[1] == []
    assert SentReminder.objects.filter(kind="task-due").count() == 1


def test_tasks_of_one_owner_come_in_one_email(plan):
    for _ in range(3):
        PlanTaskFactory(plan=plan, due_on=START)
    _result, sent = run("2027-03-01")
    assert len(sent) == 1 and sent[0].subject.startswith("3 ")


def test_a_finished_task_gets_no_reminder(plan):
    task = PlanTaskFactory(plan=plan, due_on=START)
    services.mark_done(task, plan.hr_owner)
    assert run("2027-02-28")[1] == []
    assert run("2027-03-05")[1] == []


def test_a_closed_plan_gets_no_reminder_of_any_kind(plan):
    PlanTaskFactory(plan=plan, due_on=START)
    plan.permit_expires_on = datetime.date(2027, 6, 1)
    plan.save()
    services.close_plan(plan)
    for day in ("2027-02-28", "2027-03-05", "2027-03-03", "2027-05-25", "2027-06-01", "2028-03-01"):
        assert run(day)[1] == [], day


def test_an_unowned_task_goes_to_the_hr_owner(plan):
    PlanTaskFactory(plan=plan, due_on=START, owner=None)
    _result, sent = run("2027-03-01")
    assert sent[0].to == [plan.hr_owner.email]


def test_tasks_already_overdue_when_the_plan_was_made_are_not_reported(db):
    with freeze_time("2027-03-10 08:00"):
        late = IntegrationPlanFactory(start_date=START)
        PlanTaskFactory(plan=late, due_on=START - datetime.timedelta(days=14))
    assert run("2027-03-11")[1] == []


def test_permit_alerts_go_to_the_hr_owner_at_90_30_and_7_days_once_each(plan):
    plan.permit_expires_on = datetime.date(2027, 9, 30)
    plan.save()
    days_sent = []
    day = datetime.date(2027, 6, 25)
    while day <= datetime.date(2027, 10, 5):
        _result, sent = run(day.isoformat())
        permit_mails = [message for message in sent if "permit" in message.subject]
        if permit_mails:
            assert permit_mails[0].to == [plan.hr_owner.email]
            days_sent.append((plan.permit_expires_on - day).days)
        day += datetime.timedelta(days=1)
    assert days_sent == [90, 30, 7]


def test_a_missed_day_sends_only_the_tightest_alert(plan):
    plan.permit_expires_on = datetime.date(2027, 9, 30)
    plan.save()
    sent = permit_mails("2027-09-25")
    assert len(sent) == 1 and "5 days" in sent[0].subject


def test_an_extended_permit_is_announced_again(plan):
    plan.permit_expires_on = datetime.date(2027, 9, 30)
    plan.save()
    assert len(permit_mails("2027-09-25")) == 1
    plan.permit_expires_on = datetime.date(2027, 10, 2)
    plan.save()
    assert len(permit_mails("2027-09-26")) == 1


def test_check_ins_come_at_three_months_one_year_and_three_years(plan):
    expected = {"2027-06-01": "three months", "2028-03-01": "one year", "2030-03-01": "three years"}
    for day, words in expected.items():
        before = (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()
        assert [m for m in run(before)[1] if "Follow-up" in m.subject] == [], before
        _result, sent = run(day)
        follow = [m for m in sent if "Follow-up" in m.subject]
        assert len(follow) == 1 and words in follow[0].subject, day
        assert run(day)[1] == []


def test_a_recorded_outcome_stops_the_check_in(plan):
    services.record_outcome(plan, "3m", plan.hr_owner, still_employed=True, role="", progression="", note="")
    assert run("2027-06-01")[1] == []


def test_emails_are_in_the_recipients_language(plan):
    plan.hr_owner.preferred_language = "de"
    plan.hr_owner.save()
    PlanTaskFactory(plan=plan, due_on=START)
    _result, sent = run("2027-03-02")
    assert "Überfällig" in sent[0].body


def test_the_daily_task_is_in_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["plans-daily-reminders"]
    assert entry["task"] == "plans.tasks.send_daily_reminders"


def test_two_runs_claiming_at_once_never_send_a_reminder_twice(plan):
    import uuid

    PlanTaskFactory(plan=plan, due_on=START)
    first, second = uuid.uuid4(), uuid.uuid4()
    with freeze_time("2027-02-28 06:00"):
        # Both runs found the same candidate before either claimed it.
        today = datetime.date(2027, 2, 28)
        assert reminders.send_task_reminders(today, first) == 1
        assert reminders.send_task_reminders(today, second) == 0
