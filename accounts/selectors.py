from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Membership


def roles_of(user):
    """The set of (organisation id, role) pairs a user holds."""
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("organisation_id", "role"))


def organisations_where(user, *roles):
    if not user.is_authenticated:
        return []
    return [
        m.organisation
        for m in Membership.objects.filter(user=user, role__in=roles).select_related("organisation")
    ]


def people_with_two_factor(query=""):
    """People who may open the admin or have set two-step login up, with whether they have."""
    User = get_user_model()
    people = User.objects.annotate(
        has_authenticator=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
        has_codes=Exists(StaticToken.objects.filter(device__user=OuterRef("pk"))),
    ).filter(Q(is_staff=True) | Q(is_superuser=True) | Q(groups__isnull=False) | Q(has_authenticator=True))
    if query:
        people = people.filter(
            Q(email__icontains=query) | Q(first_name__icontains=query) | Q(last_name__icontains=query)
        )
    return people.distinct().order_by("email")
