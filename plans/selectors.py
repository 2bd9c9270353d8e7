"""Reads of templates and plans that views, exports, reminders and the dashboard share."""

import datetime
from itertools import groupby

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import Membership
from accounts.selectors import members_of, roles_of
from cases.selectors import cases_for_themes

from .models import FollowUpOutcome, IntegrationPlan, LegalChecklist, PlanRole, PlanTask, PlanTemplate

MILESTONE_MONTHS = {"3m": 3, "1y": 12, "3y": 36}


def add_months(day, months):
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def milestone_dates(plan):
    return {key: add_months(plan.start_date, months) for key, months in MILESTONE_MONTHS.items()}


def _in_language(queryset, language):
    """One object per translation key: the one in ``language`` when it exists, else the source."""
    rows = list(queryset.select_related("locale"))
    chosen = {}
    for row in rows:
        current = chosen.get(row.translation_key)
        if current is None or row.locale.language_code == language:
            chosen[row.translation_key] = row
    return list(chosen.values())


def template_tasks(template):
    """Every task of a template in order, with its phase and step and a key stable across translations."""
    for phase_index, phase in enumerate(template.phases, start=1):
        for step in phase.value["steps"]:
            for bound in step["tasks"].bound_blocks:
                yield {
                    "phase_index": phase_index,
                    "phase": phase.value["title"],
                    "step": step["title"],
                    "key": f"{template.translation_key}:{bound.id}",
                    "task": bound.value,
                }


def templates_in(language):
    """Plan templates for the wizard: the base plans first, then the sectors."""
    templates = _in_language(PlanTemplate.objects.all(), language)
    return sorted(templates, key=lambda t: (t.kind != PlanTemplate.Kind.BASE, t.title))


def template_in(translation_key, language):
    rows = PlanTemplate.objects.filter(translation_key=translation_key).select_related("locale")
    picked = [row for row in rows if row.locale.language_code == language]
    return picked[0] if picked else (rows[0] if rows else None)


def legal_checklist_for(country, language):
    rows = list(LegalChecklist.objects.filter(country=country).select_related("locale"))
    picked = [row for row in rows if row.locale.language_code == language]
    return picked[0] if picked else (rows[0] if rows else None)


def locale_exists(language):
    return Locale.objects.filter(language_code=language).exists()


def company_members(organisation):
    return list(members_of(organisation))


def admin_companies(user):
    """Companies where the user is a company admin, i.e. may build plans."""
    ids = {org for org, role in roles_of(user) if role == Membership.Role.COMPANY_ADMIN}
    if not ids:
        return []
    from accounts.selectors import organisations_where

    return [org for org in organisations_where(user, Membership.Role.COMPANY_ADMIN) if org.kind == "company"]


def visible_plans(user):
    """Plans the user works on or manages, newest start first (not the new hire's own)."""
    if not user.is_authenticated:
        return IntegrationPlan.objects.none()
    roles = roles_of(user)
    member_of = {org for org, _role in roles}
    admin_of = {org for org, role in roles if role == Membership.Role.COMPANY_ADMIN}
    involved = (
        Q(hr_owner=user)
        | Exists(PlanRole.objects.filter(plan=OuterRef("pk"), user=user))
        | Exists(PlanTask.objects.filter(plan=OuterRef("pk"), owner=user))
    )
    return (
        IntegrationPlan.objects.filter(organisation__in=member_of)
        .filter(Q(organisation__in=admin_of) | involved)
        .select_related("organisation", "hr_owner")
        .annotate(
            open_tasks=Count("tasks", filter=Q(tasks__done_at__isnull=True)),
            task_count=Count("tasks"),
        )
        .order_by("-start_date", "pk")
    )


def own_plans(user):
    if not user.is_authenticated:
        return IntegrationPlan.objects.none()
    return IntegrationPlan.objects.filter(new_hire=user).select_related("organisation")


