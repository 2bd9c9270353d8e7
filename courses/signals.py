"""Drop the cached course structure when a page below a course changes; announce course restarts."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import CoursePage, LessonPage, ModulePage

# Sent inside the restart's transaction with ``enrolment`` (already on its new cycle), ``course`` and
# ``user``, for apps that keep per-lesson results of their own and must forget them too.
course_restarted = Signal()


def _forget(page):
    from .selectors import forget_course_structure

    if isinstance(page, CoursePage):
        forget_course_structure(page.pk)
        return
    course_id = (
        CoursePage.objects.filter(
            path__in=[page.path[:end] for end in range(page.steplen, len(page.path), page.steplen)]
        )
        .values_list("pk", flat=True)
        .first()
    )
    if course_id is not None:
        forget_course_structure(course_id)


def structure_changed(sender, instance, **kwargs):
    _forget(instance)


def page_moved(sender, instance, **kwargs):
    # A move rewrites the paths of everything below the moved page; moves are rare, so forget all.
    from .selectors import forget_course_structure

    for course_id in CoursePage.objects.values_list("pk", flat=True):
        forget_course_structure(course_id)


def connect():
    for model in (CoursePage, ModulePage, LessonPage):
        page_published.connect(structure_changed, sender=model)
        page_unpublished.connect(structure_changed, sender=model)
        post_save.connect(structure_changed, sender=model)
        post_delete.connect(structure_changed, sender=model)
    post_page_move.connect(page_moved)
