"""Who may do what with a plan: the one place where plan access is decided.

A plan belongs to a company. Its company admins and its HR owner manage it; the direct manager sees
all of it and ticks off tasks; tutors, trainers and other task owners see the tasks that are theirs
(and a tutor the mentoring); the new hire sees only their own view. Everyone else, members of other
companies included, gets 404 for every plan URL."""

from django.http import Http404

from accounts.models import Membership
from accounts.selectors import roles_of

from .models import IntegrationPlan

FULL = "full"
MANAGER = "manager"
CONTRIBUTOR = "contributor"
HIRE = "hire"

# What each action needs, from the most to the least powerful access.
MANAGE = (FULL,)
READ_ALL = (FULL, MANAGER)
READ_OWN = (FULL, MANAGER, CONTRIBUTOR)
WELCOME = (FULL, HIRE)


def admin_company_ids(user):
    return {org for org, role in roles_of(user) if role == Membership.Role.COMPANY_ADMIN}


def access_to(user, plan):
    """The user's access to a plan, or None."""
    if not user.is_authenticated:
        return None
    roles = roles_of(user)
    member = any(org == plan.organisation_id for org, _role in roles)
    if member:
        if (plan.organisation_id, Membership.Role.COMPANY_ADMIN) in roles or plan.hr_owner_id == user.pk:
            return FULL
        if plan.new_hire_id == user.pk:
            return HIRE
        plan_roles = set(plan.roles.filter(user=user).values_list("role", flat=True))
        if "manager" in plan_roles:
            return MANAGER
        if plan_roles or plan.tasks.filter(owner=user).exists():
            return CONTRIBUTOR
    if plan.new_hire_id == user.pk:
        return HIRE
    return None


def plan_for(user, pk, allowed):
    """The plan with this id when the user's access is one of ``allowed``; otherwise 404."""
    plan = (
        IntegrationPlan.objects.select_related("organisation", "hr_owner", "new_hire").filter(pk=pk).first()
    )
    if plan is None:
        raise Http404
    access = access_to(user, plan)
    if access not in allowed:
        raise Http404
    return plan, access


def may_manage_company(user, organisation):
    return organisation.pk in admin_company_ids(user)


def may_tick(user, access, task):
    """Managers and full access tick any task; others only their own."""
    return access in READ_ALL or (access == CONTRIBUTOR and task.owner_id == user.pk)


def may_mentor(user, access, plan):
    return access == FULL or plan.roles.filter(user=user, role="tutor").exists()
