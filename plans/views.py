"""The plan builder's pages: wizard, plan (checklist and timeline), tasks, mentoring, follow-up,
exports, the calendar feed and the new hire's own view. Access is decided in ``permissions``."""

import hmac

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.models import Organisation

from . import exports, permissions, selectors, services
from .forms import (
    CloseMentoringForm,
    CustomTaskForm,
    DoneForm,
    HireForm,
    InviteForm,
    MeetingForm,
    MeetingOutcomeForm,
    OutcomeForm,
    OwnersForm,
    TaskForm,
    TemplatesForm,
)
from .models import FollowUpOutcome, HireInvitation, IntegrationPlan, PlanDraft
from .vocabulary import ROLE_LABELS

WIZARD_STEPS = ["hire", "templates", "owners"]
WIZARD_FIELDS = {
    "hire": list(HireForm.base_fields),
    "templates": ["templates"],
    "owners": list(OwnersForm.base_fields),
}
MULTI_VALUE_FIELDS = {"templates"}
MAX_DRAFT_VALUE = 2000


def _members(organisation):
    from accounts.selectors import members_of

    return members_of(organisation)


# --- list and wizard ---------------------------------------------------------------------------


@login_required
@never_cache
def index(request):
    return render(
        request,
        "plans/index.html",
        {
            "plans": selectors.visible_plans(request.user),
            "own_plans": selectors.own_plans(request.user),
            "companies": selectors.admin_companies(request.user),
            "drafts": PlanDraft.objects.filter(author=request.user).select_related("organisation")[:10],
        },
    )


def _company_for_admin(user, slug):
    organisation = Organisation.objects.filter(slug=slug, kind=Organisation.Kind.COMPANY).first()
    if organisation is None or not permissions.may_manage_company(user, organisation):
        raise Http404
    return organisation


@login_required
def start(request, company):
    organisation = _company_for_admin(request.user, company)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    draft = services.start_draft(organisation, request.user)
    return redirect("plans:wizard", draft=draft.uuid, step="hire")


def _draft_for(user, uuid):
    draft = PlanDraft.objects.select_related("organisation").filter(uuid=uuid, author=user).first()
    if draft is None or not permissions.may_manage_company(user, draft.organisation):
        raise Http404
    return draft


def _picked(post, step=None):
    """The wizard fields in a POST body, as the draft keeps them (strings, lists for multiple choices)."""
    names = WIZARD_FIELDS[step] if step else [name for names in WIZARD_FIELDS.values() for name in names]
    data = {}
    for name in names:
        if name in MULTI_VALUE_FIELDS:
            if name in post or step == "templates":
                data[name] = [value[:MAX_DRAFT_VALUE] for value in post.getlist(name)][:50]
        elif name in post:
            data[name] = post.get(name, "")[:MAX_DRAFT_VALUE]
    return data


def _hire_form(draft, data=None):
    return HireForm(data if data is not None else draft.data)


@login_required
@never_cache
def wizard(request, draft, step):
    if step not in WIZARD_STEPS:
        raise Http404
    draft = _draft_for(request.user, draft)
    language = translation.get_language()
    templates = selectors.templates_in(language)
    members = _members(draft.organisation)
    bound = request.method == "POST"
    if bound:
        services.save_draft(draft, _picked(request.POST, step))
    source = request.POST if bound else None
    if step == "hire":
        form = HireForm(source) if bound else HireForm(initial=draft.data)
    elif step == "templates":
        initial = {"templates": draft.data.get("templates") or _suggested_templates(draft, templates)}
        form = (
            TemplatesForm(source, templates=templates)
            if bound
            else TemplatesForm(initial=initial, templates=templates)
        )
    else:
        initial = {
            "hr": draft.data.get("hr") or request.user.pk,
            **{key: draft.data[key] for key in WIZARD_FIELDS["owners"] if draft.data.get(key)},
        }
        form = OwnersForm(source, members=members) if bound else OwnersForm(initial=initial, members=members)

    if bound and form.is_valid():
        if step == "hire":
            for warning in form.warnings:
                messages.warning(request, warning)
            return redirect("plans:wizard", draft=draft.uuid, step="templates")
        if step == "templates":
            return redirect("plans:wizard", draft=draft.uuid, step="owners")
        return _create_from_draft(request, draft, form, language)

    context = {"draft": draft, "step": step, "form": form, "steps": _step_links(draft, step)}
    if step == "owners":
        preview = _preview(draft, language, members)
        if preview is None:
            messages.error(
                request, _("Some details of the new hire are missing or wrong; please check them.")
            )
            return redirect("plans:wizard", draft=draft.uuid, step="hire")
        context["preview"] = preview
        context["role_labels"] = ROLE_LABELS
    if step == "hire" and not bound:
        check = HireForm(draft.data) if draft.data.get("start_date") else None
        if check is not None and check.is_valid():
            context["warnings"] = check.warnings
    return render(request, "plans/wizard.html", context)


