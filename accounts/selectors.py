"""Reads about people and organisations that other apps use (never ``Membership`` directly)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from website import treecache
from website.queries import PreparedQuery

from .models import Membership, Organisation


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


def organisations_managed_by(user):
    """Organisations where ``user`` is a trainer or company admin: whose members they may enrol,
    follow and issue certificates to."""
    return organisations_where(user, Membership.Role.TRAINER, Membership.Role.COMPANY_ADMIN)


def all_organisation_ids():
    """Ids of every organisation: for lookups in tables whose index starts with the organisation."""
    return list(Organisation.objects.values_list("pk", flat=True))


def organisation_ids_of(user_id):
    """Ids of the organisations a user (by id) is a member of, in any role."""
    return list(Membership.objects.filter(user_id=user_id).values_list("organisation_id", flat=True))


_ENROLLING_MEMBERSHIP = PreparedQuery(
    Membership,
    lambda user_id: Membership.objects.filter(
        user_id=user_id, role__in=[Membership.Role.TRAINER, Membership.Role.COMPANY_ADMIN]
    ).order_by(),
    user_id=Membership._meta.get_field("user"),
)


def may_enrol_others(user):
    """Whether ``user`` is a trainer or company admin anywhere (``courses.services`` says where).

    Asked on every course page, so the query is prepared (``website.queries``)."""
    if not user.is_authenticated:
        return False
    return _ENROLLING_MEMBERSHIP.first(user_id=user.pk) is not None


def may_use_admin(user):
    """Whether ``user`` may open the Wagtail admin (and so sees the editor's user bar on pages).

    Kept per user under the page-tree version, which changes of groups, permissions and superuser,
    staff or active flags bump (``website.signals``), for at most EDITOR_CHECK_CACHE_SECONDS: a
    learner's page costs no query for it."""
    if user.is_superuser:
        return user.is_active
    return treecache.cached(
        "may-use-admin",
        lambda: user.has_perm("wagtailadmin.access_admin"),
        timeout=settings.EDITOR_CHECK_CACHE_SECONDS,
        scope=treecache.for_user(user),
    )


def members_of_organisations_managed_by(user):
    """Ids of every member of the organisations where ``user`` is a trainer or company admin."""
    organisations = Membership.objects.filter(
        user=user, role__in=[Membership.Role.TRAINER, Membership.Role.COMPANY_ADMIN]
    ).values_list("organisation_id", flat=True)
    return set(
        Membership.objects.filter(organisation_id__in=list(organisations)).values_list("user_id", flat=True)
    )


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


def members_of(organisation):
    """The people who hold any role in an organisation, each once, by name."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def _organisations_of_kind_where(user, kind, role):
    if not user.is_authenticated:
        return []
    return [
        m.organisation
        for m in Membership.objects.filter(user=user, role=role, organisation__kind=kind)
        .select_related("organisation")
        .order_by("organisation__name")
    ]


def training_providers_where_trainer(user):
    """Training providers where ``user`` is a trainer (where they run workshops), by name."""
    return _organisations_of_kind_where(user, Organisation.Kind.TRAINING_PROVIDER, Membership.Role.TRAINER)


def companies_where_admin(user):
    """Companies where ``user`` is a company admin, by name."""
    return _organisations_of_kind_where(user, Organisation.Kind.COMPANY, Membership.Role.COMPANY_ADMIN)


def learners_of(organisation_ids):
    """Active people with the learner role in the organisations (a queryset of users, by name)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__organisation_id__in=list(organisation_ids),
            memberships__role=Membership.Role.LEARNER,
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def country_of_user():
    """An expression for the country of the organisation a ``user_id`` column's person belongs to
    (the first one with a country), for grouped statistics in other apps."""
    from django.db.models import OuterRef, Subquery

    return Subquery(
        Membership.objects.filter(user_id=OuterRef("user_id"))
        .exclude(organisation__country="")
        .order_by("organisation_id")
        .values("organisation__country")[:1]
    )


def user_with_email(email):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__iexact=(email or "").strip()).first()


def organisation_by_slug(slug):
    return Organisation.objects.filter(slug=slug).first()
