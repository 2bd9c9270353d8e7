"""Admin screens: evaluation templates (snippets), the evaluation results editors read, and the
platform statistics page."""

from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from courses import selectors as courses_selectors

from . import selectors
from .models import EvaluationTemplate
from .statistics import admin_statistics

register_snippet(EvaluationTemplate)


def statistics_view(request):
    # Wagtail lets only people who may use the admin reach admin URLs; the figures are aggregates.
    title = _("Statistics")
    return render(
        request,
        "workshops/admin/statistics.html",
        {"stats": admin_statistics(), "header_title": title, "page_title": title},
    )


def evaluations_view(request):
    """Satisfaction and suggestions of the cohorts of courses the editor may edit."""
    results = []
    for template in EvaluationTemplate.objects.filter(kind=EvaluationTemplate.Kind.SATISFACTION):
        for cohort in selectors.cohorts_using_template(template)[:50]:
            courses = courses_selectors.courses_for_keys(cohort.course_keys).values()
            if not request.user.is_superuser and not any(
                course.permissions_for_user(request.user).can_edit() for course in courses
            ):
                continue
            results.append(
                {
                    "cohort": cohort,
                    "courses": list(courses),
                    "summary": selectors.satisfaction_summary(cohort),
                }
            )
    title = _("Workshop feedback")
    return render(
        request,
        "workshops/admin/evaluations.html",
        {"results": results, "header_title": title, "page_title": title},
    )


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("workshops/statistics/", statistics_view, name="workshops_statistics"),
        path("workshops/evaluations/", evaluations_view, name="workshops_evaluations"),
    ]


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return MenuItem(_("Statistics"), reverse("workshops_statistics"), icon_name="table", order=900)


@hooks.register("register_reports_menu_item")
def evaluations_menu_item():
    return MenuItem(
        _("Workshop feedback"), reverse("workshops_evaluations"), icon_name="openquote", order=900
    )
