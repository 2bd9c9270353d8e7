"""Reads of the privacy app: the notice in force, a person's consent, exports, erasures, the log."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import AuditEvent, Consent, DataExport, Erasure, NoticeVersion, email_fingerprint

User = get_user_model()


def current_notice_version():
    """The number of the notice in force; 0 while no version has been published. Read afresh: it is
    asked once per login, and a version an editor adds must count at the very next one."""
    return NoticeVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0


def current_notice():
    return NoticeVersion.objects.order_by("-number").first()


def notice_url(request):
    """The privacy notice in the request's language (the page the footer links to), or ""."""
    from website import shell

    return (shell.footer(request).get("privacy_page") or {}).get("url", "")


def consented_version(user):
    """The newest notice version the person agreed to, or None."""
    return (
        Consent.objects.filter(user=user)
        .order_by("-notice_version")
        .values_list("notice_version", flat=True)
        .first()
    )


def must_agree_again(user):
    """Whether a person who agreed to an older notice has to agree to the one now in force. Accounts
    with no recorded consent (made by an administrator) are asked the same way once a notice exists."""
    current = current_notice_version()
    if not current or getattr(user, "is_staff", False):
        return False
    agreed = consented_version(user)
    return agreed is None or agreed < current


def consents_of(user):
    return Consent.objects.filter(user=user).order_by("given_at", "pk")


def latest_export(user):
    return DataExport.objects.filter(user=user, requested_by=user).order_by("-created_at", "-pk").first()


def export_in_progress(user):
    return DataExport.objects.filter(
        user=user, status__in=[DataExport.Status.PENDING, DataExport.Status.RUNNING]
    ).first()


def export_for(user, export_uuid):
    """The export with this id if ``user`` may see it (their own), else None."""
    return DataExport.objects.filter(uuid=export_uuid, user=user).first()


def is_erased(user):
    return Erasure.objects.filter(user=user).exists()


def erasure_for_email(email):
    """The erasure of the account that used this address, or None (used to explain a failed login)."""
    return Erasure.objects.filter(email_fingerprint=email_fingerprint(email)).order_by("-erased_at").first()


def may_manage_personal_data(user):
    """Administrators who answer people's requests: superusers, or those given the permission."""
    return bool(user.is_authenticated and (user.is_superuser or user.has_perm("privacy.view_auditevent")))


def audit_events(*, action="", person=None):
    events = AuditEvent.objects.all()
    if action:
        events = events.filter(action=action)
    if person is not None:
        events = events.filter(Q(subject_ref=person) | Q(actor_ref=person))
    return events.order_by("-at", "-pk")


def find_people(query):
    """Accounts for the administrators' search, erased placeholders left out."""
    people = User.objects.filter(privacy_erasure__isnull=True).order_by("email")
    query = (query or "").strip()
    if not query:
        return people.none()
    if query.isdigit() and len(query) < 19:
        return people.filter(Q(pk=int(query)) | Q(email__icontains=query))
    return people.filter(
        Q(email__icontains=query) | Q(first_name__icontains=query) | Q(last_name__icontains=query)
    )


def exports_requested_by(admin, person):
    return DataExport.objects.filter(user=person, requested_by=admin).order_by("-created_at")[:5]


def export_valid_hours():
    return settings.PRIVACY_EXPORT_VALID_HOURS
