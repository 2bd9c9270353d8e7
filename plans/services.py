"""Writes: building a plan from templates, editing it, mentoring, outcomes, tokens and invitations."""

import datetime

from django.db import transaction
from django.utils import timezone

from . import selectors
from .models import (
    FollowUpOutcome,
    HireInvitation,
    IntegrationPlan,
    MentoringMeeting,
    PlanDraft,
    PlanRole,
    PlanTask,
)

LEGAL_PHASE = 0


def planned_tasks(*, template_keys, country, language, start_date, owners, adviser=""):
    """The tasks a plan would get, unsaved: legal checks first, then each template's phases in order."""
    tasks = []
    checklist = selectors.legal_checklist_for(country, language)
    if checklist is not None:
        for position, bound in enumerate(checklist.items):
            value = bound.value
            tasks.append(
                PlanTask(
                    kind=PlanTask.Kind.LEGAL,
                    phase_number=LEGAL_PHASE,
                    phase_title=checklist.title,
                    step_title=value["topic"],
                    title=value["title"],
                    guidance=value["guidance"],
                    role="hr",
                    owner=owners.get("hr"),
                    due_on=start_date + datetime.timedelta(days=value["offset_days"]),
                    offset_days=value["offset_days"],
                    position=position,
                    template_key=f"{checklist.translation_key}:{bound.id}",
                    themes=["legal-and-permits"],
                    source_name=value["source_name"],
                    source_url=value["source_url"],
                )
            )
    phase_base = 0
    for key in template_keys:
        template = selectors.template_in(key, language)
        if template is None:
            continue
        last_phase = 0
        for position, entry in enumerate(selectors.template_tasks(template)):
            value = entry["task"]
            role = value["role"]
            last_phase = entry["phase_index"]
            lesson = value["lesson"]
            tasks.append(
                PlanTask(
                    kind=PlanTask.Kind.TEMPLATE,
                    phase_number=phase_base + entry["phase_index"],
                    phase_title=entry["phase"],
                    step_title=entry["step"],
                    title=value["title"],
                    guidance=value["guidance"],
                    role=role,
                    owner=owners.get(role),
                    external_owner=adviser if role == "adviser" else "",
                    due_on=start_date + datetime.timedelta(days=value["offset_days"]),
                    offset_days=value["offset_days"],
                    position=position,
                    template_key=entry["key"],
                    themes=list(value["themes"] or []),
                    lesson_id=lesson.pk if lesson else None,
                )
            )
        phase_base += last_phase
    return tasks


@transaction.atomic
def create_plan(*, organisation, author, hire, template_keys, owners, adviser="", language, draft=None):
    """Create the plan with its dated tasks; ``owners`` maps a role to a company member."""
    checklist = selectors.legal_checklist_for(hire["country"], language)
    hr_owner = owners.get("hr") or author
    owners = {**owners, "hr": hr_owner}
    plan = IntegrationPlan.objects.create(
        organisation=organisation,
        hire_name=hire["hire_name"],
        hire_role=hire["hire_role"],
        start_date=hire["start_date"],
        hire_languages=hire.get("hire_languages", ""),
        hire_language=hire.get("hire_language") or language,
        country=hire["country"],
        sector=hire.get("sector", ""),
        permit_type=hire["permit_type"],
        permit_expires_on=hire.get("permit_expires_on"),
        language=language,
        template_keys=list(template_keys),
        legal_checklist_reviewed=checklist.last_reviewed if checklist else None,
        hr_owner=hr_owner,
        created_by=author,
    )
    for role, user in owners.items():
        if user is not None and role != "hr":
            PlanRole.objects.get_or_create(plan=plan, role=role, user=user)
    tasks = planned_tasks(
        template_keys=template_keys,
        country=hire["country"],
        language=language,
        start_date=hire["start_date"],
        owners=owners,
        adviser=adviser,
    )
    for task in tasks:
        task.plan = plan
    PlanTask.objects.bulk_create(tasks)
    if draft is not None:
        draft.delete()
    return plan


def start_draft(organisation, author):
    return PlanDraft.objects.create(organisation=organisation, author=author, data={})


