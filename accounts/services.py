"""Writes that span accounts models: sign-up, confirmation, memberships."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Membership, Organisation

User = get_user_model()
CONFIRM_SALT = "accounts.confirm-email"


def make_confirmation_token(user):
    return signing.dumps({"user": user.pk, "email": user.email}, salt=CONFIRM_SALT)


def read_confirmation_token(token):
    """Return the user the token confirms, or raise ``signing.BadSignature`` (expired is a subclass)."""
    payload = signing.loads(token, salt=CONFIRM_SALT, max_age=settings.ACCOUNT_CONFIRMATION_MAX_AGE)
    try:
        return User.objects.get(pk=payload["user"], email=payload["email"])
    except (User.DoesNotExist, KeyError, TypeError) as error:
        raise signing.BadSignature("unknown user") from error


def send_confirmation_email(request, user):
    url = request.build_absolute_uri(reverse("accounts:confirm", args=[make_confirmation_token(user)]))
    context = {"user": user, "url": url, "site_name": settings.WAGTAIL_SITE_NAME}
    with translation.override(user.preferred_language or translation.get_language()):
        subject = render_to_string("accounts/email/confirm_subject.txt", context).strip()
        body = render_to_string("accounts/email/confirm_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


@transaction.atomic
def sign_up(*, first_name, last_name, email, password, language=""):
    """Create an inactive account; it becomes active when the email address is confirmed."""
    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        preferred_language=language,
        is_active=False,
    )
    return user


def confirm_email(user):
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


def add_member(user, organisation, role=Membership.Role.LEARNER):
    membership, _created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    return membership


def default_organisation():
    organisation = Organisation.objects.filter(is_default=True).first()
    if organisation is None:
        organisation, _ = Organisation.objects.get_or_create(
            slug="platform",
            defaults={
                "name": settings.WAGTAIL_SITE_NAME,
                "kind": Organisation.Kind.TRAINING_PROVIDER,
                "is_default": True,
            },
        )
    return organisation


def training_provider(*, slug, name, country=""):
    """The training provider with ``slug``, created when missing. Returns (organisation, created)."""
    return Organisation.objects.get_or_create(
        slug=slug, defaults={"name": name, "kind": Organisation.Kind.TRAINING_PROVIDER, "country": country}
    )
