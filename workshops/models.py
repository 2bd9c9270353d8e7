"""Cohorts, their sessions and join codes, participants, attendance, and evaluations."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

# Letters and digits nobody mixes up when a trainer reads a code aloud or writes it on a board.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Cohort(models.Model):
    """A group of people a trainer takes through one or more courses in a workshop."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="cohorts",
        verbose_name=_("training provider"),
    )
    title = models.CharField(_("title"), max_length=200)
    # Translation keys of the courses (all languages of a course share one enrolment).
    course_keys = models.JSONField(_("courses"), default=list)
    place = models.CharField(_("place"), max_length=300, blank=True)
    meeting_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=20)
    stuck_after_days = models.PositiveSmallIntegerField(_("stuck after (days without progress)"), default=7)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="cohorts_trained", verbose_name=_("trainers")
    )
    self_assessment = models.ForeignKey(
        "workshops.EvaluationTemplate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("self-assessment"),
        limit_choices_to={"kind": "self_assessment"},
    )
    satisfaction = models.ForeignKey(
        "workshops.EvaluationTemplate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("satisfaction form"),
        limit_choices_to={"kind": "satisfaction"},
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class SessionDay(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="days", verbose_name=_("cohort")
    )
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("session day")
        verbose_name_plural = _("session days")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["cohort", "date"], name="one_session_per_cohort_day")]

    def __str__(self):
        return f"{self.cohort} · {self.date}"


class JoinCode(models.Model):
    """The short code participants type (or scan as a QR code) to join a cohort."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="join_codes", verbose_name=_("cohort")
    )
    code = models.CharField(_("code"), max_length=12, unique=True, default=new_code)
    expires_at = models.DateTimeField(_("expires"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("join code")
        verbose_name_plural = _("join codes")
        ordering = ["-created_at"]

    def __str__(self):
        return self.code

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()


class Participant(models.Model):
    class Source(models.TextChoices):
        CODE = "code", _("Join code")
        INVITATION = "invitation", _("Invitation")
        LIST = "list", _("CSV list")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="participants", verbose_name=_("cohort")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cohort_places",
        verbose_name=_("participant"),
    )
    source = models.CharField(_("joined by"), max_length=20, choices=Source.choices, default=Source.CODE)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="one_place_per_cohort")]

    def __str__(self):
        return f"{self.user} · {self.cohort}"


class Invitation(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("cohort")
    )
    email = models.EmailField(_("email address"))
    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["cohort", "email"], name="one_invitation_per_address")]

    def __str__(self):
        return self.email


class Attendance(models.Model):
    day = models.ForeignKey(
        SessionDay, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("session day")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("participant")
    )
    present = models.BooleanField(_("present"), default=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(_("marked"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["day", "user"], name="one_attendance_per_day")]

    def __str__(self):
        return f"{self.day} · {self.user_id} · {self.present}"


# ---------------------------------------------------------------- evaluation


class Competence(models.TextChoices):
    """The three levels of the COME IN competence model."""

    AWARENESS = "awareness", _("Awareness")
    KNOWLEDGE = "knowledge", _("Knowledge")
    SKILLS = "skills", _("Skills")


class SelfAssessmentItem(blocks.StructBlock):
    competence = blocks.ChoiceBlock(choices=Competence.choices, label=_("Competence"))
    statement = blocks.CharBlock(
        label=_("Statement"),
        max_length=300,
        help_text=_("For example: I can explain who checks a work permit."),
    )

    class Meta:
        icon = "tick"
        label = _("Self-assessment statement (1–5)")


class RatingItem(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)

    class Meta:
        icon = "pick"
        label = _("Satisfaction rating (1–5)")


class OpenItem(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)

    class Meta:
        icon = "openquote"
        label = _("Open question")


class EvaluationTemplate(index.Indexed, models.Model):
    """An evaluation form editors maintain: a self-assessment taken before and after a workshop, or
    a satisfaction form with open suggestions taken at the end."""

    class Kind(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment (before and after)")
        SATISFACTION = "satisfaction", _("Satisfaction and suggestions")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.SELF_ASSESSMENT)
    introduction = models.TextField(_("introduction"), blank=True)
    items = StreamField(
        [("self_assessment", SelfAssessmentItem()), ("rating", RatingItem()), ("open", OpenItem())],
        verbose_name=_("items"),
    )

    panels = [FieldPanel("title"), FieldPanel("kind"), FieldPanel("introduction"), FieldPanel("items")]
    search_fields = [index.SearchField("title")]

    class Meta:
        verbose_name = _("evaluation template")
        verbose_name_plural = _("evaluation templates")
        ordering = ["title"]

    def __str__(self):
        return self.title


class EvaluationResponse(models.Model):
    class Phase(models.TextChoices):
        BEFORE = "before", _("Before the workshop")
        AFTER = "after", _("After the workshop")
        END = "end", _("At the end")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("cohort")
    )
    template = models.ForeignKey(
        EvaluationTemplate, on_delete=models.PROTECT, related_name="responses", verbose_name=_("template")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("participant")
    )
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices)
    # {item block id: 1-5 rating or text}
    answers = models.JSONField(_("answers"), default=dict)
    submitted_at = models.DateTimeField(_("submitted"), auto_now=True)

    class Meta:
        verbose_name = _("evaluation response")
        verbose_name_plural = _("evaluation responses")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "template", "user", "phase"], name="one_response_per_phase"
            )
        ]

    def __str__(self):
        return f"{self.cohort} · {self.user_id} · {self.phase}"
