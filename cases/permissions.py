"""Who may submit cases and edit a submission: the one place these checks live."""

from django.http import Http404

from accounts.selectors import organisations_where

from .models import CaseSubmission

MEMBER_ROLES = ("learner", "trainer", "company_admin")


def submitting_organisations(user):
    """The companies ``user`` belongs to; a case is submitted on behalf of one of them."""
    return [org for org in organisations_where(user, *MEMBER_ROLES) if org.kind == "company"]


def submission_of(user, pk):
    """The submission ``pk`` if ``user`` sent it; anyone else's (or none) answers 404."""
    submission = (
        CaseSubmission.objects.filter(pk=pk, submitted_by_id=user.pk).select_related("page").first()
        if user.is_authenticated
        else None
    )
    if submission is None:
        raise Http404
    return submission


def may_edit(submission):
    return submission.status == CaseSubmission.Status.CHANGES_REQUESTED
