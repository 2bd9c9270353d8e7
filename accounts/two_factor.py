"""Two-step login with django-otp: an authenticator app (TOTP) and single-use backup codes.

Everyone who can open the admin areas (staff, editors, moderators, superusers) must use it there:
``AdminTwoFactorMiddleware`` sends them to enrol on their first admin visit and to enter a code on
each new login. Everyone else may switch it on from the account page. A superuser resets a person's
devices when the phone and the backup codes are lost (``wagtail_hooks``)."""

from io import BytesIO

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def must_use_two_factor(user):
    """Whether ``user`` needs a second step for the admin areas."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_authenticator(user):
    """The unconfirmed authenticator being set up (made on first call), so a reload keeps the QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def qr_code_svg(device):
    """The enrolment QR code as inline SVG, so no image URL carries the secret (issuer: OTP_TOTP_ISSUER)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8").split("?>", 1)[-1]


@transaction.atomic
def confirm_authenticator(device, token):
    """Confirm the app with its first code; returns the new backup codes, or None for a wrong code."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # Earlier unconfirmed attempts are of no use any more.
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user):
    """Replace the backup codes of ``user`` with a fresh set; each works once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    codes = [StaticToken.random_token() for _number in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


# ``for_verify`` locks the devices (SELECT … FOR UPDATE) so that two requests cannot both use the same
# code; the lock needs a transaction, which SQLite never asks for but PostgreSQL does.
@transaction.atomic
def matching_device(user, token):
    """The confirmed device that accepts ``token`` (a backup code is used up), or None."""
    token = "".join(str(token).split()).lower()
    if not token:
        return None
    for device in devices_for_user(user, confirmed=True, for_verify=True):
        if device.verify_token(token):
            return device
    return None


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset(user):
    """A superuser's recovery: remove every device; the person enrols again on the next admin visit."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
