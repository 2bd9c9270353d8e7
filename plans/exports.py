"""The plan as PDF, CSV and iCalendar, and the invitation e-mail. Exports are built on request and
streamed by permission-checked views; nothing is written to public storage."""

import csv
import datetime
import io

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext

from . import selectors
from .permissions import READ_ALL
from .vocabulary import ROLE_LABELS


def file_name(plan):
    return f"integration-plan-{slugify(plan.hire_name) or plan.pk}-{plan.start_date.isoformat()}"


def _owner_label(task):
    if task.owner_id:
        return task.owner.get_full_name() or task.owner.email
    return task.external_owner


def plan_pdf(plan, user, access):
    from weasyprint import HTML

    tasks = list(selectors.tasks_for(plan, user, access if access in READ_ALL else READ_ALL[0]))
    context = {
        "plan": plan,
        "phases": selectors.phases_of(tasks),
        "people": selectors.people_of(plan),
        "meetings": plan.meetings.select_related("mentor"),
        "outcomes": selectors.outcomes_of(plan),
        "role_labels": ROLE_LABELS,
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
        "language": translation.get_language(),
        "generated": timezone.localtime(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    html = render_to_string("plans/pdf.html", context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def plan_csv(plan):
    buffer = io.StringIO()
    # A byte-order mark makes spreadsheet programs read the file as UTF-8 (Arabic names, umlauts).
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(
        ["phase", "step", "task", "role", "owner", "due_on", "done_on", "note", "official_source"]
    )
    for task in plan.tasks.select_related("owner").order_by("phase_number", "position", "due_on", "pk"):
        writer.writerow(
            [
                task.phase_title,
                task.step_title,
                task.title,
                str(ROLE_LABELS.get(task.role, task.role)),
                _owner_label(task),
                task.due_on.isoformat(),
                timezone.localtime(task.done_at).date().isoformat() if task.done_at else "",
                task.done_note,
                task.source_url,
            ]
        )
    return buffer.getvalue()


def plan_ical(plan, request):
    from icalendar import Calendar, Event

    host = request.get_host().split(":")[0] or "comein.example"
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Integration plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{plan.hire_name} · {plan.hire_role}")
    stamp = timezone.now()
    for task in plan.tasks.select_related("owner").order_by("due_on", "pk"):
        event = Event()
        event.add("uid", f"plan-{plan.pk}-task-{task.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", task.title)
        event.add("dtstart", task.due_on)
        event.add("dtend", task.due_on + datetime.timedelta(days=1))
        owner = _owner_label(task)
        description = "\n".join(
            part for part in [task.guidance, owner and f"{ROLE_LABELS[task.role]}: {owner}"] if part
        )
        if description:
            event.add("description", description)
        if task.done_at:
            event.add("categories", ["done"])
        calendar.add_component(event)
    for meeting in plan.meetings.select_related("mentor"):
        event = Event()
        event.add("uid", f"plan-{plan.pk}-meeting-{meeting.pk}@{host}")
        event.add("dtstamp", stamp)
        with translation.override(plan.language):
            event.add("summary", f"{gettext('Mentoring')} · {plan.hire_name}")
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.starts_at + datetime.timedelta(hours=1))
        if meeting.place:
            event.add("location", meeting.place)
        if meeting.goal:
            event.add("description", meeting.goal)
        calendar.add_component(event)
    return calendar.to_ical()


def send_invitation(request, invitation):
    plan = invitation.plan
    with translation.override(plan.hire_language):
        url = request.build_absolute_uri(reverse("plans:accept_invitation", args=[invitation.token]))
        context = {"plan": plan, "url": url, "site_name": settings.WAGTAIL_SITE_NAME}
        subject = render_to_string("plans/email/invitation_subject.txt", context).strip()
        body = render_to_string("plans/email/invitation_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
