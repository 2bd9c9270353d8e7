"""Workshops: cohorts a trainer runs face to face or online (sessions, places, join codes, invitations,
CSV enrolment, attendance), the trainer's cohort dashboard and facilitation view, evaluation
templates (self-assessment on awareness, knowledge and skills; satisfaction) and their results, the
company admin's dashboard and the admin statistics page.

Progress is read through ``courses.selectors`` and ``tracking.selectors``; certificates are issued
through ``certificates.services``. This app owns no learner progress of its own."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from accounts.dashboard import register_panel

        from .dashboard import company_panel, trainer_panel

        register_panel(20, trainer_panel)
        register_panel(25, company_panel)
