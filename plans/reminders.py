"""The daily reminders: tasks due soon and overdue to their owners, permit expiry to the plan's HR
owner at 90, 30 and 7 days, and follow-up check-ins at three months, one year and three years.

Every reminder is claimed in ``SentReminder`` before its e-mail goes out. The unique key (kind, plan,
key) makes a second run, or two runs at once, skip what was claimed already: each reminder goes out
at most once. Rows are claimed in bulk with the run's id, so the run sends exactly the rows it
inserted, whatever the database."""

import datetime
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import selectors
from .models import FollowUpOutcome, IntegrationPlan, PlanTask, SentReminder

CLAIM_BATCH = 2000


def _language_of(user, plan):
    return user.preferred_language or plan.language or settings.LANGUAGE_CODE


def _claim(run, rows):
    """Insert the claims; return the ones this run holds (a conflicting row belongs to another run)."""
    for start in range(0, len(rows), CLAIM_BATCH):
        SentReminder.objects.bulk_create(rows[start : start + CLAIM_BATCH], ignore_conflicts=True)
    return SentReminder.objects.filter(run=run)


def _task_candidates(today):
    """Open tasks due soon and overdue ones. Already-reminded tasks are not filtered out here: the
    claim's ON CONFLICT DO NOTHING skips them, which costs the same whatever the table statistics
    say (an anti-join on a freshly filled reminder table can get a very slow plan)."""
    soon = today + datetime.timedelta(days=settings.PLANS_DUE_SOON_DAYS)
    open_tasks = PlanTask.objects.filter(done_at__isnull=True, plan__status=IntegrationPlan.Status.ACTIVE)
    due = open_tasks.filter(due_on__gte=today, due_on__lte=soon)
    # A task that was overdue already when the plan was made (a start date in the past) is not news.
    overdue = open_tasks.filter(due_on__lt=today, due_on__gte=F("plan__created_at__date"))
    return due, overdue


def send_task_reminders(today, run):
    due, overdue = _task_candidates(today)
    rows = []
    for kind, queryset in ((SentReminder.Kind.TASK_DUE, due), (SentReminder.Kind.TASK_OVERDUE, overdue)):
        for task_id, plan_id, owner_id, hr_id in queryset.values_list(
            "pk", "plan_id", "owner_id", "plan__hr_owner_id"
        ).iterator(chunk_size=5000):
            rows.append(
                SentReminder(
                    kind=kind,
                    plan_id=plan_id,
                    task_id=task_id,
                    key=str(task_id),
                    recipient_id=owner_id or hr_id,
                    run=run,
                    sent_on=today,
                )
            )
    claimed = _claim(run, rows).filter(kind__in=[SentReminder.Kind.TASK_DUE, SentReminder.Kind.TASK_OVERDUE])
    by_recipient = defaultdict(lambda: {"due": [], "overdue": []})
    for claim in claimed.select_related("recipient", "task", "task__plan"):
        bucket = "due" if claim.kind == SentReminder.Kind.TASK_DUE else "overdue"
        by_recipient[claim.recipient][bucket].append(claim.task)
    sent = 0
    with get_connection() as connection:
        for recipient, tasks in by_recipient.items():
            plan = (tasks["due"] or tasks["overdue"])[0].plan
            context = {
                "recipient": recipient,
                "due": sorted(tasks["due"], key=lambda task: task.due_on),
                "overdue": sorted(tasks["overdue"], key=lambda task: task.due_on),
                "count": len(tasks["due"]) + len(tasks["overdue"]),
            }
            _send(recipient, plan, "tasks", context, connection)
            sent += 1
    return sent


def send_permit_alerts(today, run):
    thresholds = sorted(settings.PLANS_PERMIT_ALERT_DAYS)
    plans = IntegrationPlan.objects.filter(
        status=IntegrationPlan.Status.ACTIVE,
        permit_expires_on__gte=today,
        permit_expires_on__lte=today + datetime.timedelta(days=thresholds[-1]),
    ).select_related("hr_owner")
    rows, by_key = [], {}
    for plan in plans:
        days = (plan.permit_expires_on - today).days
        # The tightest threshold reached: a missed run never sends a stale "90 days" after "30 days".
        threshold = next(limit for limit in thresholds if days <= limit)
        key = f"{plan.permit_expires_on.isoformat()}:{threshold}"
        rows.append(
            SentReminder(
                kind=SentReminder.Kind.PERMIT,
                plan=plan,
                key=key,
                recipient=plan.hr_owner,
                run=run,
                sent_on=today,
            )
        )
        by_key[(plan.pk, key)] = (plan, days)
    sent = 0
    claimed = _claim(run, rows).filter(kind=SentReminder.Kind.PERMIT)
    with get_connection() as connection:
        for claim in claimed:
            plan, days = by_key[(claim.plan_id, claim.key)]
            _send(plan.hr_owner, plan, "permit", {"recipient": plan.hr_owner, "days": days}, connection)
            sent += 1
    return sent


def send_check_ins(today, run):
    order = list(selectors.MILESTONE_MONTHS)
    earliest = today - datetime.timedelta(days=3 * 366 + 31)
    plans = (
        IntegrationPlan.objects.filter(
            status=IntegrationPlan.Status.ACTIVE,
            start_date__lte=selectors.add_months(today, -3),
            start_date__gte=earliest,
        )
        .select_related("hr_owner")
        .prefetch_related("outcomes")
    )
    rows, due = [], {}
    for plan in plans:
        dates = selectors.milestone_dates(plan)
        reached = [key for key in order if dates[key] <= today]
        if not reached:
            continue
        key = reached[-1]
        if any(outcome.milestone == key for outcome in plan.outcomes.all()):
            continue
        rows.append(
            SentReminder(
                kind=SentReminder.Kind.CHECK_IN,
                plan=plan,
                key=key,
                recipient=plan.hr_owner,
                run=run,
                sent_on=today,
            )
        )
        due[(plan.pk, key)] = plan
    sent = 0
    labels = dict(FollowUpOutcome.Milestone.choices)
    claimed = _claim(run, rows).filter(kind=SentReminder.Kind.CHECK_IN)
    with get_connection() as connection:
        for claim in claimed:
            plan = due[(claim.plan_id, claim.key)]
            context = {"recipient": plan.hr_owner, "key": claim.key, "label": labels[claim.key]}
            _send(plan.hr_owner, plan, "checkin", context, connection)
            sent += 1
    return sent


def _send(recipient, plan, name, context, connection):
    with translation.override(_language_of(recipient, plan)):
        context = {
            **context,
            "plan": plan,
            "site_url": settings.SITE_URL,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if "label" in context:
            context["milestone"] = str(context["label"])
        subject = render_to_string(f"plans/email/{name}_subject.txt", context).strip()
        body = render_to_string(f"plans/email/{name}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email], connection=connection)


def send_daily(today=None):
    """Run every kind of reminder for ``today``; returns how many e-mails each kind sent."""
    today = today or timezone.localdate()
    run = uuid.uuid4()
    return {
        "tasks": send_task_reminders(today, run),
        "permits": send_permit_alerts(today, run),
        "check_ins": send_check_ins(today, run),
    }
