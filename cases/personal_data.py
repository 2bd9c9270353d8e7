"""What cases holds about a person: the cases they sent in and the weekly digest subscription."""

from privacy.registry import register

from .models import CaseSubmission, DigestSubscription


def export(user):
    subscription = DigestSubscription.objects.filter(user=user).first()
    return {
        "submissions": [
            {
                "case": submission.page.title,
                "language": submission.language,
                "status": submission.status,
                "moderator_comment": submission.moderator_comment,
                "submitted_at": submission.created_at,
                "updated_at": submission.updated_at,
            }
            for submission in CaseSubmission.objects.filter(submitted_by=user).select_related("page")
        ],
        "weekly_digest": (
            {
                "active": subscription.active,
                "language": subscription.language,
                "since": subscription.created_at,
            }
            if subscription
            else None
        ),
    }


def erase(user):
    # A submitted case is the organisation's account of its practice and stays in the library; it
    # now names an anonymous submitter.
    subscriptions = DigestSubscription.objects.filter(user=user).delete()[0]
    return {"digest_subscriptions": subscriptions}


register(
    "cases",
    models=["cases.CaseSubmission", "cases.DigestSubscription"],
    export=export,
    erase=erase,
)
