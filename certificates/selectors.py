"""Reads that the dashboard, the verification page, the admin and the exports share.

Enrolments and course pages are read through ``courses.selectors`` (imported where used: courses
calls this app when a course is completed), and course pages through the attributes that contract
names (``translation_key``, ``certificate_requires_pass_mark``, ``certificate_validity_months``,
``refresher_course``)."""

import base64
import mimetypes
from functools import lru_cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from .models import Certificate


def specific(page):
    return getattr(page, "specific", page) if page is not None else None


def enrolment_of(user, course_key):
    from courses import selectors as courses

    return courses.enrolment_of(user, course_key)


def score_percent(best_score):
    """Courses stores the best score as a scaled value (0–1); the pass mark is a percentage."""
    if best_score is None:
        return None
    return float(best_score) * 100


def meets_rule(course, enrolment):
    """True when the enrolment fulfils the course's certificate rule: completed, and the pass mark if set."""
    if enrolment is None or enrolment.completed_at is None:
        return False
    pass_mark = getattr(course, "certificate_requires_pass_mark", None)
    if pass_mark is None:
        return True
    score = score_percent(enrolment.best_score)
    return score is not None and score + 1e-9 >= pass_mark


def course_in_language(course, language):
    """The translation of ``course`` in ``language`` when it exists, else the course itself."""
    from wagtail.models import Locale

    if hasattr(course, "get_translation_or_none"):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None and getattr(course, "locale_id", None) != locale.pk:
            translated = course.get_translation_or_none(locale)
            if translated is not None:
                return specific(translated)
    return course


def certificate_language(user, course):
    codes = {code for code, _name in settings.LANGUAGES}
    if user.preferred_language in codes:
        return user.preferred_language
    locale = getattr(course, "locale", None)
    if locale is not None and locale.language_code in codes:
        return locale.language_code
    return settings.LANGUAGE_CODE


def latest_certificate(user, course_key):
    return Certificate.objects.filter(user=user, course_key=course_key).order_by("-issued_at", "-pk").first()


def certificates_of(user):
    return (
        Certificate.objects.filter(user=user).select_related("course", "issuer").order_by("-issued_at", "-pk")
    )


def dashboard_certificates(user):
    """The learner's certificates, newest first, each annotated with a renewal link when it is due."""
    result = []
    renewed = set(
        Certificate.objects.filter(user=user, renews__isnull=False).values_list("renews_id", flat=True)
    )
    for certificate in certificates_of(user):
        certificate.renewal_url = None
        certificate.take_again = None
        if certificate.pk not in renewed and renewal_due(certificate):
            target = renewal_course(certificate)
            if target is not None:
                certificate.renewal_url = getattr(target, "url", None)
                certificate.renewal_title = target.title
            certificate.take_again = take_again_offer(user, certificate)
            if certificate.take_again and getattr(target, "translation_key", None) == certificate.course_key:
                # The course is its own renewal: the button replaces a link to the same place.
                certificate.renewal_url = None
        result.append(certificate)
    return result


def take_again_offer(user, certificate):
    """The course and enrolment cycle for a "Take the course again" button, or None.

    Offered when the holder finished the course itself and it is still published; a learner already
    taking it again (or renewing through the refresher) gets no button."""
    course = specific(certificate.course)
    if course is None or not getattr(course, "live", False):
        return None
    enrolment = enrolment_of(user, certificate.course_key)
    if enrolment is None or enrolment.completed_at is None:
        return None
    translated = course_in_language(course, certificate.language)
    if not getattr(translated, "live", False):
        translated = course
    return {"course_id": translated.pk, "cycle": getattr(enrolment, "cycle", 1)}


def renewal_due(certificate, today=None):
    if certificate.status == Certificate.Status.REVOKED or certificate.expires_on is None:
        return False
    days = certificate.days_left(today)
    return days is not None and days <= max(settings.CERTIFICATES_REMINDER_DAYS)


def renewal_course(certificate):
    """Where a holder goes to renew: the course's refresher when it names one, else the course itself."""
    course = specific(certificate.course)
    if course is None:
        return None
    target = specific(getattr(course, "refresher_course", None)) or course
    return course_in_language(target, certificate.language)


def courses_renewed_by(course):
    """Course pages (any language) that name ``course`` as their refresher."""
    from courses import selectors as courses

    return courses.courses_renewed_by(course)


def course_pages():
    """One page per course (the default language when it exists), for choosing a course."""
    from courses import selectors as courses

    return courses.course_choices()


def course_by_key(course_key):
    for page in course_pages():
        if str(page.translation_key) == str(course_key):
            return page
    return None


