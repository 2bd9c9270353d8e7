"""Reactions to other apps' events."""

from wagtail.models import Page

from .models import H5PActivityResult, H5PContentUserData


def forget_course_attempt(sender, enrolment, course, user, **kwargs):
    """A learner takes a course again: their H5P results and saved states in its lessons start over.

    Runs inside the restart's transaction, so a failed restart keeps them. Results are matched by the
    lessons' translation keys, so every language version of the course is covered."""
    keys = Page.objects.descendant_of(course).values("translation_key")
    lessons = Page.objects.filter(translation_key__in=keys).values("pk")
    H5PActivityResult.objects.filter(user=user, lesson__in=lessons).delete()
    H5PContentUserData.objects.filter(user=user, lesson__in=lessons).delete()
