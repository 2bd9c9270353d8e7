"""What plans holds about a person: plans in which they are the new hire (name, languages, permit),
plans they own or have a role in, their tasks, mentoring meetings, drafts and reminders."""

from django.db.models import Q

from privacy.registry import register

from .models import (
    FollowUpOutcome,
    HireInvitation,
    IntegrationPlan,
    MentoringMeeting,
    PlanDraft,
    PlanRole,
    PlanTask,
    SentReminder,
)

MEETING_TEXTS = ["place", "frame", "rapport", "goal", "action_plan", "evaluation", "outcome", "next_steps"]


def _plan(plan):
    return {
        "organisation_id": plan.organisation_id,
        "new_hire_name": plan.hire_name,
        "role": plan.hire_role,
        "start_date": plan.start_date,
        "languages": plan.hire_languages,
        "language_of_own_view": plan.hire_language,
        "country": plan.country,
        "permit_type": plan.permit_type,
        "permit_expires_on": plan.permit_expires_on,
        "status": plan.status,
        "mentoring_summary": plan.mentoring_summary,
        "tasks": [
            {"title": t.title, "role": t.role, "due_on": t.due_on, "done_at": t.done_at, "note": t.done_note}
            for t in plan.tasks.order_by("position", "pk")
        ],
        "meetings": [
            {"starts_at": m.starts_at, **{field: getattr(m, field) for field in MEETING_TEXTS}}
            for m in plan.meetings.order_by("starts_at")
        ],
        "follow_up": [
            {"milestone": o.milestone, "still_employed": o.still_employed, "role": o.role, "note": o.note}
            for o in plan.outcomes.order_by("milestone")
        ],
    }


def export(user):
    as_hire = IntegrationPlan.objects.filter(
        Q(new_hire=user) | Q(invitations__email__iexact=user.email)
    ).distinct()
    return {
        "plans_about_me": [_plan(plan) for plan in as_hire.order_by("pk")],
        "plans_i_own": [
            {"plan": plan.pk, "new_hire": plan.hire_name, "start_date": plan.start_date}
            for plan in IntegrationPlan.objects.filter(hr_owner=user).order_by("pk")
        ],
        "my_roles_in_plans": [
            {"plan": role.plan_id, "role": role.role}
            for role in PlanRole.objects.filter(user=user).order_by("pk")
        ],
        "my_tasks": [
            {"plan": t.plan_id, "title": t.title, "due_on": t.due_on, "done_at": t.done_at}
            for t in PlanTask.objects.filter(Q(owner=user) | Q(done_by=user)).order_by("due_on", "pk")
        ],
        "meetings_i_mentored": [
            {"plan": m.plan_id, "starts_at": m.starts_at}
            for m in MentoringMeeting.objects.filter(mentor=user)
        ],
        "drafts": [{"started": d.updated_at, "data": d.data} for d in PlanDraft.objects.filter(author=user)],
        "reminders_sent_to_me": [
            {"kind": r.kind, "sent_on": r.sent_on} for r in SentReminder.objects.filter(recipient=user)
        ],
    }


def erase(user):
    # Plans about the person lose everything that describes them; the plan stays with the company,
    # which keeps its own tasks and the fact that someone was onboarded.
    about = IntegrationPlan.objects.filter(
        Q(new_hire=user) | Q(invitations__email__iexact=user.email)
    ).distinct()
    plan_ids = list(about.values_list("pk", flat=True))
    IntegrationPlan.objects.filter(pk__in=plan_ids).update(
        hire_name="–",
        hire_languages="",
        permit_type="other",
        permit_expires_on=None,
        mentoring_summary="",
        calendar_token="",
    )
    MentoringMeeting.objects.filter(plan_id__in=plan_ids).update(**dict.fromkeys(MEETING_TEXTS, ""))
    FollowUpOutcome.objects.filter(plan_id__in=plan_ids).update(note="", progression="")
    PlanTask.objects.filter(plan_id__in=plan_ids).update(done_note="")
    invitations = HireInvitation.objects.filter(
        Q(plan_id__in=plan_ids) | Q(email__iexact=user.email)
    ).delete()[0]
    drafts = PlanDraft.objects.filter(author=user).delete()[0]
    reminders = SentReminder.objects.filter(recipient=user).delete()[0]
    return {
        "plans_anonymised": len(plan_ids),
        "invitations": invitations,
        "drafts": drafts,
        "reminders": reminders,
    }


register(
    "plans",
    models=[
        "plans.IntegrationPlan",
        "plans.PlanRole",
        "plans.PlanTask",
        "plans.MentoringMeeting",
        "plans.FollowUpOutcome",
        "plans.HireInvitation",
        "plans.SentReminder",
        "plans.PlanDraft",
    ],
    export=export,
    erase=erase,
)
