"""Writes that span accounts models: sign-up, confirmation, memberships."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from .models import Membership, Organisation
from .tokens import confirmation_tokens

User = get_user_model()


def confirmation_path(user):
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("accounts:confirm", args=[uidb64, confirmation_tokens.make_token(user)])


def user_for_confirmation(uidb64, token):
    """The inactive account the link confirms, or None when the link is wrong, used, old or void."""
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError, User.DoesNotExist):
        return None
    if user.is_active or not confirmation_tokens.check_token(user, token):
        return None
    return user


def _send(user, template, context):
    context = {"user": user, "site_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(user.preferred_language or translation.get_language()):
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def send_confirmation_email(request, user):
    _send(user, "confirm", {"url": request.build_absolute_uri(confirmation_path(user))})


def send_already_registered_email(request, user):
    """Someone signed up with an address that has an account: tell its owner, not the visitor."""
    if not user.is_active:
        send_confirmation_email(request, user)
        return
    _send(
        user,
        "already_registered",
        {
            "login_url": request.build_absolute_uri(reverse("accounts:login")),
            "reset_url": request.build_absolute_uri(reverse("accounts:password_reset")),
        },
    )


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


def find_user_by_email(email):
    return User.objects.filter(email__iexact=email.strip()).first()


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
