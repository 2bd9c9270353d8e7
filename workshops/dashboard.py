"""Panels on the personal dashboard: a trainer's cohorts, a participant's workshops and the link to
the company dashboard."""

from . import permissions
from .models import Cohort


def trainer_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    trained = list(permissions.cohorts_of_trainer(user)[:10])
    joined = list(Cohort.objects.filter(participants__user=user)[:10])
    may_create = bool(permissions.provider_organisations(user))
    if not (trained or joined or may_create):
        return None
    return {
        "template": "workshops/dashboard_panel.html",
        "trained": trained,
        "joined": joined,
        "may_create": may_create,
    }


def company_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    companies = permissions.managed_companies(user)
    if not companies:
        return None
    return {"template": "workshops/company_panel.html", "companies": companies}