def _suggested_templates(draft, templates):
    sector = draft.data.get("sector", "")
    return [str(t.translation_key) for t in templates if t.kind == "base" or (sector and t.sector == sector)]


def _step_links(draft, current):
    labels = {"hire": _("The new hire"), "templates": _("Templates"), "owners": _("Owners and dates")}
    return [
        {
            "name": name,
            "label": labels[name],
            "current": name == current,
            "url": reverse("plans:wizard", kwargs={"draft": draft.uuid, "step": name}),
        }
        for name in WIZARD_STEPS
    ]


def _preview(draft, language, members):
    hire = _hire_form(draft)
    chosen = TemplatesForm(draft.data, templates=selectors.templates_in(language))
    if not hire.is_valid() or not chosen.is_valid():
        return None
    tasks = services.planned_tasks(
        template_keys=chosen.cleaned_data["templates"],
        country=hire.cleaned_data["country"],
        language=language,
        start_date=hire.cleaned_data["start_date"],
        owners={},
    )
    return {"hire": hire.cleaned_data, "phases": selectors.phases_of(tasks), "count": len(tasks)}


def _create_from_draft(request, draft, owners_form, language):
    hire = _hire_form(draft)
    chosen = TemplatesForm(draft.data, templates=selectors.templates_in(language))
    if not hire.is_valid():
        messages.error(request, _("Some details of the new hire are missing or wrong; please check them."))
        return redirect("plans:wizard", draft=draft.uuid, step="hire")
    if not chosen.is_valid():
        messages.error(request, _("Choose at least one template."))
        return redirect("plans:wizard", draft=draft.uuid, step="templates")
    owners = {role: owners_form.cleaned_data.get(role) for role in ("hr", "manager", "tutor", "trainer")}
    plan = services.create_plan(
        organisation=draft.organisation,
        author=request.user,
        hire=hire.cleaned_data,
        template_keys=chosen.cleaned_data["templates"],
        owners=owners,
        adviser=owners_form.cleaned_data.get("adviser", ""),
        language=language,
        draft=draft,
    )
    for warning in hire.warnings:
        messages.warning(request, warning)
    messages.success(request, _("The plan is ready. Check the dates and owners."))
    return redirect("plans:detail", pk=plan.pk)


@login_required
def autosave(request, draft):
    """The wizard posts what is typed here every few seconds; nothing is validated, nothing is lost."""
    draft = _draft_for(request.user, draft)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    step = request.POST.get("step")
    if step not in WIZARD_STEPS:
        return JsonResponse({"error": _("Unknown step.")}, status=400)
    services.save_draft(draft, _picked(request.POST, step))
    return JsonResponse({"saved": timezone.localtime(draft.updated_at).strftime("%H:%M:%S")})


@login_required
def discard_draft(request, draft):
    draft = _draft_for(request.user, draft)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    draft.delete()
    messages.info(request, _("The draft is deleted."))
    return redirect("plans:index")


# --- the plan ---------------------------------------------------------------------------------


def _label_dates(tasks):
    """Format each distinct due date once: localized date formatting is the page's costliest filter."""
    labels = {}
    roles = {role: str(label) for role, label in ROLE_LABELS.items()}
    today = timezone.localdate()
    for task in tasks:
        task.role_label = roles.get(task.role, task.role)
        task.overdue = task.done_at is None and task.due_on < today
        if task.due_on not in labels:
            labels[task.due_on] = date_format(task.due_on, "DATE_FORMAT")
        task.due_label = labels[task.due_on]
        task.due_iso = task.due_on.isoformat()
    return tasks


