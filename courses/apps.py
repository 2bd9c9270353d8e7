"""Course → Module → Lesson pages, the lesson StreamField blocks, native quizzes, enrolment,
progress and completion rules. Progress is keyed by the pages' translation keys so every language
version of a course shares one enrolment and one progress record."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from accounts.dashboard import register_panel

        from .dashboard import my_learning_panel

        register_panel(10, my_learning_panel)
