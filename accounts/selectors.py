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