def _plan_context(request, plan, access):
    tasks = _label_dates(list(selectors.tasks_for(plan, request.user, access)))
    return {
        "plan": plan,
        "access": access,
        "may_manage": access == permissions.FULL,
        "may_tick_all": access in permissions.READ_ALL,
        "tasks": tasks,
        "people": selectors.people_of(plan),
        "role_labels": ROLE_LABELS,
        "today": timezone.localdate(),
        "done_count": sum(1 for task in tasks if task.done_at),
        "may_mentor": permissions.may_mentor(request.user, access, plan),
        # Looked up once per page rather than once per task: a plan has about 60 tasks.
        "plan_url": reverse("plans:detail", args=[plan.pk]),
        "labels": {
            "overdue": _("overdue"),
            "no_owner": _("no owner yet"),
            "note": _("Note (optional)"),
            "mark_done": _("Mark done"),
            "reopen": _("Reopen"),
            "edit": _("Edit"),
        },
    }


@login_required
@never_cache
def detail(request, pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.READ_OWN)
    context = _plan_context(request, plan, access)
    context["phases"] = selectors.phases_of(context["tasks"])
    context["view"] = "checklist"
    context["milestones"] = selectors.milestone_dates(plan) if access == permissions.FULL else {}
    context["outcomes"] = selectors.outcomes_of(plan) if access == permissions.FULL else {}
    context["cases"] = selectors.related_cases(context["tasks"], translation.get_language())
    return render(request, "plans/plan_detail.html", context)


@login_required
@never_cache
def timeline(request, pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.READ_OWN)
    context = _plan_context(request, plan, access)
    context["weeks"] = selectors.timeline_of(context["tasks"], plan.start_date)
    context["view"] = "timeline"
    return render(request, "plans/plan_timeline.html", context)


@login_required
@never_cache
def edit(request, pk):
    plan, _access = permissions.plan_for(request.user, pk, permissions.MANAGE)
    initial = {name: getattr(plan, name) for name in HireForm.base_fields}
    form = HireForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in HireForm.base_fields if name not in {"country"}}
        services.update_hire(plan, data)
        for warning in form.warnings:
            messages.warning(request, warning)
        messages.success(request, _("The plan is saved."))
        return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/plan_edit.html", {"plan": plan, "form": form})


@login_required
@never_cache
def people(request, pk):
    plan, _access = permissions.plan_for(request.user, pk, permissions.MANAGE)
    members = _members(plan.organisation)
    current = selectors.people_of(plan)
    initial = {role: (current.get(role) or [None])[0] for role in ("hr", "manager", "tutor", "trainer")}
    initial = {role: user.pk for role, user in initial.items() if user is not None}
    form = OwnersForm(request.POST or None, initial=initial, members=members)
    if request.method == "POST" and form.is_valid():
        for role in ("manager", "tutor", "trainer"):
            user = form.cleaned_data.get(role)
            if user is not None:
                services.assign_role(plan, role, user)
        if form.cleaned_data["hr"] != plan.hr_owner:
            plan.hr_owner = form.cleaned_data["hr"]
            plan.save(update_fields=["hr_owner"])
            plan.tasks.filter(role="hr", done_at__isnull=True).update(owner=plan.hr_owner)
        if form.cleaned_data.get("adviser"):
            plan.tasks.filter(role="adviser").update(external_owner=form.cleaned_data["adviser"])
        messages.success(request, _("The people of the plan are saved; open tasks follow their role."))
        return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/plan_people.html", {"plan": plan, "form": form})


@login_required
def close(request, pk):
    plan, _access = permissions.plan_for(request.user, pk, permissions.MANAGE)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if request.POST.get("action") == "reopen":
        services.reopen_plan(plan)
        messages.success(request, _("The plan is open again; reminders start again."))
    else:
        services.close_plan(plan)
        messages.success(request, _("The plan is closed; no more reminders are sent for it."))
    return redirect("plans:detail", pk=plan.pk)


def _task_of(plan, task_pk):
    return get_object_or_404(plan.tasks.select_related("owner"), pk=task_pk)


@login_required
@never_cache
def task_edit(request, pk, task_pk):
    plan, _access = permissions.plan_for(request.user, pk, permissions.MANAGE)
    task = _task_of(plan, task_pk)
    members = _members(plan.organisation)
    initial = {"title": task.title, "due_on": task.due_on, "owner": task.owner_id, "guidance": task.guidance}
    form = TaskForm(request.POST or None, initial=initial, plan=plan, members=members, task=task)
    if request.method == "POST" and form.is_valid():
        services.update_task(task, **form.cleaned_data)
        messages.success(request, _("The task is saved."))
        return redirect(f"{reverse('plans:detail', args=[plan.pk])}#task-{task.pk}")
    return render(request, "plans/task_form.html", {"plan": plan, "task": task, "form": form})


