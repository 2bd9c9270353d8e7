"""What a learner did: enrolments, lesson and activity progress, quiz attempts, reflections.

Everything is keyed by the pages' ``translation_key`` (not their ids) so all language versions of a
course share one enrolment and one progress record."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """A learner's place in one course, across all its languages."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("learner"),
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    # The xAPI context.registration of every statement about this attempt at the course.
    registration = models.UUIDField(_("registration"), default=uuid.uuid4, unique=True, editable=False)
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enrolled by"),
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # Mean of the learner's best scaled score (0–1) over the scored activities of the course.
    best_score = models.FloatField(_("best score (0–1)"), null=True, blank=True)
    lessons_completed = models.PositiveIntegerField(_("lessons completed"), default=0)
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    # Which time through the course this is: 1, then one more each time the learner takes it again.
    # Earlier cycles live on as EnrolmentCycle rows; quiz attempts carry the cycle they belong to.
    cycle = models.PositiveSmallIntegerField(_("attempt at the course"), default=1)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]
        ordering = ["-enrolled_at"]

    def __str__(self):
        return f"{self.user} · {self.course_key}"

    @property
    def is_complete(self):
        return self.completed_at is not None


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_progress", verbose_name=_("enrolment")
    )
    lesson_key = models.UUIDField(_("lesson"))
    module_key = models.UUIDField(_("module"))
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_launched_at = models.DateTimeField(_("last opened"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson_key"], name="one_progress_per_lesson")
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.lesson_key}"


class ActivityProgress(models.Model):
    """The best state a learner reached in one activity block (quiz, H5P, later scenarios)."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="activity_progress", verbose_name=_("enrolment")
    )
    lesson_key = models.UUIDField(_("lesson"))
    block_id = models.CharField(_("block"), max_length=64)
    completed = models.BooleanField(_("completed"), default=False)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    best_score_scaled = models.FloatField(_("best score"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("activity progress")
        verbose_name_plural = _("activity progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson_key", "block_id"], name="one_progress_per_activity"
            )
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.lesson_key}/{self.block_id}"

    @property
    def is_done(self):
        return self.completed or self.passed is True


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts", verbose_name=_("enrolment")
    )
    lesson_key = models.UUIDField(_("lesson"))
    block_id = models.CharField(_("quiz"), max_length=64)
    number = models.PositiveSmallIntegerField(_("attempt"))
    responses = models.JSONField(_("responses"), default=dict)
    result = models.JSONField(_("result"), default=dict)
    score_scaled = models.FloatField(_("score"))
    passed = models.BooleanField(_("passed"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    # The enrolment cycle the attempt belongs to: attempt numbers and limits count per cycle.
    cycle = models.PositiveSmallIntegerField(_("attempt at the course"), default=1)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["number"]
        # A double submit of the same attempt number hits this constraint and stores nothing.
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson_key", "block_id", "cycle", "number"],
                name="one_quiz_attempt_per_cycle_and_number",
            )
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.block_id} #{self.number}"

    @property
    def percent(self):
        return round(self.score_scaled * 100)


class QuizAttemptGrant(models.Model):
    """One more attempt at a quiz than its limit allows, granted by a trainer (a workshop) for a cycle."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="quiz_grants", verbose_name=_("enrolment")
    )
    lesson_key = models.UUIDField(_("lesson"))
    block_id = models.CharField(_("quiz"), max_length=64)
    cycle = models.PositiveSmallIntegerField(_("attempt at the course"), default=1)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("extra quiz attempt")
        verbose_name_plural = _("extra quiz attempts")
        indexes = [models.Index(fields=["enrolment", "lesson_key", "block_id", "cycle"])]

    def __str__(self):
        return f"{self.enrolment_id} · {self.block_id} +1"


class EnrolmentCycle(models.Model):
    """A finished pass through a course, kept for audit when the learner takes the course again.

    The live progress rows are cleared on a restart so every lesson is incomplete again; this row keeps
    what they said (and the registration the pass's xAPI statements carry). Quiz attempts are not
    copied: they stay in QuizAttempt under their cycle number."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="past_cycles", verbose_name=_("enrolment")
    )
    cycle = models.PositiveSmallIntegerField(_("attempt at the course"))
    registration = models.UUIDField(_("registration"))
    started_at = models.DateTimeField(_("started"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    best_score = models.FloatField(_("best score (0–1)"), null=True, blank=True)
    lessons_completed = models.PositiveIntegerField(_("lessons completed"), default=0)
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    lesson_progress = models.JSONField(_("lesson progress"), default=list)
    activity_progress = models.JSONField(_("activity progress"), default=list)
    archived_at = models.DateTimeField(_("archived"))
    restarted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("restarted by"),
    )

    class Meta:
        verbose_name = _("past attempt at a course")
        verbose_name_plural = _("past attempts at courses")
        ordering = ["enrolment", "cycle"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "cycle"], name="one_archive_per_enrolment_cycle")
        ]

    def __str__(self):
        return f"{self.enrolment_id} · #{self.cycle}"


class ReflectionAnswer(models.Model):
    """A learner's private answer to a reflection prompt; only they see it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("learner")
    )
    lesson_key = models.UUIDField(_("lesson"))
    block_id = models.CharField(_("prompt"), max_length=64)
    text = models.TextField(_("answer"), max_length=5000)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reflection answer")
        verbose_name_plural = _("reflection answers")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "block_id"], name="one_reflection_per_prompt"
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.block_id}"
