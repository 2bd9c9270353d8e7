"""Keep cached course structures true; announce course restarts."""

from django.db.models.signals import post_save
from django.dispatch import Signal

from website import shell

from .models import CoursePage, LessonPage, ModulePage

# Sent inside the restart's transaction with ``enrolment`` (already on its new cycle), ``course`` and
# ``user``, for apps that keep per-lesson results of their own and must forget them too.
course_restarted = Signal()

# What ``selectors.course_structure`` keeps of each page.
STRUCTURE_FIELDS = frozenset(
    {"title", "slug", "url_path", "path", "depth", "live", "estimated_minutes", "translation_key", "locale"}
)


def page_saved(sender, instance, update_fields=None, **kwargs):
    """A save that can change what a course outline shows bumps the page-tree version.

    Publishing, unpublishing, moving and deleting pages bump it already (``website.signals``); this
    covers pages saved directly (scripts, imports, the shell). Saving a draft revision only writes
    revision fields and changes nothing live, so it bumps nothing."""
    if update_fields is not None and not STRUCTURE_FIELDS.intersection(update_fields):
        return
    shell.invalidate()


def connect():
    for model in (CoursePage, ModulePage, LessonPage):
        post_save.connect(page_saved, sender=model, dispatch_uid=f"courses-structure-{model.__name__}")
