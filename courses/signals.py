"""Signals the courses app sends.

Cached course structures need no receiver here: they live under the page-tree version, which every
save, publish, move and delete of a page bumps (``website.signals``)."""

from django.dispatch import Signal

# Sent inside the restart's transaction with ``enrolment`` (already on its new cycle), ``course`` and
# ``user``, for apps that keep per-lesson results of their own and must forget them too.
course_restarted = Signal()
