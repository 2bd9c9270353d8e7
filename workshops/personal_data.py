"""What workshops holds about a person: cohorts joined or trained, attendance, invitations and
evaluation answers."""

from django.db.models import Q

from privacy.registry import register

from .models import Attendance, Cohort, EvaluationResponse, Invitation, Participant


def export(user):
    return {
        "cohorts_joined": [
            {"cohort": p.cohort.title, "joined_at": p.joined_at, "joined_by": p.source}
            for p in Participant.objects.filter(user=user).select_related("cohort").order_by("joined_at")
        ],
        "cohorts_trained": [cohort.title for cohort in Cohort.objects.filter(trainers=user).order_by("pk")],
        "attendance": [
            {"cohort": a.day.cohort.title, "day": a.day.date, "present": a.present}
            for a in Attendance.objects.filter(user=user).select_related("day__cohort").order_by("day__date")
        ],
        "invitations": [
            {"cohort": i.cohort.title, "sent_at": i.sent_at, "accepted_at": i.accepted_at}
            for i in Invitation.objects.filter(email__iexact=user.email).select_related("cohort")
        ],
        "evaluations": [
            {
                "cohort": r.cohort.title,
                "form": r.template.title,
                "phase": r.phase,
                "answers": r.answers,
                "at": r.submitted_at,
            }
            for r in EvaluationResponse.objects.filter(user=user).select_related("cohort", "template")
        ],
    }


def erase(user):
    # The cohort keeps the person's place and attendance as "deleted participant", so the trainer's
    # numbers stay right; free-text answers and the address an invitation went to are removed.
    evaluations = EvaluationResponse.objects.filter(user=user).delete()[0]
    invitations = Invitation.objects.filter(Q(email__iexact=user.email)).delete()[0]
    for cohort in Cohort.objects.filter(trainers=user):
        cohort.trainers.remove(user)
    return {"evaluations": evaluations, "invitations": invitations}


register(
    "workshops",
    models=[
        "workshops.Cohort",
        "workshops.Participant",
        "workshops.Attendance",
        "workshops.Invitation",
        "workshops.EvaluationResponse",
    ],
    export=export,
    erase=erase,
)
