"""Consent records, data exports, erasures, retention warnings and the audit log.

None of these rows holds a person's name or e-mail address: they point at the account, and after an
erasure the account itself holds neither (accounts' personal_data), so the log outlives the person
without identifying them."""

import hashlib
import hmac
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from website.private_files import private_storage


def email_fingerprint(email):
    """A keyed hash of an address: lets the login page recognise an erased account without keeping
    the address itself."""
    key = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(key, (email or "").strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()


class NoticeVersion(models.Model):
    """A version of the privacy notice. The text is the privacy page editors maintain (the footer's
    link); a new version is added when the text changes in a way people must agree to again."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    summary = models.TextField(
        _("what changed"), blank=True, help_text=_("Shown to people who are asked to agree again.")
    )
    published_at = models.DateTimeField(_("in force since"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy notice version")
        verbose_name_plural = _("privacy notice versions")
        ordering = ["-number"]

    def __str__(self):
        return _("Version %(number)s") % {"number": self.number}


class Consent(models.Model):
    """A person agreed to a version of the privacy notice, at a time, in a place of the site."""

    class Occasion(models.TextChoices):
        SIGN_UP = "sign_up", _("Sign-up")
        LOGIN = "login", _("Asked again at login")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="privacy_consents",
        verbose_name=_("person"),
    )
    notice_version = models.PositiveIntegerField(_("notice version"))
    occasion = models.CharField(_("where"), max_length=20, choices=Occasion.choices)
    given_at = models.DateTimeField(_("agreed on"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["user", "-notice_version"])]

    def __str__(self):
        return f"{self.user_id} v{self.notice_version}"


class DataExport(models.Model):
    """A "download my data" request: built in the background, downloaded once, then removed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being prepared")
        READY = "ready", _("Ready to download")
        DOWNLOADED = "downloaded", _("Downloaded")
        EXPIRED = "expired", _("Expired")
        FAILED = "failed", _("Failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_exports",
        verbose_name=_("person"),
    )
    # The person themself, or an administrator acting on the person's request.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(storage=private_storage, upload_to="privacy/exports/", blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("ready since"), null=True, blank=True)
    expires_at = models.DateTimeField(_("link valid until"), null=True, blank=True)
    downloaded_at = models.DateTimeField(_("downloaded"), null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(self.uuid)

    @property
    def in_progress(self):
        return self.status in (self.Status.PENDING, self.Status.RUNNING)


class Erasure(models.Model):
    """The account was erased: when, on whose initiative, and what each app did. The account row
    stays as an anonymous placeholder ("deleted participant") so other people's data stays whole."""

    class Reason(models.TextChoices):
        OWN_REQUEST = "own_request", _("The person deleted their account")
        ADMIN = "admin", _("An administrator erased it on request")
        RETENTION = "retention", _("Inactive beyond the retention period")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="privacy_erasure"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    email_fingerprint = models.CharField(max_length=64, db_index=True)
    erased_at = models.DateTimeField(_("erased"), auto_now_add=True)
    summary = models.JSONField(_("what was erased"), default=dict)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.erased_at:%Y-%m-%d}"


class RetentionWarning(models.Model):
    """One warning e-mail before an inactive account is deleted. The unique constraint makes each
    warning go out once per period of inactivity, however often the task runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Days before the deletion date this warning belongs to (PRIVACY_RETENTION_WARNING_DAYS).
    days_before = models.PositiveSmallIntegerField()
    # The last sign of life the warning is about; logging in starts a new period.
    inactive_since = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "days_before", "inactive_since"], name="one_retention_warning_per_period"
            )
        ]

    def __str__(self):
        return f"{self.user_id} −{self.days_before}d"


class AuditEvent(models.Model):
    """Who did what with whose personal data. Subject and actor are account ids, never names."""

    class Action(models.TextChoices):
        CONSENT = "consent", _("Agreed to the privacy notice")
        EXPORT_REQUESTED = "export_requested", _("Data export requested")
        EXPORT_DOWNLOADED = "export_downloaded", _("Data export downloaded")
        ERASED = "erased", _("Account erased")
        ADMIN_VIEWED = "admin_viewed", _("Administrator viewed the person's data")
        RETENTION_WARNING = "retention_warning", _("Retention warning sent")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("what"), max_length=24, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    # Kept when the accounts are gone, so the log still tells events apart.
    actor_ref = models.PositiveBigIntegerField(_("by (account number)"), null=True, blank=True)
    subject_ref = models.PositiveBigIntegerField(_("person (account number)"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["subject_ref", "-at"]), models.Index(fields=["action", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"
