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


def members_of(organisation):
    """The people who hold any role in an organisation, each once, by name."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )
