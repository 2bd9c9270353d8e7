"""Writes: enrolment, lesson launches, quiz submissions, activity results and completion.

Every learning event goes through ``tracking.services.record`` (one xAPI statement each) inside the
same transaction as the progress rows it changes. Completion is decided from stored progress rows
with a fixed number of queries per event: page content is never read to decide it."""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.db.models import Avg, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.selectors import organisations_managed_by
from tracking.services import activity_iri

from .models import (
    ActivityProgress,
    CoursePage,
    Enrolment,
    EnrolmentCycle,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
    QuizAttemptGrant,
    ReflectionAnswer,
)
from .quiz import attempt_allowed, score_submission
from .selectors import course_of, module_of
from .signals import course_restarted

logger = logging.getLogger(__name__)


class CourseActionError(Exception):
    """A learner action that cannot be done; the message is translated and safe to show."""

    status = 400

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotEnrolledError(CourseActionError):
    status = 403


class NotFoundError(CourseActionError):
    status = 404


class DuplicateSubmissionError(CourseActionError):
    status = 409


# ---------------------------------------------------------------- statements


def _name(title):
    return {translation.get_language() or settings.LANGUAGE_CODE: str(title)}


def _record(
    user,
    verb,
    *,
    enrolment,
    kind,
    key,
    title,
    activity_type=None,
    result=None,
    parent=None,
    grouping=None,
    extensions=None,
):
    from tracking.services import record

    return record(
        user=user,
        verb=verb,
        activity_id=activity_iri(kind, key),
        activity_type=activity_type or kind,
        name=_name(title),
        result=result,
        registration=enrolment.registration,
        parent=parent,
        grouping=grouping,
        language=translation.get_language(),
        extensions=extensions,
    )


class LessonTarget:
    """A lesson with its module, course and the learner's enrolment: what each event needs."""

    def __init__(self, user, lesson, module, course, enrolment):
        self.user = user
        self.lesson = lesson
        self.module = module
        self.course = course
        self.enrolment = enrolment

    @property
    def lesson_iri(self):
        return activity_iri("lesson", self.lesson.translation_key)

    @property
    def module_iri(self):
        return activity_iri("module", self.module.translation_key)

    @property
    def course_iri(self):
        return activity_iri("course", self.course.translation_key)


def lesson_target(user, lesson):
    """Resolve ``lesson`` for an event by ``user``; raise NotFoundError or NotEnrolledError."""
    if not isinstance(lesson, LessonPage) or not lesson.live:
        raise NotFoundError(_("This lesson is not available."))
    module = module_of(lesson)
    course = course_of(module) if module is not None else None
    if course is None or not (course.live and module.live):
        raise NotFoundError(_("This lesson is not available."))
    if user is None or not user.is_authenticated:
        raise NotEnrolledError(_("Log in and enrol in the course to take part."))
    enrolment = Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
    if enrolment is None:
        raise NotEnrolledError(_("Enrol in the course to take part in its lessons."))
    return LessonTarget(user, lesson, module, course, enrolment)


# ---------------------------------------------------------------- enrolment


def enrol(user, course, *, enrolled_by=None):
    """Enrol ``user`` in ``course`` (any language version). Returns (enrolment, created)."""
    course = course.specific if not isinstance(course, CoursePage) else course
    if not course.live:
        raise NotFoundError(_("This course is not available."))
    existing = Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                user=user,
                course_key=course.translation_key,
                enrolled_by=enrolled_by,
                last_activity_at=timezone.now(),
            )
            _record(
                user,
                "registered",
                enrolment=enrolment,
                kind="course",
                key=course.translation_key,
                title=course.title,
            )
    except IntegrityError:
        # Two requests enrolled at once; the first one won and its enrolment is the one.
        winner = Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
        if winner is None:
            raise
        return winner, False
    return enrolment, True


def organisations_user_may_enrol(actor):
    """Organisations whose members ``actor`` may enrol: where they are a trainer or company admin."""
    return organisations_managed_by(actor)


def learners_user_may_enrol(actor):
    organisations = organisations_user_may_enrol(actor)
    if not organisations:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(memberships__organisation__in=organisations, is_active=True)
        .exclude(pk=actor.pk)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def enrol_others(actor, course, learners):
    """Enrol several people on behalf of a trainer or company admin (also used by workshops).

    Every learner must belong to an organisation where ``actor`` is a trainer or company admin;
    otherwise nobody is enrolled. Returns a list of (learner, created)."""
    allowed = set(learners_user_may_enrol(actor).values_list("pk", flat=True))
    refused = [learner for learner in learners if learner.pk not in allowed]
    if refused:
        raise PermissionDenied(_("You may only enrol members of organisations where you train or manage."))
    results = []
    with transaction.atomic():
        for learner in learners:
            enrolment, created = enrol(learner, course, enrolled_by=actor)
            results.append((learner, created))
    return results


# ---------------------------------------------------------------- lessons


def relaunch_after():
    return timedelta(minutes=settings.COURSES_RELAUNCH_MINUTES)


def _commit_without_waiting_for_the_disk():
    """For this transaction only, let PostgreSQL confirm the commit before its WAL reaches the disk.

    Opening a lesson writes its progress row and the ``launched`` statement; with twenty learners
    opening lessons at once, waiting for each flush made the page's tail latency (docs/benchmarks.md).
    A crash of the database server can lose the last fraction of a second of such openings, never
    anything else, and leaves the database consistent; the next opening records them again.
    Completions, quiz attempts, enrolments and certificates keep the default, durable commit."""
    if connection.vendor == "postgresql" and getattr(settings, "COURSES_ASYNC_COMMIT_FOR_OPENINGS", True):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def note_lesson_opened(
    enrolment, lesson, module, course, request=None, last_launched_at=None, progress_exists=None
):
    """Record ``launched`` the first time a learner opens a lesson and again after a pause.

    ``last_launched_at`` and ``progress_exists``, when the caller already read the progress rows,
    spare the lookups: a return visit writes nothing, a first visit inserts its row with one
    statement, a visit after a pause updates it with one."""
    now = timezone.now()
    if last_launched_at is not None and now - last_launched_at < relaunch_after():
        return
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost:  # never relax a caller's transaction that may hold other writes
            _commit_without_waiting_for_the_disk()
        rows = LessonProgress.objects.filter(enrolment=enrolment, lesson_key=lesson.translation_key)
        if progress_exists is False:
            # One INSERT … ON CONFLICT DO NOTHING, no savepoint around it: a row another tab or
            # request created meanwhile is left as it is.
            LessonProgress.objects.bulk_create(
                [
                    LessonProgress(
                        enrolment=enrolment,
                        lesson_key=lesson.translation_key,
                        module_key=module.translation_key,
                        last_launched_at=now,
                    )
                ],
                ignore_conflicts=True,
            )
        elif progress_exists is True:
            stale = Q(last_launched_at__isnull=True) | Q(last_launched_at__lt=now - relaunch_after())
            if not rows.filter(stale).update(last_launched_at=now):
                return  # opened meanwhile, in another tab or request
        else:
            progress, created = LessonProgress.objects.get_or_create(
                enrolment=enrolment,
                lesson_key=lesson.translation_key,
                defaults={"module_key": module.translation_key, "last_launched_at": now},
            )
            if not created:
                if progress.last_launched_at and now - progress.last_launched_at < relaunch_after():
                    return  # opened meanwhile, in another tab or request
                rows.update(last_launched_at=now)
        # "Last activity" orders My learning; a minute's precision spares a write per page.
        if enrolment.last_activity_at is None or now - enrolment.last_activity_at >= timedelta(minutes=1):
            Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
        _record(
            enrolment.user,
            "launched",
            enrolment=enrolment,
            kind="lesson",
            key=lesson.translation_key,
            title=lesson.title,
            parent=[activity_iri("module", module.translation_key)],
            grouping=[activity_iri("course", course.translation_key)],
        )


def mark_lesson_done(user, lesson):
    """A reading-only lesson completes when the learner says they have read it."""
    target = lesson_target(user, lesson)
    if not lesson.is_reading_only:
        raise CourseActionError(_("This lesson completes when you have finished its activities."))
    with transaction.atomic():
        return _complete_lesson(target)


def save_reflection(user, lesson, block_id, text):
    target = lesson_target(user, lesson)
    if not any(child.id == block_id and child.block_type == "reflection" for child in lesson.body):
        raise NotFoundError(_("This reflection prompt is not part of the lesson."))
    text = (text or "").strip()
    if not text:
        raise CourseActionError(_("Write your answer before you save it."))
    if len(text) > 5000:
        raise CourseActionError(_("Keep your answer under 5000 characters."))
    answer, _created = ReflectionAnswer.objects.update_or_create(
        user=user, lesson_key=lesson.translation_key, block_id=block_id, defaults={"text": text}
    )
    _record(
        user,
        "experienced",
        enrolment=target.enrolment,
        kind="lesson",
        key=f"{lesson.translation_key}/{block_id}",
        activity_type="interaction",
        title=lesson.title,
        parent=[target.lesson_iri],
        grouping=[target.module_iri, target.course_iri],
    )
    return answer


# ---------------------------------------------------------------- quizzes


def _quiz_block(lesson, block_id):
    for child in lesson.body:
        if child.id == block_id and child.block_type == "quiz":
            return child.value
    raise NotFoundError(_("This quiz is not part of the lesson."))


def submit_quiz(user, lesson, block_id, data):
    """Score one attempt on the server, store it and update progress. Returns the QuizAttempt.

    ``data`` is the POST: answers plus ``attempt``, the attempt number the form was rendered for,
    so a repeated submit of the same form stores nothing."""
    target = lesson_target(user, lesson)
    quiz = _quiz_block(lesson, block_id)
    attempts = list(
        QuizAttempt.objects.filter(
            enrolment=target.enrolment,
            lesson_key=lesson.translation_key,
            block_id=block_id,
            cycle=target.enrolment.cycle,
        )
    )
    try:
        posted_number = int(data.get("attempt", ""))
    except ValueError:
        posted_number = None
    if posted_number is not None and posted_number <= len(attempts):
        raise DuplicateSubmissionError(_("You already submitted this attempt; its result is shown below."))
    if posted_number != len(attempts) + 1:
        raise CourseActionError(_("This quiz form is out of date. Reload the lesson and try again."))
    extra = QuizAttemptGrant.objects.filter(
        enrolment=target.enrolment,
        lesson_key=lesson.translation_key,
        block_id=block_id,
        cycle=target.enrolment.cycle,
    ).count()
    allowed, reason = attempt_allowed(quiz, attempts, extra)
    if not allowed:
        raise CourseActionError(reason)
    result = score_submission(quiz, data)
    quiz_key = f"{lesson.translation_key}/{block_id}"
    quiz_iri = activity_iri("quiz", quiz_key)
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                enrolment=target.enrolment,
                lesson_key=lesson.translation_key,
                block_id=block_id,
                cycle=target.enrolment.cycle,
                number=posted_number,
                responses={question.id: question.selected for question in result.questions},
                result=result.as_json(),
                score_scaled=result.score_scaled,
                passed=result.passed,
                language=translation.get_language() or "",
            )
            for question in result.questions:
                _record(
                    user,
                    "answered",
                    enrolment=target.enrolment,
                    kind="quiz",
                    key=f"{quiz_key}/{question.id}",
                    activity_type="interaction",
                    title=quiz["title"],
                    result={"success": question.correct, "response": "[,]".join(question.selected)},
                    parent=[quiz_iri],
                    grouping=[target.lesson_iri, target.course_iri],
                )
            _record(
                user,
                "passed" if result.passed else "failed",
                enrolment=target.enrolment,
                kind="quiz",
                key=quiz_key,
                activity_type="assessment",
                title=quiz["title"],
                result={
                    "score": {
                        "scaled": round(result.score_scaled, 4),
                        "raw": result.correct_count,
                        "min": 0,
                        "max": len(result.questions),
                    },
                    "success": result.passed,
                    "completion": True,
                },
                parent=[target.lesson_iri],
                grouping=[target.module_iri, target.course_iri],
                extensions={"https://w3id.org/xapi/comein/extensions/attempt": posted_number},
            )
            _apply_activity_result(
                target,
                block_id,
                completed=result.passed,
                passed=result.passed,
                score_scaled=result.score_scaled,
            )
    except IntegrityError as error:
        raise DuplicateSubmissionError(
            _("You already submitted this attempt; its result is shown below.")
        ) from error
    return attempt


# ---------------------------------------------------------------- activity results and completion


def record_activity_result(user, lesson, block_id, *, completed, passed=None, score_scaled=None):
    """Progress from an activity block (H5P now, scenarios later). Raises CourseActionError subclasses.

    Returns the ActivityProgress row. Progress never goes backwards: a later failed try does not
    undo an earlier completion."""
    lesson = lesson.specific if not isinstance(lesson, LessonPage) else lesson
    target = lesson_target(user, lesson)
    if block_id not in lesson.required_activity_ids and not any(
        child.id == block_id for child in lesson.body
    ):
        raise NotFoundError(_("This activity is not part of the lesson."))
    if score_scaled is not None:
        score_scaled = min(1.0, max(0.0, float(score_scaled)))
    with transaction.atomic():
        return _apply_activity_result(
            target, block_id, completed=bool(completed), passed=passed, score_scaled=score_scaled
        )


def _apply_activity_result(target, block_id, *, completed, passed, score_scaled):
    enrolment = target.enrolment
    lesson_key = target.lesson.translation_key
    progress, _created = ActivityProgress.objects.select_for_update().get_or_create(
        enrolment=enrolment, lesson_key=lesson_key, block_id=block_id
    )
    progress.completed = progress.completed or bool(completed)
    if passed is True:
        progress.passed = True
    elif passed is False and progress.passed is None:
        progress.passed = False
    score_improved = score_scaled is not None and (
        progress.best_score_scaled is None or score_scaled > progress.best_score_scaled
    )
    if score_improved:
        progress.best_score_scaled = score_scaled
    progress.save()
    if score_improved:
        best = ActivityProgress.objects.filter(
            enrolment=enrolment, best_score_scaled__isnull=False
        ).aggregate(best=Avg("best_score_scaled"))["best"]
        Enrolment.objects.filter(pk=enrolment.pk).update(best_score=best)
        enrolment.best_score = best
    required = target.lesson.required_activity_ids
    if progress.is_done and block_id in required:
        done = (
            ActivityProgress.objects.filter(enrolment=enrolment, lesson_key=lesson_key, block_id__in=required)
            .filter(Q(completed=True) | Q(passed=True))
            .count()
        )
        if done >= len(required):
            _complete_lesson(target)
    return progress


def _lessons_in_every_language(model, page):
    """Translation keys of the live lessons below ``page`` in any of its live language versions.

    A module or course is complete when every lesson that exists in any of its languages is: a
    lesson only the English version has yet must be read (in English) before the Arabic learner's
    course completes, whichever language the last lesson was finished in. Two queries."""
    paths = list(
        model.objects.live().filter(translation_key=page.translation_key).values_list("path", flat=True)
    ) or [page.path]
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path, depth__gt=page.depth)
    return LessonPage.objects.live().filter(below).values("translation_key").distinct()


def _complete_lesson(target):
    """Mark the lesson complete once, then the module and the course when they are. Returns True
    when this call completed the lesson."""
    enrolment, lesson, module, course = target.enrolment, target.lesson, target.module, target.course
    now = timezone.now()
    progress, _created = LessonProgress.objects.get_or_create(
        enrolment=enrolment,
        lesson_key=lesson.translation_key,
        defaults={"module_key": module.translation_key, "last_launched_at": now},
    )
    if not LessonProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(completed_at=now):
        return False
    user = target.user
    _record(
        user,
        "completed",
        enrolment=enrolment,
        kind="lesson",
        key=lesson.translation_key,
        title=lesson.title,
        result={"completion": True},
        parent=[target.module_iri],
        grouping=[target.course_iri],
    )
    finished = LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False)
    module_lessons = _lessons_in_every_language(ModulePage, module)
    if module_lessons.count() == finished.filter(lesson_key__in=module_lessons).count():
        _record(
            user,
            "completed",
            enrolment=enrolment,
            kind="module",
            key=module.translation_key,
            title=module.title,
            result={"completion": True},
            parent=[target.course_iri],
        )
    course_lessons = _lessons_in_every_language(CoursePage, course)
    total = course_lessons.count()
    done = finished.filter(lesson_key__in=course_lessons).count()
    # A completed course stays at 100 % when the learner opens a lesson added later (courses.progress).
    percent = 100 if enrolment.completed_at else (round(100 * done / total) if total else 100)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        lessons_completed=done, progress_percent=percent, last_activity_at=now
    )
    _record(
        user,
        "progressed",
        enrolment=enrolment,
        kind="course",
        key=course.translation_key,
        title=course.title,
        result={"extensions": {"https://w3id.org/xapi/cmi5/result/extensions/progress": percent}},
    )
    if done >= total and Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=now
    ):
        enrolment.completed_at = now
        result = {"completion": True}
        if enrolment.best_score is not None:
            result["score"] = {"scaled": round(enrolment.best_score, 4)}
        _record(
            user,
            "completed",
            enrolment=enrolment,
            kind="course",
            key=course.translation_key,
            title=course.title,
            result=result,
        )
        # robust: the completion is committed; a failing certificate job is logged and must not
        # turn the learner's quiz submit into an error page.
        transaction.on_commit(lambda: issue_certificate(user, course), robust=True)
    return True


def issue_certificate(user, course):
    """Ask certificates to issue what the course's rule grants; skipped only if that app is absent."""
    try:
        from certificates.services import issue_if_earned
    except ModuleNotFoundError as error:
        if error.name in ("certificates", "certificates.services"):
            logger.info("certificates app not installed; no certificate for %s", course)
            return None
        raise
    return issue_if_earned(user, course)


# ---------------------------------------------------------------- taking a course again


def renewal_due_for(user, course):
    """True when ``user``'s latest certificate for ``course`` has expired or is close enough to expiry
    that certificates would issue a renewal (its own rule, so both apps agree on "due")."""
    try:
        from certificates import selectors as certificates
    except ModuleNotFoundError as error:
        if error.name in ("certificates", "certificates.selectors"):
            return False
        raise
    latest = certificates.latest_certificate(user, course.translation_key)
    return latest is not None and certificates.renewal_due(latest)


def may_reset_learner(actor, learner):
    """Trainers and company admins of the learner's organisation, and superusers, may reset anyone."""
    if actor is None or not actor.is_authenticated:
        return False
    if actor.is_superuser:
        return True
    return learners_user_may_enrol(actor).filter(pk=learner.pk).exists()


def restart_course(user, course_page, *, expected_cycle=None, reset_by=None):
    """Start ``user``'s enrolment in ``course_page`` over: archive the finished pass, clear its lesson and
    activity progress, give the enrolment a new cycle and xAPI registration. Returns the enrolment.

    A learner may do this when their certificate for the course is expired or due for renewal;
    ``reset_by`` (a trainer or company admin of theirs, or a superuser) may do it at any time.
    ``expected_cycle`` is the cycle the button was rendered for, so a double submit changes nothing.
    Completing the course again sets ``completed_at`` for the new cycle, and certificates issues the
    renewal from that."""
    course = course_page.specific if not isinstance(course_page, CoursePage) else course_page
    if not isinstance(course, CoursePage) or not course.live:
        raise NotFoundError(_("This course is not available."))
    if user is None or not user.is_authenticated:
        raise NotEnrolledError(_("Log in to take a course again."))
    if reset_by is not None and reset_by != user and not may_reset_learner(reset_by, user):
        raise PermissionDenied(_("You may only reset learners of organisations where you train or manage."))
    by_staff = reset_by is not None and reset_by != user
    try:
        return _restart(user, course, expected_cycle=expected_cycle, reset_by=reset_by, by_staff=by_staff)
    except IntegrityError as error:
        # Two clicks raced past the row lock (SQLite has none): the archive of this cycle exists once.
        raise DuplicateSubmissionError(_("You have already started this course again.")) from error


def _restart(user, course, *, expected_cycle, reset_by, by_staff):
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update().filter(user=user, course_key=course.translation_key).first()
        )
        if enrolment is None:
            raise NotEnrolledError(_("You are not enrolled in this course, so there is nothing to restart."))
        if expected_cycle is not None and expected_cycle != enrolment.cycle:
            raise DuplicateSubmissionError(_("You have already started this course again."))
        if not by_staff:
            if enrolment.completed_at is None:
                raise CourseActionError(
                    _("You have not finished this course yet. Continue where you left off instead.")
                )
            if not renewal_due_for(user, course):
                raise CourseActionError(
                    _(
                        "You can take this course again when your certificate has expired or expires "
                        "within the next weeks. Until then your certificate stays valid."
                    )
                )
        now = timezone.now()
        previous = EnrolmentCycle.objects.filter(enrolment=enrolment).order_by("-cycle").first()
        EnrolmentCycle.objects.create(
            enrolment=enrolment,
            cycle=enrolment.cycle,
            registration=enrolment.registration,
            started_at=previous.archived_at if previous is not None else enrolment.enrolled_at,
            completed_at=enrolment.completed_at,
            best_score=enrolment.best_score,
            lessons_completed=enrolment.lessons_completed,
            progress_percent=enrolment.progress_percent,
            lesson_progress=[
                {
                    "lesson_key": str(row.lesson_key),
                    "module_key": str(row.module_key),
                    "started_at": _iso(row.started_at),
                    "last_launched_at": _iso(row.last_launched_at),
                    "completed_at": _iso(row.completed_at),
                }
                for row in LessonProgress.objects.filter(enrolment=enrolment).order_by("pk")
            ],
            activity_progress=[
                {
                    "lesson_key": str(row.lesson_key),
                    "block_id": row.block_id,
                    "completed": row.completed,
                    "passed": row.passed,
                    "best_score_scaled": row.best_score_scaled,
                    "updated_at": _iso(row.updated_at),
                }
                for row in ActivityProgress.objects.filter(enrolment=enrolment).order_by("pk")
            ],
            archived_at=now,
            restarted_by=reset_by or user,
        )
        LessonProgress.objects.filter(enrolment=enrolment).delete()
        ActivityProgress.objects.filter(enrolment=enrolment).delete()
        enrolment.cycle += 1
        enrolment.registration = uuid.uuid4()
        enrolment.completed_at = None
        enrolment.best_score = None
        enrolment.lessons_completed = 0
        enrolment.progress_percent = 0
        enrolment.last_activity_at = now
        enrolment.save(
            update_fields=[
                "cycle",
                "registration",
                "completed_at",
                "best_score",
                "lessons_completed",
                "progress_percent",
                "last_activity_at",
            ]
        )
        _record(
            user,
            "initialized",
            enrolment=enrolment,
            kind="course",
            key=course.translation_key,
            title=course.title,
            extensions={"https://w3id.org/xapi/comein/extensions/cycle": enrolment.cycle},
        )
        # Apps that keep their own per-lesson state (H5P results) start over with the course.
        course_restarted.send(sender=Enrolment, enrolment=enrolment, course=course, user=user)
    return enrolment


# ---------------------------------------------------------------- a trainer's corrections


def _staff_target(actor, learner, lesson):
    """The learner's lesson target, when ``actor`` may correct that learner's progress."""
    lesson = lesson.specific if not isinstance(lesson, LessonPage) else lesson
    if not may_reset_learner(actor, learner):
        raise PermissionDenied(_("You may only change the progress of learners you train or manage."))
    return lesson_target(learner, lesson)


def grant_quiz_attempt(actor, learner, lesson, block_id):
    """Give ``learner`` one attempt more than the quiz's limit in their current cycle. Returns the
    number of attempts the learner now has in all."""
    target = _staff_target(actor, learner, lesson)
    quiz = _quiz_block(target.lesson, block_id)
    if not quiz["max_attempts"]:
        raise CourseActionError(_("This quiz has no limit on attempts, so there is nothing to grant."))
    enrolment = target.enrolment
    with transaction.atomic():
        QuizAttemptGrant.objects.create(
            enrolment=enrolment,
            lesson_key=target.lesson.translation_key,
            block_id=block_id,
            cycle=enrolment.cycle,
            granted_by=actor,
        )
        extra = QuizAttemptGrant.objects.filter(
            enrolment=enrolment,
            lesson_key=target.lesson.translation_key,
            block_id=block_id,
            cycle=enrolment.cycle,
        ).count()
    return quiz["max_attempts"] + extra


def reset_lesson(actor, learner, lesson):
    """Clear ``learner``'s progress in one lesson so they take it again: its lesson and activity rows
    go, the course's counts are recomputed and a completed course is open again. Quiz attempts stay
    (they are the record of what was tried); grant an attempt when the limit is used up."""
    target = _staff_target(actor, learner, lesson)
    enrolment, lesson, course = target.enrolment, target.lesson, target.course
    with transaction.atomic():
        LessonProgress.objects.filter(enrolment=enrolment, lesson_key=lesson.translation_key).delete()
        ActivityProgress.objects.filter(enrolment=enrolment, lesson_key=lesson.translation_key).delete()
        course_lessons = _lessons_in_every_language(CoursePage, course)
        total = course_lessons.count()
        done = LessonProgress.objects.filter(
            enrolment=enrolment, completed_at__isnull=False, lesson_key__in=course_lessons
        ).count()
        percent = round(100 * done / total) if total else 0
        Enrolment.objects.filter(pk=enrolment.pk).update(
            lessons_completed=done, progress_percent=percent, completed_at=None
        )
        _record(
            learner,
            "initialized",
            enrolment=enrolment,
            kind="lesson",
            key=lesson.translation_key,
            title=lesson.title,
            parent=[target.module_iri],
            grouping=[target.course_iri],
            extensions={"https://w3id.org/xapi/comein/extensions/reset-by": str(actor.xapi_id)},
        )
    return percent


def set_last_activity(user, course, when):
    """Date a learner's last activity in ``course`` back to ``when``: for demo content that shows
    someone who has made no progress for a while (the workshops dashboard calls them stuck)."""
    Enrolment.objects.filter(user=user, course_key=course.translation_key).update(last_activity_at=when)


def _iso(value):
    return value.isoformat() if value is not None else None