def tasks_for(plan, user, access):
    """The tasks this user sees: all of them, or only their own for tutors and other contributors."""
    from .permissions import READ_ALL

    tasks = plan.tasks.select_related("owner", "lesson").order_by("phase_number", "position", "due_on", "pk")
    if access not in READ_ALL:
        tasks = tasks.filter(owner=user)
    return tasks


def phases_of(tasks):
    """Tasks grouped by phase, in phase order: [(number, title, legal, [tasks])]."""
    result = []
    ordered = sorted(tasks, key=lambda task: (task.phase_number, task.position, task.due_on, task.pk))
    for (number, title), group in groupby(ordered, key=lambda task: (task.phase_number, task.phase_title)):
        group = list(group)
        result.append(
            {
                "number": number,
                "title": title,
                "legal": group[0].kind == PlanTask.Kind.LEGAL,
                "tasks": group,
                "done": sum(1 for task in group if task.done_at),
            }
        )
    return result


def timeline_of(tasks, start_date):
    """Tasks by week relative to the start date: [(week number, first day, [tasks])]."""
    weeks = []
    for week, group in groupby(
        sorted(tasks, key=lambda task: (task.due_on, task.position, task.pk)),
        key=lambda task: _week_number(task.due_on, start_date),
    ):
        weeks.append({"week": week, "before": -week if week < 0 else 0, "tasks": list(group)})
    return weeks


def _week_number(day, start_date):
    """Week 1 is the first working week; the week before the start is week -1 (there is no week 0)."""
    delta = (day - start_date).days
    return delta // 7 + 1 if delta >= 0 else -((-delta - 1) // 7 + 1)


def hire_tasks(plan, language):
    """The new hire's own tasks, their text in the hire's language where the template has it."""
    tasks = list(plan.tasks.filter(role="hire").order_by("due_on", "position", "pk"))
    keys = {task.template_key.split(":", 1)[0] for task in tasks if task.template_key}
    texts = {}
    for template in PlanTemplate.objects.filter(translation_key__in=keys, locale__language_code=language):
        for entry in template_tasks(template):
            texts[entry["key"]] = entry["task"]
    for task in tasks:
        block = texts.get(task.template_key)
        if block is not None:
            task.title = block["title"]
            task.guidance = block["guidance"]
    return tasks


def people_of(plan):
    """Role → list of users for the plan, the HR owner included."""
    people = {"hr": [plan.hr_owner]}
    for plan_role in plan.roles.select_related("user"):
        people.setdefault(plan_role.role, [])
        if plan_role.user not in people[plan_role.role]:
            people[plan_role.role].append(plan_role.user)
    return people


def related_cases(tasks, language, limit=3):
    """Cases of the library on the themes of these tasks."""
    themes = sorted({theme for task in tasks for theme in (task.themes or [])})
    if not themes:
        return []
    return list(cases_for_themes(themes, language=language, limit=limit))


def outcomes_of(plan):
    return {outcome.milestone: outcome for outcome in plan.outcomes.all()}


def retention(organisation_ids):
    """Per milestone: how many plans recorded an outcome and how many of those people still work there."""
    rows = (
        FollowUpOutcome.objects.filter(plan__organisation__in=organisation_ids)
        .values("milestone")
        .annotate(recorded=Count("pk"), employed=Count("pk", filter=Q(still_employed=True)))
    )
    by_milestone = {row["milestone"]: row for row in rows}
    result = []
    for value, label in FollowUpOutcome.Milestone.choices:
        row = by_milestone.get(value, {"recorded": 0, "employed": 0})
        rate = round(100 * row["employed"] / row["recorded"]) if row["recorded"] else None
        result.append(
            {
                "milestone": value,
                "label": label,
                "recorded": row["recorded"],
                "employed": row["employed"],
                "rate": rate,
            }
        )
    return result


def today():
    return timezone.localdate()


def open_task_count(user):
    return (
        PlanTask.objects.filter(owner=user, done_at__isnull=True, plan__status=IntegrationPlan.Status.ACTIVE)
        .exclude(plan__new_hire=user)
        .count()
    )


def plan_count(organisation_ids):
    return IntegrationPlan.objects.filter(organisation__in=organisation_ids).count()
