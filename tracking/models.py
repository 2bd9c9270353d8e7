"""The statement store, xAPI documents, LRS credentials and the forwarding outbox.

Statements are append-only: a row is written once and only its ``voided`` flag ever changes. Every
filter the API offers is one indexed lookup: hashed IRIs and agent identifiers keep index entries short
(IRIs may be kilobytes long), and the two link tables carry ``stored`` so ``related_activities`` and
``agent`` queries page through an index without touching unrelated rows.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def text_hash(value):
    """A short fixed-length key for an IRI or agent identifier, used for every indexed lookup."""
    return hashlib.blake2b(value.encode("utf-8"), digest_size=16).hexdigest()


class Statement(models.Model):
    """One stored xAPI statement. ``raw`` is the statement exactly as the LRS returns it."""

    statement_id = models.UUIDField(_("statement id"), unique=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
        db_index=False,  # every composite index below starts with it
    )
    # Set when the platform itself recorded the statement for one of its users.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="xapi_statements",
        verbose_name=_("user"),
        db_index=False,  # the partial (user, verb_hash) index below serves lookups by user
    )
    actor_hash = models.CharField(max_length=32)
    verb_id = models.TextField(_("verb"))
    verb_hash = models.CharField(max_length=32)
    object_type = models.CharField(max_length=16)
    object_id = models.TextField(_("object"))
    object_hash = models.CharField(max_length=32)
    object_statement_id = models.UUIDField(null=True, blank=True)
    registration = models.UUIDField(_("registration"), null=True, blank=True)
    timestamp = models.DateTimeField(_("timestamp"))
    stored = models.DateTimeField(_("stored"))
    version = models.CharField(max_length=16)
    voided = models.BooleanField(_("voided"), default=False)
    has_attachments = models.BooleanField(default=False)
    raw = models.TextField()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            models.Index(fields=["organisation", "stored", "id"], name="xapi_stmt_org_stored"),
            models.Index(fields=["organisation", "verb_hash", "stored", "id"], name="xapi_stmt_verb"),
            models.Index(fields=["organisation", "object_hash", "stored", "id"], name="xapi_stmt_object"),
            models.Index(
                fields=["organisation", "registration", "stored", "id"], name="xapi_stmt_registration"
            ),
            # Only StatementRef statements: filters also return statements pointing at a match.
            models.Index(
                fields=["organisation", "stored", "id"],
                name="xapi_stmt_refs",
                condition=models.Q(object_statement_id__isnull=False),
            ),
            models.Index(
                fields=["user", "verb_hash"],
                name="xapi_stmt_user_verb",
                condition=models.Q(user__isnull=False),
            ),
        ]

    def __str__(self):
        return str(self.statement_id)

    @property
    def data(self):
        import json

        return json.loads(self.raw)


class StatementAgent(models.Model):
    """Every agent a statement mentions, twice for the actor and an agent object (and their members):
    once under a "direct" hash for the ``agent`` filter and once under a "related" hash for
    ``related_agents``, so both filters are a single index range."""

    # No index of its own: lookups start from the hash; only a (rare) statement delete scans.
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="agent_links", db_index=False
    )
    organisation_id = models.BigIntegerField()
    agent_hash = models.CharField(max_length=32)
    stored = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["organisation_id", "agent_hash", "stored", "statement"], name="xapi_agent_link"
            ),
        ]

    def __str__(self):
        return f"{self.statement_id} agent {self.agent_hash}"


class StatementActivity(models.Model):
    """Every activity a statement mentions (object, context activities, sub-statement)."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="activity_links", db_index=False
    )
    organisation_id = models.BigIntegerField()
    activity_hash = models.CharField(max_length=32)
    stored = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["organisation_id", "activity_hash", "stored", "statement"], name="xapi_activity_link"
            ),
        ]

    def __str__(self):
        return f"{self.statement_id} activity {self.activity_hash}"


