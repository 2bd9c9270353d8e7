"""The "Integration plans" panel on the dashboard: own start, open tasks, and company retention."""

from . import selectors


def plans_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    companies = selectors.admin_companies(user)
    own = list(selectors.own_plans(user))
    open_tasks = selectors.open_task_count(user)
    if not companies and not own and not open_tasks:
        return None
    ids = [company.pk for company in companies]
    return {
        "template": "plans/dashboard_panel.html",
        "companies": companies,
        "own_plans": own,
        "open_tasks": open_tasks,
        "plan_count": selectors.plan_count(ids) if ids else 0,
        "retention": selectors.retention(ids) if ids else [],
    }
