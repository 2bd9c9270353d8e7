"""What courses holds about a person: enrolments with their progress, quiz attempts, grants,
archived attempts at a course and reflection answers."""

from privacy.registry import register

from .models import ActivityProgress, Enrolment, EnrolmentCycle, LessonProgress, QuizAttempt, ReflectionAnswer


def _course_title(course_key):
    from .selectors import course_for_key

    course = course_for_key(course_key)
    return course.title if course is not None else ""


def export(user):
    enrolments = []
    for enrolment in Enrolment.objects.filter(user=user).order_by("enrolled_at", "pk"):
        enrolments.append(
            {
                "course": _course_title(enrolment.course_key),
                "course_key": str(enrolment.course_key),
                "registration": str(enrolment.registration),
                "enrolled_at": enrolment.enrolled_at,
                "completed_at": enrolment.completed_at,
                "progress_percent": enrolment.progress_percent,
                "lessons_completed": enrolment.lessons_completed,
                "best_score": enrolment.best_score,
                "last_activity_at": enrolment.last_activity_at,
                "attempt_at_the_course": enrolment.cycle,
                "lessons": [
                    {
                        "lesson_key": str(row.lesson_key),
                        "started_at": row.started_at,
                        "last_opened_at": row.last_launched_at,
                        "completed_at": row.completed_at,
                    }
                    for row in LessonProgress.objects.filter(enrolment=enrolment).order_by("started_at", "pk")
                ],
                "activities": [
                    {
                        "lesson_key": str(row.lesson_key),
                        "activity": row.block_id,
                        "completed": row.completed,
                        "passed": row.passed,
                        "best_score": row.best_score_scaled,
                    }
                    for row in ActivityProgress.objects.filter(enrolment=enrolment).order_by("pk")
                ],
                "quiz_attempts": [
                    {
                        "lesson_key": str(row.lesson_key),
                        "quiz": row.block_id,
                        "number": row.number,
                        "responses": row.responses,
                        "result": row.result,
                        "score": row.score_scaled,
                        "passed": row.passed,
                        "submitted_at": row.submitted_at,
                    }
                    for row in QuizAttempt.objects.filter(enrolment=enrolment).order_by("submitted_at", "pk")
                ],
                "earlier_attempts_at_the_course": [
                    {
                        "attempt": row.cycle,
                        "started_at": row.started_at,
                        "completed_at": row.completed_at,
                        "progress_percent": row.progress_percent,
                        "lessons": row.lesson_progress,
                        "activities": row.activity_progress,
                    }
                    for row in EnrolmentCycle.objects.filter(enrolment=enrolment).order_by("cycle")
                ],
            }
        )
    return {
        "enrolments": enrolments,
        "reflection_answers": [
            {
                "lesson_key": str(row.lesson_key),
                "prompt": row.block_id,
                "answer": row.text,
                "updated_at": row.updated_at,
            }
            for row in ReflectionAnswer.objects.filter(user=user).order_by("updated_at", "pk")
        ],
    }


def erase(user):
    # Progress, attempts, grants and archived cycles go with their enrolment (CASCADE); who enrolled or
    # restarted someone else is an account reference that now points at the anonymous placeholder.
    reflections = ReflectionAnswer.objects.filter(user=user).delete()[0]
    enrolments = Enrolment.objects.filter(user=user).count()
    Enrolment.objects.filter(user=user).delete()
    return {"enrolments": enrolments, "reflection_answers": reflections}


register(
    "courses",
    models=[
        "courses.Enrolment",
        "courses.LessonProgress",
        "courses.ActivityProgress",
        "courses.QuizAttempt",
        "courses.QuizAttemptGrant",
        "courses.EnrolmentCycle",
        "courses.ReflectionAnswer",
    ],
    export=export,
    erase=erase,
)
