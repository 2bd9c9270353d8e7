import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from .blocks import LegalItemBlock, TemplatePhaseBlock
from .vocabulary import COUNTRIES, PERMIT_TYPES, ROLES, SECTORS

LANGUAGE_CHOICES = settings.LANGUAGES


class PlanTemplate(TranslatableMixin, models.Model):
    """A reusable set of phases, steps and tasks: the default four-phase plan or a sector's additions."""

    class Kind(models.TextChoices):
        BASE = "base", _("Base plan")
        SECTOR = "sector", _("Sector steps")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.BASE)
    sector = models.CharField(_("sector"), max_length=40, choices=SECTORS, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    phases = StreamField([("phase", TemplatePhaseBlock())], verbose_name=_("phases"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("sector"),
        FieldPanel("summary"),
        FieldPanel("phases"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("plan template")
        verbose_name_plural = _("plan templates")
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_plan_template_slug_per_locale")
        ]

    def __str__(self):
        return self.title


class LegalChecklist(TranslatableMixin, models.Model):
    """What an employer checks before and after hiring in one country, each item with its official source."""

    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    last_reviewed = models.DateField(_("last reviewed"))
    items = StreamField([("item", LegalItemBlock())], verbose_name=_("checks"), blank=True)

    panels = [
        FieldPanel("country"),
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("last_reviewed"),
        FieldPanel("items"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("legal checklist")
        verbose_name_plural = _("legal checklists")
        ordering = ["country"]
        constraints = [
            models.UniqueConstraint(fields=["country", "locale"], name="unique_legal_checklist_per_locale")
        ]

    def __str__(self):
        return self.title


class PlanDraft(models.Model):
    """What someone has typed into the plan wizard so far, saved as they type; unvalidated."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="plan_drafts"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_drafts")
    data = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("plan draft")
        verbose_name_plural = _("plan drafts")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.data.get("hire_name") or str(self.uuid)


class IntegrationPlan(models.Model):
    """The plan of one new hire in one company: dated tasks with owners, mentoring and follow-up."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="integration_plans",
        verbose_name=_("company"),
    )
    hire_name = models.CharField(_("name or initials of the new hire"), max_length=120)
    hire_role = models.CharField(_("role or job title"), max_length=200)
    start_date = models.DateField(_("start date"))
    hire_languages = models.CharField(_("languages the new hire speaks"), max_length=200, blank=True)
    hire_language = models.CharField(
        _("language of the new hire's own view"), max_length=10, choices=LANGUAGE_CHOICES, default="en"
    )
    country = models.CharField(_("country of work"), max_length=2, choices=COUNTRIES)
    sector = models.CharField(_("sector"), max_length=40, choices=SECTORS, blank=True)
    permit_type = models.CharField(_("residence or permit type"), max_length=20, choices=PERMIT_TYPES)
    permit_expires_on = models.DateField(_("permit expires on"), null=True, blank=True)
    language = models.CharField(_("language of the plan"), max_length=10, choices=LANGUAGE_CHOICES)
    template_keys = models.JSONField(_("templates combined"), default=list, blank=True)
    legal_checklist_reviewed = models.DateField(_("legal checklist last reviewed"), null=True, blank=True)
    hr_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="plans_owned",
        verbose_name=_("HR owner"),
    )
    new_hire = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="own_integration_plans",
        verbose_name=_("new hire's account"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    mentoring_closed_at = models.DateTimeField(_("mentoring closed"), null=True, blank=True)
    mentoring_summary = models.TextField(_("closing summary of the mentoring"), blank=True)
    # The calendar feed's secret; empty when revoked. Only its holder reads the feed.
    calendar_token = models.CharField(max_length=64, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("integration plan")
        verbose_name_plural = _("integration plans")
        ordering = ["-start_date", "pk"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return f"{self.hire_name} · {self.hire_role}"

    @staticmethod
    def new_calendar_token():
        return secrets.token_urlsafe(32)


class PlanRole(models.Model):
    """Who holds a role in a plan (the HR owner is kept on the plan itself)."""

    plan = models.ForeignKey(IntegrationPlan, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=10, choices=ROLES)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_roles")

    class Meta:
        verbose_name = _("role in a plan")
        verbose_name_plural = _("roles in plans")
        constraints = [models.UniqueConstraint(fields=["plan", "role", "user"], name="unique_plan_role")]
        indexes = [models.Index(fields=["user", "plan"])]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()}"


class PlanTask(models.Model):
    """A dated task of a plan, copied from a template or a legal checklist, or added by hand."""

    class Kind(models.TextChoices):
        TEMPLATE = "template", _("From a template")
        LEGAL = "legal", _("Legal check")
        CUSTOM = "custom", _("Added by hand")

    plan = models.ForeignKey(IntegrationPlan, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEMPLATE)
    phase_number = models.PositiveSmallIntegerField(_("phase"), default=1)
    phase_title = models.CharField(_("phase"), max_length=200)
    step_title = models.CharField(_("step"), max_length=200, blank=True)
    title = models.CharField(_("task"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    role = models.CharField(_("role"), max_length=10, choices=ROLES)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_tasks",
        verbose_name=_("owner"),
    )
    external_owner = models.CharField(_("owner outside the company"), max_length=200, blank=True)
    due_on = models.DateField(_("due on"))
    # The template's timing in days from the start date; empty for tasks added by hand.
    offset_days = models.IntegerField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    done_note = models.TextField(_("note"), blank=True)
    # "<template translation key>:<block id>": finds the task's text in the new hire's language.
    template_key = models.CharField(max_length=100, blank=True)
    themes = models.JSONField(default=list, blank=True)
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_name = models.CharField(_("official source"), max_length=200, blank=True)
    source_url = models.URLField(_("link to the official source"), blank=True)

    class Meta:
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")
        ordering = ["due_on", "position", "pk"]
        indexes = [
            models.Index(fields=["plan", "phase_number", "position"]),
            models.Index(
                fields=["due_on"], condition=models.Q(done_at__isnull=True), name="plan_task_open_due"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_done(self):
        return self.done_at is not None

    def is_overdue(self, today=None):
        return not self.is_done and self.due_on < (today or timezone.localdate())


class MentoringMeeting(models.Model):
    """A mentoring session in the five-step structure, with its outcome and agreed next steps."""

    plan = models.ForeignKey(IntegrationPlan, on_delete=models.CASCADE, related_name="meetings")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mentoring_meetings",
        verbose_name=_("tutor or mentor"),
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place or link"), max_length=200, blank=True)
    frame = models.TextField(_("1. Set the frame"), blank=True)
    rapport = models.TextField(_("2. Build rapport"), blank=True)
    goal = models.TextField(_("3. Agree a goal"), blank=True)
    action_plan = models.TextField(_("4. Make a plan"), blank=True)
    evaluation = models.TextField(_("5. Evaluate"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    next_steps = models.TextField(_("agreed next steps"), blank=True)
    held_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring meeting")
        verbose_name_plural = _("mentoring meetings")
        ordering = ["starts_at", "pk"]

    def __str__(self):
        return f"{self.plan} · {self.starts_at:%Y-%m-%d}"


class FollowUpOutcome(models.Model):
    """What became of the hire at a follow-up milestone (three months, one year, three years)."""

    class Milestone(models.TextChoices):
        THREE_MONTHS = "3m", _("After three months")
        ONE_YEAR = "1y", _("After one year")
        THREE_YEARS = "3y", _("After three years")

    plan = models.ForeignKey(IntegrationPlan, on_delete=models.CASCADE, related_name="outcomes")
    milestone = models.CharField(_("milestone"), max_length=2, choices=Milestone.choices)
    still_employed = models.BooleanField(_("still employed"))
    role = models.CharField(_("current role"), max_length=200, blank=True)
    progression = models.CharField(_("progression"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("follow-up outcome")
        verbose_name_plural = _("follow-up outcomes")
        ordering = ["plan", "milestone"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "milestone"], name="unique_outcome_per_milestone")
        ]

    def __str__(self):
        return f"{self.plan} · {self.get_milestone_display()}"


class HireInvitation(models.Model):
    """The company's invitation to the new hire to see their own view of the plan."""

    plan = models.ForeignKey(IntegrationPlan, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address of the new hire"))
    token = models.CharField(max_length=64, unique=True, default=IntegrationPlan.new_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation of a new hire")
        verbose_name_plural = _("invitations of new hires")

    def __str__(self):
        return self.email


class SentReminder(models.Model):
    """One row per reminder ever sent: the unique key is what makes every reminder go out once."""

    class Kind(models.TextChoices):
        TASK_DUE = "task-due", _("Task due")
        TASK_OVERDUE = "task-overdue", _("Task overdue")
        PERMIT = "permit", _("Permit expiry")
        CHECK_IN = "check-in", _("Follow-up check-in")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    plan = models.ForeignKey(IntegrationPlan, on_delete=models.CASCADE, related_name="sent_reminders")
    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The task id, the permit's expiry date and threshold ("2027-03-01:30"), or a milestone ("3m").
    key = models.CharField(max_length=40)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    run = models.UUIDField(db_index=True)
    sent_on = models.DateField()

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [models.UniqueConstraint(fields=["kind", "plan", "key"], name="unique_sent_reminder")]

    def __str__(self):
        return f"{self.kind} {self.key} · {self.sent_on}"
