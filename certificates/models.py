import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from website.private_files import private_storage

from . import codes

# The marker of the first certificate a learner earns for a course; later ones (renewals, re-issues
# after a revocation) are marked with the certificate they follow, so each step can happen only once.
FIRST_MARKER = "first"


def follows_marker(previous):
    return f"after:{previous.pk}"


class CertificateQuerySet(models.QuerySet):
    def not_revoked(self):
        return self.exclude(status=Certificate.Status.REVOKED)

    def currently_valid(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=Certificate.Status.VALID).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today)
        )


class Certificate(models.Model):
    """Proof that a person completed a course, verifiable by anyone who has its code."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    class Source(models.TextChoices):
        COMPLETION = "completion", _("Course completed")
        MANUAL = "manual", _("Issued by a trainer or admin")
        RENEWAL = "renewal", _("Renewal")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    # The course page may be deleted or moved; the snapshot fields below keep the certificate readable.
    course = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course"),
    )
    # All language versions of a course share a translation key, and so share certificates.
    course_key = models.UUIDField(_("course key"), db_index=True)
    issue_marker = models.CharField(_("issued for"), max_length=40, default=FIRST_MARKER, editable=False)
    renews = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        verbose_name=_("renews"),
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.COMPLETION)
    issuer = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_certificates",
        verbose_name=_("issuer"),
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates_issued",
        verbose_name=_("issued by"),
    )
    verification_code = models.CharField(_("verification code"), max_length=codes.LENGTH, unique=True)
    language = models.CharField(_("language"), max_length=10)
    holder_name = models.CharField(_("holder's name at issue"), max_length=300)
    course_title = models.CharField(_("course title at issue"), max_length=300)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates_revoked",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    # A hand-issued certificate for someone who had not met the course's rule states why it was
    # awarded (e.g. attendance at a named workshop); the verification page shows it.
    basis = models.CharField(_("awarded for"), max_length=500, blank=True)
    # The smallest reminder threshold (in days before expiry) already emailed, so none is sent twice.
    last_reminder_days = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    # Private storage: the PDF is handed out only by the permission-checked download view.
    pdf = models.FileField(_("PDF"), upload_to="certificates/pdf/", blank=True, storage=private_storage)
    pdf_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key", "issue_marker"], name="one_certificate_per_earned_completion"
            )
        ]
        indexes = [
            models.Index(fields=["status", "expires_on"]),
            models.Index(fields=["user", "course_key"]),
        ]

    def __str__(self):
        return f"{self.course_title} · {self.holder_name} · {self.code_display}"

    @property
    def code_display(self):
        return codes.grouped(self.verification_code)

    def current_status(self, today=None):
        """The status a verifier sees: expiry counts from the date, even before the nightly task runs."""
        if self.status == self.Status.REVOKED:
            return self.Status.REVOKED
        if self.expires_on and self.expires_on < (today or timezone.localdate()):
            return self.Status.EXPIRED
        return self.Status(self.status)

    def get_current_status_display(self):
        return self.current_status().label

    def days_left(self, today=None):
        if not self.expires_on:
            return None
        return (self.expires_on - (today or timezone.localdate())).days

    def verification_path(self, language=None):
        with translation.override(language or self.language):
            return reverse("certificates:verify", args=[self.code_display])

    def verification_url(self, language=None):
        return f"{settings.SITE_URL}{self.verification_path(language)}"


class CertificateExport(models.Model):
    """A ZIP of certificate PDFs that a trainer or admin asked for, built in the background."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("In progress")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    course_key = models.UUIDField(_("course key"))
    course_title = models.CharField(_("course"), max_length=300)
    certificates = models.ManyToManyField(Certificate, related_name="+", blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    archive = models.FileField(upload_to="certificates/exports/", blank=True, storage=private_storage)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate export")
        verbose_name_plural = _("certificate exports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.course_title} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def percent(self):
        if self.state == self.State.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0


class CertificateEvent(models.Model):
    """One line of the audit log: a certificate was issued or revoked, by whom, and why.

    Rows are written by ``services`` only and never changed; they outlive the certificate (the code
    and names are kept as text)."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")

    certificate = models.ForeignKey(
        Certificate,
        on_delete=models.SET_NULL,
        null=True,
        related_name="events",
        verbose_name=_("certificate"),
    )
    verification_code = models.CharField(_("verification code"), max_length=codes.LENGTH)
    holder_name = models.CharField(_("holder"), max_length=300)
    course_title = models.CharField(_("course"), max_length=300)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    source = models.CharField(_("source"), max_length=20, choices=Certificate.Source.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("by (name at the time)"), max_length=300, blank=True)
    by_platform_admin = models.BooleanField(_("by a platform administrator"), default=False)
    note = models.TextField(_("basis or reason"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("certificate audit entry")
        verbose_name_plural = _("certificate audit log")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.verification_code} ({self.at:%Y-%m-%d %H:%M})"
