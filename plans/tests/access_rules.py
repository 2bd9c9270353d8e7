"""Permission-matrix entries for integration plans. The plan, its draft, tasks, mentoring meeting,
invitation and calendar feed belong to the other organisation's company; the acting users hold no
role in it, so every plan URL answers 404 to them (superusers included: plans hold residence-permit
dates, and platform staff have no business reading them)."""

from django.urls import reverse

from website.tests.access import LOGIN, NOT_FOUND, OK, Rule, everyone, get, post, roles


def build(world):
    import datetime

    from django.utils import timezone

    from accounts.models import Membership
    from accounts.tests.factories import UserFactory
    from plans import demo, selectors, services
    from plans.tests.factories import member

    demo.load_templates()
    admin = member(world.org_b, Membership.Role.COMPANY_ADMIN, email="hr@other.example")
    templates = selectors.templates_in("en")
    start = timezone.localdate() + datetime.timedelta(days=21)
    world.plan = services.create_plan(
        organisation=world.org_b,
        author=admin,
        hire={
            "hire_name": "S. H.",
            "hire_role": "Warehouse operative",
            "start_date": start,
            "hire_language": "ar",
            "country": "DE",
            "sector": "logistics",
            "permit_type": "refugee",
            "permit_expires_on": start + datetime.timedelta(days=200),
        },
        template_keys=[str(t.translation_key) for t in templates if t.slug in {"default", "logistics"}],
        owners={"hr": admin, "tutor": world.other_learner},
        language="en",
    )
    world.plan_task = world.plan.tasks.first()
    world.plan_meeting = services.schedule_meeting(world.plan, admin, starts_at=timezone.now())
    world.plan_draft = services.start_draft(world.org_b, admin)
    world.plan_calendar_token = services.issue_calendar_token(world.plan)
    # An invitation the new hire has already accepted: nobody else may open it any more.
    world.plan_invitation = services.invite_hire(world.plan, "hire@other.example")
    services.accept_invitation(world.plan_invitation, UserFactory(email="hire@other.example"))


def plan_url(name, *args):
    return lambda w: reverse(f"plans:{name}", args=[w.plan.pk, *args])


def draft_url(name, *args):
    return lambda w: reverse(f"plans:{name}", args=[w.plan_draft.uuid, *args])


# No role in the plan's company: 404 for every plan URL, whoever asks.
NOT_THEIRS = roles(NOT_FOUND, anonymous=LOGIN)

RULES = [
    Rule(
        "plans:index",
        get(lambda w: reverse("plans:index")),
        roles(OK, anonymous=LOGIN),
        note="Lists only the plans the person has a part in.",
    ),
    Rule("plans:start", post(lambda w: reverse("plans:start", args=[w.org_b.slug])), NOT_THEIRS),
    Rule("plans:autosave", post(draft_url("autosave"), {"step": "hire", "hire_name": "X"}), NOT_THEIRS),
    Rule("plans:discard_draft", post(draft_url("discard_draft")), NOT_THEIRS),
    Rule("plans:wizard", get(draft_url("wizard", "hire")), NOT_THEIRS, note="Drafts are their author's."),
    Rule("plans:detail", get(plan_url("detail")), NOT_THEIRS),
    Rule("plans:timeline", get(plan_url("timeline")), NOT_THEIRS),
    Rule("plans:edit", get(plan_url("edit")), NOT_THEIRS),
    Rule("plans:people", get(plan_url("people")), NOT_THEIRS),
    Rule("plans:close", post(plan_url("close")), NOT_THEIRS),
    Rule("plans:task_add", get(plan_url("task_add")), NOT_THEIRS),
    Rule(
        "plans:task_edit",
        get(lambda w: reverse("plans:task_edit", args=[w.plan.pk, w.plan_task.pk])),
        NOT_THEIRS,
    ),
    Rule(
        "plans:task_done",
        post(lambda w: reverse("plans:task_done", args=[w.plan.pk, w.plan_task.pk]), {"note": ""}),
        NOT_THEIRS,
    ),
    Rule("plans:meetings", get(plan_url("meetings")), NOT_THEIRS),
    Rule("plans:close_mentoring", post(plan_url("close_mentoring"), {"summary": "Done."}), NOT_THEIRS),
    Rule(
        "plans:meeting",
        get(lambda w: reverse("plans:meeting", args=[w.plan.pk, w.plan_meeting.pk])),
        NOT_THEIRS,
    ),
    Rule("plans:outcome", get(plan_url("outcome", "3m")), NOT_THEIRS),
    Rule("plans:invite", get(plan_url("invite")), NOT_THEIRS),
    Rule("plans:welcome", get(plan_url("welcome")), NOT_THEIRS, note="Only the new hire and full access."),
    Rule("plans:pdf", get(plan_url("pdf")), NOT_THEIRS),
    Rule("plans:csv", get(plan_url("csv")), NOT_THEIRS),
    Rule("plans:calendar", get(plan_url("calendar")), NOT_THEIRS),
    Rule(
        "plans:feed",
        get(lambda w: reverse("plans:feed", args=[w.plan.pk, w.plan_calendar_token])),
        everyone(OK),
        note="The token is the credential (calendar apps cannot log in); revoking it ends the feed.",
    ),
    Rule(
        "plans:feed",
        get(lambda w: reverse("plans:feed", args=[w.plan.pk, "not-the-token"])),
        everyone(NOT_FOUND),
        note="A wrong token does not confirm that the plan exists.",
    ),
    Rule(
        "plans:accept_invitation",
        get(lambda w: reverse("plans:accept_invitation", args=[w.plan_invitation.token])),
        NOT_THEIRS,
        note="An invitation already accepted opens for the new hire only.",
    ),
]