def save_draft(draft, data):
    """Keep what was typed, unvalidated; later steps read it back so nothing is lost."""
    draft.data = {**draft.data, **data}
    draft.save(update_fields=["data", "updated_at"])
    return draft


def update_hire(plan, data):
    for field, value in data.items():
        setattr(plan, field, value)
    plan.save()
    return plan


def update_task(task, *, title, due_on, owner, guidance=None):
    task.title = title
    task.due_on = due_on
    task.owner = owner
    fields = ["title", "due_on", "owner"]
    if guidance is not None:
        task.guidance = guidance
        fields.append("guidance")
    task.save(update_fields=fields)
    _keep_owner_role(task)
    return task


def _keep_owner_role(task):
    """An owner who is not yet in the plan becomes a contributor in the task's role, so they see it."""
    if (
        task.owner_id
        and task.owner_id != task.plan.hr_owner_id
        and task.role in {"manager", "tutor", "trainer"}
    ):
        PlanRole.objects.get_or_create(plan=task.plan, role=task.role, user=task.owner)


def add_custom_task(plan, *, title, due_on, owner, role, guidance="", phase_number=None):
    existing = plan.tasks.filter(phase_number=phase_number).first() if phase_number is not None else None
    task = PlanTask.objects.create(
        plan=plan,
        kind=PlanTask.Kind.CUSTOM,
        phase_number=phase_number if existing else 99,
        phase_title=existing.phase_title if existing else "",
        title=title,
        guidance=guidance,
        role=role,
        owner=owner,
        due_on=due_on,
        position=plan.tasks.count(),
    )
    _keep_owner_role(task)
    return task


def mark_done(task, user, note=""):
    task.done_at = timezone.now()
    task.done_by = user
    task.done_note = note
    task.save(update_fields=["done_at", "done_by", "done_note"])
    return task


def reopen(task):
    task.done_at = None
    task.done_by = None
    task.save(update_fields=["done_at", "done_by"])
    return task


def assign_role(plan, role, user):
    PlanRole.objects.filter(plan=plan, role=role).exclude(user=user).delete()
    PlanRole.objects.get_or_create(plan=plan, role=role, user=user)
    # Open tasks of that role follow the new person; finished ones keep who did them.
    plan.tasks.filter(role=role, done_at__isnull=True).update(owner=user)


def schedule_meeting(plan, mentor, **fields):
    return MentoringMeeting.objects.create(plan=plan, mentor=mentor, **fields)


def record_meeting(meeting, **fields):
    for field, value in fields.items():
        setattr(meeting, field, value)
    if meeting.outcome or meeting.next_steps:
        meeting.held_at = meeting.held_at or timezone.now()
    meeting.save()
    return meeting


def close_mentoring(plan, summary):
    plan.mentoring_closed_at = timezone.now()
    plan.mentoring_summary = summary
    plan.save(update_fields=["mentoring_closed_at", "mentoring_summary"])
    return plan


def close_plan(plan):
    plan.status = IntegrationPlan.Status.CLOSED
    plan.save(update_fields=["status"])
    return plan


def reopen_plan(plan):
    plan.status = IntegrationPlan.Status.ACTIVE
    plan.save(update_fields=["status"])
    return plan


def record_outcome(plan, milestone, user, **fields):
    outcome, _created = FollowUpOutcome.objects.update_or_create(
        plan=plan, milestone=milestone, defaults={**fields, "recorded_by": user}
    )
    return outcome


def issue_calendar_token(plan):
    plan.calendar_token = IntegrationPlan.new_calendar_token()
    plan.save(update_fields=["calendar_token"])
    return plan.calendar_token


def revoke_calendar_token(plan):
    plan.calendar_token = ""
    plan.save(update_fields=["calendar_token"])


def invite_hire(plan, email):
    return HireInvitation.objects.create(plan=plan, email=email.lower())


def accept_invitation(invitation, user):
    with transaction.atomic():
        plan = IntegrationPlan.objects.select_for_update().get(pk=invitation.plan_id)
        plan.new_hire = user
        plan.save(update_fields=["new_hire"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        plan.tasks.filter(role="hire", done_at__isnull=True).update(owner=user)
    return plan
