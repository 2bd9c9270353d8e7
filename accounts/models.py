import uuid

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


# An erased account keeps its row (other people's cohorts and plans point at it) with an address in
# this reserved domain and no name (privacy.services.erase_person, accounts/personal_data.py).
ERASED_EMAIL_DOMAIN = "erased.invalid"


class User(AbstractUser):
    """A person: learner, trainer, company admin or editor. People log in with their email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(_("preferred language"), max_length=10, blank=True)
    # The xAPI actor is an account with this opaque id, never the email (pseudonymous by default).
    xapi_id = models.UUIDField(_("pseudonymous learner id"), default=uuid.uuid4, unique=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        if self.is_erased:
            return str(_("Deleted participant"))
        return self.get_full_name() or self.email

    @property
    def is_erased(self):
        return self.email.endswith("@" + ERASED_EMAIL_DOMAIN)

    @property
    def display_name(self):
        if self.is_erased:
            return str(_("Deleted participant"))
        return self.get_full_name() or self.email.split("@")[0]


class Organisation(models.Model):
    """A company that hires and integrates, or a training provider that runs workshops."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        TRAINING_PROVIDER = "training_provider", _("Training provider")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.COMPANY)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166 code, e.g. DE"))
    # Certificates name their issuer; an organisation may issue under its own name and logo.
    issuer_name = models.CharField(_("name on certificates"), max_length=200, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    is_default = models.BooleanField(
        _("platform operator"), default=False, help_text=_("The organisation that runs this platform.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    members = models.ManyToManyField(User, through="Membership", related_name="organisations")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="one_default_organisation"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200] or uuid.uuid4().hex[:12]
        super().save(*args, **kwargs)


class Membership(models.Model):
    """A person's place in an organisation and what they may do there."""

    class Role(models.TextChoices):
        LEARNER = "learner", _("Learner")
        TRAINER = "trainer", _("Trainer")
        COMPANY_ADMIN = "company_admin", _("Company admin")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEARNER)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="unique_membership_role")
        ]
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self):
        # Each part isolated (U+2068…U+2069), so an e-mail address beside Arabic text keeps its order.
        return " · ".join(
            f"\u2068{part}\u2069" for part in (self.user, self.organisation, self.get_role_display())
        )