@login_required
@never_cache
def task_add(request, pk):
    plan, _access = permissions.plan_for(request.user, pk, permissions.MANAGE)
    members = _members(plan.organisation)
    phases = selectors.phases_of(plan.tasks.all())
    form = CustomTaskForm(
        request.POST or None,
        plan=plan,
        members=members,
        phases=phases,
        initial={"due_on": plan.start_date, "role": "hr"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        task = services.add_custom_task(
            plan,
            title=data["title"],
            due_on=data["due_on"],
            owner=data["owner"],
            role=data["role"],
            guidance=data["guidance"],
            phase_number=data["phase"],
        )
        messages.success(request, _("The task is added."))
        return redirect(f"{reverse('plans:detail', args=[plan.pk])}#task-{task.pk}")
    return render(request, "plans/task_form.html", {"plan": plan, "form": form, "adding": True})


@login_required
def task_done(request, pk, task_pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.READ_OWN + (permissions.HIRE,))
    task = _task_of(plan, task_pk)
    hire_may = access == permissions.HIRE and task.role == "hire"
    if not (permissions.may_tick(request.user, access, task) or hire_may):
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = DoneForm(request.POST)
    back = request.POST.get("next", "")
    target = back if back in {"timeline", "welcome"} else "detail"
    if not form.is_valid():
        messages.error(request, _("The note is too long (at most 2,000 characters)."))
    elif request.POST.get("action") == "reopen":
        services.reopen(task)
        messages.success(request, _("The task is open again."))
    else:
        services.mark_done(task, request.user, form.cleaned_data["note"])
        messages.success(request, _("Done: %(task)s") % {"task": task.title})
    return redirect(f"{reverse('plans:' + target, args=[plan.pk])}#task-{task.pk}")


# --- mentoring --------------------------------------------------------------------------------


def _mentors(plan):
    people = selectors.people_of(plan)
    chosen = {user.pk for role in ("tutor", "hr", "manager") for user in people.get(role, [])}
    return _members(plan.organisation).filter(pk__in=chosen)


@login_required
@never_cache
def meetings(request, pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.READ_OWN)
    if not permissions.may_mentor(request.user, access, plan) and access != permissions.MANAGER:
        raise Http404
    may_schedule = permissions.may_mentor(request.user, access, plan) and not plan.mentoring_closed_at
    mentors = _mentors(plan)
    initial = {"mentor": request.user.pk if mentors.filter(pk=request.user.pk).exists() else None}
    form = MeetingForm(request.POST or None, mentors=mentors, initial=initial)
    if request.method == "POST":
        if not may_schedule:
            raise Http404
        if form.is_valid():
            services.schedule_meeting(plan, **form.cleaned_data)
            messages.success(request, _("The meeting is scheduled."))
            return redirect("plans:meetings", pk=plan.pk)
    return render(
        request,
        "plans/meetings.html",
        {
            "plan": plan,
            "form": form,
            "may_schedule": may_schedule,
            "meetings": plan.meetings.select_related("mentor"),
            "close_form": CloseMentoringForm(),
            "may_mentor": permissions.may_mentor(request.user, access, plan),
        },
    )


@login_required
@never_cache
def meeting(request, pk, meeting_pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.READ_OWN)
    if not permissions.may_mentor(request.user, access, plan):
        raise Http404
    item = get_object_or_404(plan.meetings, pk=meeting_pk)
    form = MeetingOutcomeForm(
        request.POST or None,
        initial={"evaluation": item.evaluation, "outcome": item.outcome, "next_steps": item.next_steps},
    )
    if request.method == "POST" and form.is_valid():
        services.record_meeting(item, **form.cleaned_data)
        messages.success(request, _("The outcome of the meeting is saved."))
        return redirect("plans:meetings", pk=plan.pk)
    return render(request, "plans/meeting.html", {"plan": plan, "meeting": item, "form": form})


@login_required
def close_mentoring(request, pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.READ_OWN)
    if not permissions.may_mentor(request.user, access, plan):
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = CloseMentoringForm(request.POST)
    if form.is_valid():
        services.close_mentoring(plan, form.cleaned_data["summary"])
        messages.success(request, _("The mentoring is closed."))
        return redirect("plans:meetings", pk=plan.pk)
    return render(
        request,
        "plans/meetings.html",
        {
            "plan": plan,
            "form": MeetingForm(mentors=_mentors(plan)),
            "may_schedule": False,
            "may_mentor": True,
            "meetings": plan.meetings.select_related("mentor"),
            "close_form": form,
        },
    )


# --- follow-up --------------------------------------------------------------------------------


@login_required
@never_cache
def outcome(request, pk, milestone):
    plan, _access = permissions.plan_for(request.user, pk, permissions.MANAGE)
    if milestone not in FollowUpOutcome.Milestone.values:
        raise Http404
    existing = plan.outcomes.filter(milestone=milestone).first()
    initial = {}
    if existing:
        initial = {
            "still_employed": "yes" if existing.still_employed else "no",
            "role": existing.role,
            "progression": existing.progression,
            "note": existing.note,
        }
    else:
        initial = {"role": plan.hire_role}
    form = OutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.record_outcome(plan, milestone, request.user, **form.cleaned_data)
        messages.success(request, _("The follow-up is saved."))
        return redirect("plans:detail", pk=plan.pk)
    label = FollowUpOutcome.Milestone(milestone).label
    return render(
        request,
        "plans/outcome_form.html",
        {"plan": plan, "form": form, "milestone": label, "due": selectors.milestone_dates(plan)[milestone]},
    )


# --- the new hire -----------------------------------------------------------------------------


@login_required
@never_cache
def invite(request, pk):
    plan, _access = permissions.plan_for(request.user, pk, permissions.MANAGE)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.invite_hire(plan, form.cleaned_data["email"])
        exports.send_invitation(request, invitation)
        messages.success(request, _("The invitation is sent."))
        return redirect("plans:detail", pk=plan.pk)
    return render(
        request,
        "plans/invite.html",
        {"plan": plan, "form": form, "invitations": plan.invitations.order_by("-created_at")},
    )


@login_required
@never_cache
def accept_invitation(request, token):
    invitation = HireInvitation.objects.select_related("plan").filter(token=token).first()
    if invitation is None or (invitation.accepted_at and invitation.plan.new_hire_id != request.user.pk):
        raise Http404
    if request.method == "POST":
        services.accept_invitation(invitation, request.user)
        return redirect("plans:welcome", pk=invitation.plan_id)
    return render(request, "plans/accept_invitation.html", {"invitation": invitation})


@login_required
@never_cache
def welcome(request, pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.WELCOME)
    language = translation.get_language()
    tasks = selectors.hire_tasks(plan, language)
    people = selectors.people_of(plan)
    return render(
        request,
        "plans/welcome.html",
        {
            "plan": plan,
            "preview": access != permissions.HIRE,
            "tasks": tasks,
            "weeks": selectors.timeline_of(tasks, plan.start_date),
            "tutors": people.get("tutor", []),
            "manager": (people.get("manager") or [None])[0],
            "meetings": plan.meetings.filter(starts_at__gte=timezone.now() - timezone.timedelta(days=1)),
            "today": timezone.localdate(),
        },
    )


# --- exports ----------------------------------------------------------------------------------


@login_required
def export_pdf(request, pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.READ_ALL)
    data = exports.plan_pdf(plan, request.user, access)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name(plan)}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def export_csv(request, pk):
    plan, access = permissions.plan_for(request.user, pk, permissions.READ_ALL)
    response = HttpResponse(exports.plan_csv(plan), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name(plan)}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@never_cache
def calendar(request, pk):
    plan, _access = permissions.plan_for(request.user, pk, permissions.MANAGE)
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_calendar_token(plan)
            messages.success(request, _("The calendar link is revoked; calendars using it get nothing more."))
        else:
            services.issue_calendar_token(plan)
            messages.success(request, _("A new calendar link is ready; any older link stops working."))
        return redirect("plans:calendar", pk=plan.pk)
    feed_url = (
        request.build_absolute_uri(reverse("plans:feed", args=[plan.pk, plan.calendar_token]))
        if plan.calendar_token
        else ""
    )
    return render(request, "plans/calendar.html", {"plan": plan, "feed_url": feed_url})


def feed(request, pk, token):
    """The plan's iCalendar feed. The token is the only credential: calendar apps cannot log in."""
    plan = IntegrationPlan.objects.filter(pk=pk).exclude(calendar_token="").first()
    if plan is None or not hmac.compare_digest(plan.calendar_token.encode(), token.encode()):
        raise Http404
    response = HttpResponse(exports.plan_ical(plan, request), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
