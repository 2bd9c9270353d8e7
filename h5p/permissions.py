"""Who may use a package: the one place the H5P endpoints ask.

A package's files and a learner's saved state follow the lesson: whoever may open a live lesson
that uses the package (``courses.selectors.lesson_access``) may fetch its files and keep state in
it. Editors (anyone who may open the Wagtail admin) preview lessons and packages, so they may fetch
every package's files."""

from django.core.cache import cache
from wagtail.models import Page, ReferenceIndex

from courses.selectors import lesson_access

# A player fetches dozens of files per activity: the answer is remembered briefly per person.
DECISION_SECONDS = 60


def is_editor(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def may_open_lesson(user, lesson):
    return lesson_access(user, lesson) == "open"


def lessons_using(package):
    """Live pages whose content references ``package`` (Wagtail's reference index)."""
    page_ids = ReferenceIndex.get_references_to(package).values_list("object_id", flat=True)
    return Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids if str(pk).isdigit()]).specific()


def may_fetch_files(user, package):
    if not user.is_authenticated:
        return False
    if is_editor(user):
        return True
    key = f"h5p:may-fetch:{user.pk}:{package.pk}:{package.revision}"
    decision = cache.get(key)
    if decision is None:
        decision = any(may_open_lesson(user, lesson) for lesson in lessons_using(package))
        cache.set(key, decision, DECISION_SECONDS)
    return decision
