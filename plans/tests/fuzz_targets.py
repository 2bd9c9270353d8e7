"""The plan builder's input surfaces for the fuzz harness (website/tests/fuzzing.py, docs/testing.md):
the wizard and its autosave, the plan's forms, tasks, mentoring, follow-up, exports, the calendar
feed and the new hire's invitation, called by the plan's company admin."""

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, ids, url_text

DATES = st.sampled_from(["2026-12-01", "2027-02-29", "01/12/2026", "0001-01-01", "9999-12-31"])
HIRE_FIELDS = [
    "hire_name",
    "hire_role",
    "start_date",
    "hire_languages",
    "hire_language",
    "country",
    "sector",
    "permit_type",
    "permit_expires_on",
]
OWNER_FIELDS = ["hr", "manager", "tutor", "trainer", "adviser"]
MEETING_FIELDS = ["mentor", "starts_at", "place", "frame", "rapport", "goal", "action_plan", "evaluation"]
VALID_HIRE = {
    "hire_name": "S. H.",
    "hire_role": "Warehouse operative",
    "start_date": "2026-12-01",
    "hire_language": "ar",
    "country": "DE",
    "sector": "logistics",
    "permit_type": "refugee",
}


def plan_of_company(context):
    """A company, its admin (logged in) and a colleague, a built plan, a draft, a meeting, a feed
    token and an open invitation."""
    import datetime

    from django.test import Client
    from django.utils import timezone

    from accounts.models import Membership
    from accounts.tests.factories import OrganisationFactory
    from plans import demo, selectors, services
    from plans.tests.factories import member

    demo.load_templates()
    company = OrganisationFactory(name="Demo Logistics GmbH", slug="demo-logistics", country="DE")
    admin = member(company, Membership.Role.COMPANY_ADMIN)
    colleague = member(company)
    keys = [
        str(t.translation_key) for t in selectors.templates_in("en") if t.slug in {"default", "logistics"}
    ]
    start = timezone.localdate() + datetime.timedelta(days=21)
    plan = services.create_plan(
        organisation=company,
        author=admin,
        hire={
            **VALID_HIRE,
            "start_date": start,
            "permit_expires_on": start + datetime.timedelta(days=200),
        },
        template_keys=keys,
        owners={"hr": admin, "tutor": colleague},
        language="en",
    )
    draft = services.start_draft(company, admin)
    services.save_draft(draft, {**VALID_HIRE, "templates": keys})
    meeting = services.schedule_meeting(plan, admin, starts_at=timezone.now())
    services.issue_calendar_token(plan)
    invitation = services.invite_hire(plan, "hire@example.org")
    client = Client()
    client.force_login(admin)
    return {
        "company": company,
        "plan": plan,
        "task": plan.tasks.first(),
        "draft": draft,
        "meeting": meeting,
        "invitation": invitation,
        "member_ids": [str(admin.pk), str(colleague.pk)],
        "admin_client": client,
    }


def as_admin(context):
    return context["admin_client"]


def plan_id(context):
    return st.one_of(st.just(str(context["plan"].pk)), ids)


def draft_uuid(context):
    return st.one_of(st.just(str(context["draft"].uuid)), st.uuids().map(str))


def member_values(context):
    return st.one_of(st.sampled_from(context["member_ids"]), ids, url_text, DATES)


def fields(names, extra=()):
    """Forms of the given fields, with member ids, dates and hostile text as values."""

    def strategy(context):
        return form_data(list(names) + list(extra), values=member_values(context))

    return strategy


def plan_target(url_name, method="POST", **kwargs):
    kwargs.setdefault("kwargs", {"pk": plan_id})
    return Target(url_name, method, setup=plan_of_company, client=as_admin, **kwargs)


def task_id(context):
    return st.one_of(st.just(str(context["task"].pk)), ids)


def meeting_id(context):
    return st.one_of(st.just(str(context["meeting"].pk)), ids)


def slugs(valid):
    return st.one_of(st.sampled_from(valid), url_text.filter(lambda text: text and "/" not in text))


TARGETS = [
    plan_target(
        "plans:start",
        kwargs={"company": lambda context: slugs(["demo-logistics", "other"])},
        form=form_data(["next"]),
    ),
    plan_target(
        "plans:autosave",
        kwargs={"draft": draft_uuid},
        form=fields(HIRE_FIELDS + OWNER_FIELDS, extra=["step", "templates"]),
    ),
    plan_target("plans:discard_draft", kwargs={"draft": draft_uuid}, form=form_data(["next"])),
    plan_target(
        "plans:wizard",
        kwargs={"draft": draft_uuid, "step": slugs(["hire", "templates", "owners"])},
        form=fields(HIRE_FIELDS + OWNER_FIELDS, extra=["templates"]),
    ),
    plan_target(
        "plans:wizard", "GET", kwargs={"draft": draft_uuid, "step": slugs(["hire", "templates", "owners"])}
    ),
    plan_target("plans:detail", "GET"),
    plan_target("plans:timeline", "GET"),
    plan_target("plans:edit", form=fields(HIRE_FIELDS)),
    plan_target("plans:people", form=fields(OWNER_FIELDS)),
    plan_target("plans:close", form=form_data(["action"], values=st.one_of(st.just("reopen"), url_text))),
    plan_target("plans:task_add", form=fields(["title", "due_on", "owner", "guidance", "role", "phase"])),
    plan_target(
        "plans:task_edit",
        kwargs={"pk": plan_id, "task_pk": task_id},
        form=fields(["title", "due_on", "owner", "guidance"]),
    ),
    plan_target(
        "plans:task_done",
        kwargs={"pk": plan_id, "task_pk": task_id},
        form=form_data(["note", "next", "action"]),
    ),
    plan_target("plans:meetings", form=fields(MEETING_FIELDS)),
    plan_target("plans:close_mentoring", form=form_data(["summary"])),
    plan_target(
        "plans:meeting",
        kwargs={"pk": plan_id, "meeting_pk": meeting_id},
        form=form_data(["evaluation", "outcome", "next_steps"]),
    ),
    plan_target(
        "plans:outcome",
        kwargs={"pk": plan_id, "milestone": lambda context: slugs(["3m", "1y", "3y"])},
        form=form_data(
            ["still_employed", "role", "progression", "note"],
            values=st.one_of(st.sampled_from(["yes", "no"]), url_text),
        ),
    ),
    plan_target(
        "plans:invite",
        form=form_data(["email"], values=st.one_of(st.just("hire@example.org"), url_text)),
    ),
    plan_target("plans:welcome", "GET"),
    plan_target("plans:pdf", "GET"),
    plan_target("plans:csv", "GET"),
    plan_target("plans:calendar", form=form_data(["action"], values=st.one_of(st.just("revoke"), url_text))),
    Target(
        "plans:feed",
        "GET",
        setup=plan_of_company,
        kwargs={
            "pk": plan_id,
            "token": lambda context: st.one_of(
                st.just(context["plan"].calendar_token), url_text.filter(lambda t: t and "/" not in t)
            ),
        },
    ),
    plan_target(
        "plans:accept_invitation",
        kwargs={
            "token": lambda context: st.one_of(
                st.just(context["invitation"].token), url_text.filter(lambda t: t and "/" not in t)
            )
        },
        form=form_data(["next"]),
    ),
]

NO_INPUT = {
    "plans:index": "lists the plans and drafts of the signed-in person; reads nothing from the request",
}
