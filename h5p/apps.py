from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5PConfig(AppConfig):
    name = "h5p"
    label = "h5p"
    verbose_name = _("H5P activities")

    def ready(self):
        from courses.signals import course_restarted

        from .receivers import forget_course_attempt

        course_restarted.connect(forget_course_attempt, dispatch_uid="h5p-forget-course-attempt")