class AttachmentFile(models.Model):
    """Attachment content, stored once per organisation and SHA-2, through Django's storage API."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    sha2 = models.CharField(max_length=128)
    content_type = models.CharField(max_length=255)
    length = models.PositiveBigIntegerField()
    file = models.FileField(upload_to="xapi/attachments/%Y/%m/")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "sha2"], name="xapi_attachment_unique")
        ]

    def __str__(self):
        return self.sha2


class Document(models.Model):
    """A State, Activity Profile or Agent Profile document."""

    class Kind(models.TextChoices):
        STATE = "state", _("State")
        ACTIVITY_PROFILE = "activity_profile", _("Activity profile")
        AGENT_PROFILE = "agent_profile", _("Agent profile")

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    activity_id = models.TextField(blank=True)
    activity_hash = models.CharField(max_length=32, blank=True)
    agent_hash = models.CharField(max_length=32, blank=True)
    # Empty when the document has no registration, so the unique constraint also holds then.
    registration = models.CharField(max_length=36, blank=True)
    document_id = models.TextField()
    document_hash = models.CharField(max_length=32)
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    etag = models.CharField(max_length=64)
    updated = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "organisation",
                    "kind",
                    "activity_hash",
                    "agent_hash",
                    "registration",
                    "document_hash",
                ],
                name="xapi_document_unique",
            )
        ]
        indexes = [
            models.Index(
                fields=["organisation", "kind", "activity_hash", "agent_hash"], name="xapi_document_scope"
            )
        ]

    def __str__(self):
        return f"{self.kind}: {self.document_id}"


class LRSKey(models.Model):
    """HTTP Basic credentials for one xAPI client of one organisation.

    Only a SHA-256 of the secret is kept: the secret is 32 random bytes, so a fast hash is as safe as a
    slow password hash here and costs microseconds per request instead of tens of milliseconds."""

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Write only")
        READ_WRITE = "read_write", _("Read and write")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="lrs_keys",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.READ_WRITE)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("LRS key")
        verbose_name_plural = _("LRS keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.key})"

    @staticmethod
    def hash_secret(secret):
        return hashlib.sha256(secret.encode("utf-8")).hexdigest()

    @classmethod
    def generate(cls, *, organisation, name, scope=Scope.READ_WRITE):
        """Create a key; the secret is returned once and never stored."""
        secret = secrets.token_urlsafe(32)
        key = cls.objects.create(
            organisation=organisation,
            name=name,
            scope=scope,
            key=secrets.token_hex(12),
            secret_hash=cls.hash_secret(secret),
        )
        return key, secret

    def check_secret(self, secret):
        return hmac.compare_digest(self.secret_hash, self.hash_secret(secret))

    @property
    def is_active(self):
        return self.revoked_at is None

    @property
    def can_read(self):
        return self.scope in (self.Scope.READ, self.Scope.READ_WRITE)

    @property
    def can_write(self):
        return self.scope in (self.Scope.WRITE, self.Scope.READ_WRITE)

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])


class ForwardingDestination(models.Model):
    """An external LRS that receives a copy of the statements."""

    class Version(models.TextChoices):
        V1_0_3 = "1.0.3", "1.0.3"
        V2_0_0 = "2.0.0", "2.0.0"

    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("Only statements of this organisation and its members; empty for every statement."),
    )
    endpoint = models.URLField(
        _("endpoint"), help_text=_("The xAPI base URL, e.g. https://lrs.example.org/xapi/")
    )
    username = models.CharField(_("username (key)"), max_length=255, blank=True)
    # The platform must present this to the external LRS, so it cannot be hashed.
    password = models.CharField(_("password (secret)"), max_length=255, blank=True)
    xapi_version = models.CharField(
        _("xAPI version"), max_length=10, choices=Version.choices, default=Version.V1_0_3
    )
    verb_filter = models.TextField(
        _("only these verbs"), blank=True, help_text=_("Verb IRIs, one per line. Empty: every verb.")
    )
    course_filter = models.TextField(
        _("only these courses"),
        blank=True,
        help_text=_("Course activity IRIs, one per line. Empty: every course."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("forwarding destination")
        verbose_name_plural = _("forwarding destinations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def verbs(self):
        return {line.strip() for line in self.verb_filter.splitlines() if line.strip()}

    @property
    def courses(self):
        return {line.strip() for line in self.course_filter.splitlines() if line.strip()}


class OutboxEntry(models.Model):
    """One statement waiting for (or delivered to, or given up on by) one destination."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        DEAD = "dead", _("Failed (dead letter)")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="outbox_entries")
    destination = models.ForeignKey(
        ForwardingDestination,
        on_delete=models.CASCADE,
        related_name="outbox_entries",
        verbose_name=_("destination"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("outbox entry")
        verbose_name_plural = _("outbox entries")
        indexes = [models.Index(fields=["destination", "status", "next_attempt_at"], name="xapi_outbox_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "destination"], name="xapi_outbox_once_per_destination"
            )
        ]

    def __str__(self):
        return f"{self.statement_id} → {self.destination_id} ({self.status})"