def managed_user_ids(user):
    """Ids of people whose certificates ``user`` may handle; None means everyone (staff)."""
    if user.is_superuser or user.has_perm("certificates.add_certificate"):
        return None
    from accounts.selectors import members_of_organisations_managed_by

    return members_of_organisations_managed_by(user)


def is_platform_admin(user):
    """Superusers and whoever may revoke certificates in the admin (``change_certificate``)."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("certificates.change_certificate")


def revoked_by_platform_admin(certificate):
    """Whether the revocation of ``certificate`` came from a platform administrator.

    The audit log records it at the time; a revocation from before the log, or by nobody named,
    counts as the platform's own."""
    from .models import CertificateEvent

    event = (
        CertificateEvent.objects.filter(certificate=certificate, action=CertificateEvent.Action.REVOKED)
        .order_by("-at", "-pk")
        .first()
    )
    if event is not None:
        return event.by_platform_admin
    return certificate.revoked_by is None or is_platform_admin(certificate.revoked_by)


def audit_log():
    from .models import CertificateEvent

    return CertificateEvent.objects.select_related("actor").order_by("-at", "-pk")


def can_manage(user):
    if not user.is_authenticated:
        return False
    ids = managed_user_ids(user)
    return ids is None or bool(ids)


def learners_of_course(manager, course_key):
    """People enrolled in the course whom ``manager`` may handle, with their current certificate."""
    from courses import selectors as courses

    User = get_user_model()
    holders = Certificate.objects.filter(course_key=course_key).values("user_id")
    people = User.objects.filter(Q(pk__in=courses.enrolled_user_ids(course_key)) | Q(pk__in=holders))
    allowed = managed_user_ids(manager)
    if allowed is not None:
        people = people.filter(pk__in=allowed)
    people = list(people.order_by("last_name", "first_name", "email"))
    latest = {}
    for certificate in Certificate.objects.filter(course_key=course_key, user__in=people).order_by(
        "issued_at"
    ):
        latest[certificate.user_id] = certificate
    completed = courses.completion_dates(course_key, people)
    for person in people:
        person.certificate = latest.get(person.pk)
        person.completed_at = completed.get(person.pk)
    return people


def exportable_certificates(manager, course_key, user_ids=None):
    certificates = Certificate.objects.filter(course_key=course_key).not_revoked()
    allowed = managed_user_ids(manager)
    if allowed is not None:
        certificates = certificates.filter(user_id__in=allowed)
    if user_ids:
        certificates = certificates.filter(user_id__in=user_ids)
    return certificates.select_related("issuer", "user").order_by("holder_name", "pk")


@lru_cache(maxsize=64)
def _logo_data_uri(name, size):
    from django.core.files.storage import default_storage

    with default_storage.open(name, "rb") as handle:
        data = handle.read()
    mime = mimetypes.guess_type(name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def issuer_of(certificate):
    """Name and logo shown as the issuer; the platform operator when the certificate names none."""
    organisation = certificate.issuer
    if organisation is None:
        from accounts.services import default_organisation

        organisation = default_organisation()
    logo = None
    if organisation.logo:
        try:
            logo = _logo_data_uri(organisation.logo.name, organisation.logo.size)
        except OSError:
            logo = None
    return {
        "organisation": organisation,
        "name": organisation.issuer_name or organisation.name,
        "logo": logo,
        "logo_name": organisation.logo.name if organisation.logo else "",
    }


def certificates_due_for_reminder(threshold, lower_threshold, today=None):
    """Valid certificates expiring within ``threshold`` days (but more than ``lower_threshold``) that
    have not had this reminder or a later one."""
    today = today or timezone.localdate()
    from datetime import timedelta

    return (
        Certificate.objects.currently_valid(today)
        .filter(expires_on__lte=today + timedelta(days=threshold))
        .filter(expires_on__gt=today + timedelta(days=lower_threshold))
        .filter(Q(last_reminder_days__isnull=True) | Q(last_reminder_days__gt=threshold))
        .exclude(renewals__isnull=False)
        .select_related("user", "course")
    )


def certificates_of_people(user_ids):
    """Current (not revoked) certificates of several people, those expiring soonest first and those
    that never expire last (one query). For the company dashboard."""
    from django.db.models import F

    return list(
        Certificate.objects.filter(user_id__in=list(user_ids))
        .not_revoked()
        .select_related("user")
        .order_by(F("expires_on").asc(nulls_last=True), "-issued_at")
    )


def issued_per_month():
    """[(month, number of certificates issued)] over the whole history, oldest first."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    return list(
        Certificate.objects.order_by()
        .annotate(month=TruncMonth("issued_at"))
        .values_list("month")
        .annotate(total=Count("pk"))
        .order_by("month")
    )
