"""What scenarios holds about a person: scenarios played alone, live sessions taken part in or run."""

from privacy.registry import register

from .models import LiveSession, Participant, ScenarioPlay


def export(user):
    return {
        "scenarios_played": [
            {
                "scenario_key": str(play.scenario_key),
                "choices": play.choices,
                "scores": play.scores,
                "ending": play.ending_key,
                "score": play.score_scaled,
                "started_at": play.started_at,
                "finished_at": play.finished_at,
            }
            for play in ScenarioPlay.objects.filter(user=user).order_by("started_at", "pk")
        ],
        "live_sessions_joined": [
            {
                "scenario": participant.session.scenario.title,
                "role": participant.role_key,
                "joined_at": participant.joined_at,
                "votes": [
                    {
                        "step": vote.step,
                        "scene": vote.scene_key,
                        "choice": vote.choice_key,
                        "at": vote.created_at,
                    }
                    for vote in participant.votes.order_by("step")
                ],
            }
            for participant in Participant.objects.filter(user=user).select_related("session__scenario")
        ],
        "live_sessions_run": [
            {
                "scenario": session.scenario.title,
                "started_at": session.created_at,
                "ended_at": session.ended_at,
            }
            for session in LiveSession.objects.filter(trainer=user)
            .select_related("scenario")
            .order_by("created_at")
        ],
    }


def erase(user):
    plays = ScenarioPlay.objects.filter(user=user).delete()[0]
    # A live session is the group's: the person's place and votes stay, now as an anonymous participant,
    # so the session's record and the trainer's debrief still add up.
    return {"scenarios_played": plays}


register(
    "scenarios",
    models=["scenarios.ScenarioPlay", "scenarios.Participant", "scenarios.LiveSession"],
    export=export,
    erase=erase,
)
