"""Admin: a "Course progress" report for content admins (enrolled, completed, average progress)."""

from django.contrib.auth.decorators import permission_required
from django.db.models import Avg, Count, Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import CoursePage, Enrolment


class CourseProgressMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_enrolment")


@permission_required("courses.view_enrolment", raise_exception=True)
def course_progress_report(request):
    """One row per course (all its languages together): one query for courses, one for figures."""
    courses = {}
    for course in CoursePage.objects.select_related("locale").order_by("path"):
        # Show each course once, preferably in the default language version.
        if course.translation_key not in courses or course.locale.language_code == "en":
            courses[course.translation_key] = course
    figures = {
        row["course_key"]: row
        for row in Enrolment.objects.values("course_key").annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            average_progress=Avg("progress_percent"),
            average_score=Avg("best_score"),
        )
    }
    rows = []
    for key, course in courses.items():
        row = figures.get(key, {})
        score = row.get("average_score")
        rows.append(
            {
                "course": course,
                "enrolled": row.get("enrolled", 0),
                "completed": row.get("completed", 0),
                "average_progress": round(row["average_progress"])
                if row.get("average_progress") is not None
                else 0,
                "average_score": round(score * 100) if score is not None else None,
            }
        )
    return TemplateResponse(request, "courses/admin/course_progress.html", {"rows": rows})


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/course-progress/", course_progress_report, name="courses_progress_report")]


@hooks.register("register_reports_menu_item")
def register_course_progress_menu_item():
    return CourseProgressMenuItem(
        _("Course progress"),
        reverse("courses_progress_report"),
        name="course-progress",
        icon_name="list-ul",
        order=900,
    )
