"""Issuing, revoking, expiring and exporting certificates.

Exactly-once issuing rests on the database, not on a check-then-insert: every certificate carries an
``issue_marker`` ("first", or "after:<pk>" of the certificate it renews or replaces) and
(user, course_key, issue_marker) is unique. Two requests that race to issue the same step both try to
insert the same row; one wins and the other reads the winner."""

import calendar
import functools
import io
import logging
import random
import time
import zipfile
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, OperationalError, connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import codes, selectors
from .models import FIRST_MARKER, Certificate, CertificateEvent, CertificateExport, follows_marker

logger = logging.getLogger(__name__)


class CannotIssue(Exception):
    """The course or learner does not allow a certificate (shown to the trainer who asked)."""


def retry_when_sqlite_is_locked(function):
    """SQLite answers "database is locked" at once (instead of waiting) when two writers collide
    mid-transaction; the whole step is safe to repeat because the unique constraint keeps it
    exactly-once. Other databases, and calls inside a caller's transaction, see the error unchanged."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        for attempt in range(20):
            try:
                return function(*args, **kwargs)
            except OperationalError as error:
                if connection.vendor != "sqlite" or connection.in_atomic_block or "locked" not in str(error):
                    raise
                if attempt == 19:
                    raise
                time.sleep(0.01 + random.random() * 0.05 * (attempt + 1))

    return wrapper


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _record_earned(certificate, course):
    from tracking.services import activity_iri, record

    record(
        user=certificate.user,
        verb="earned",
        activity_id=activity_iri("certificate", str(certificate.uuid)),
        activity_type="certificate",
        name={certificate.language: certificate.course_title},
        parent=[activity_iri("course", str(certificate.course_key))],
        language=certificate.language,
        result={"completion": True, "success": True},
    )


def _create_once(*, user, course, marker, source, issued_by=None, issuer=None, renews=None, basis=""):
    """Insert the certificate for ``marker`` unless it exists; returns (certificate, created)."""
    course_key = course.translation_key
    language = selectors.certificate_language(user, course)
    translated = selectors.course_in_language(course, language)
    issued_at = timezone.now()
    months = getattr(course, "certificate_validity_months", None)
    expires_on = add_months(timezone.localdate(issued_at), months) if months else None
    if issuer is None:
        from accounts.services import default_organisation

        issuer = default_organisation()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    user=user,
                    course=course,
                    course_key=course_key,
                    issue_marker=marker,
                    source=source,
                    renews=renews,
                    issuer=issuer,
                    issued_by=issued_by,
                    verification_code=codes.generate(),
                    language=language,
                    holder_name=user.get_full_name() or user.email,
                    course_title=translated.title,
                    issued_at=issued_at,
                    expires_on=expires_on,
                    basis=basis,
                )
                _record_earned(certificate, course)
                _audit(certificate, CertificateEvent.Action.ISSUED, actor=issued_by, note=basis)
        except IntegrityError:
            existing = Certificate.objects.filter(
                user=user, course_key=course_key, issue_marker=marker
            ).first()
            if existing is not None:
                return existing, False
            # Otherwise the random code collided with another certificate's (about 1 in 2**60): draw again.
            continue
        transaction.on_commit(lambda pk=certificate.pk: _queue_render(pk))
        return certificate, True
    raise IntegrityError("Could not draw a unique verification code.")


def _queue_render(pk):
    from .tasks import render_certificate_pdf

    render_certificate_pdf.delay(pk)


def _next_marker(user, course_key):
    """The marker for the next certificate, and the one it follows (None for the first)."""
    previous = selectors.latest_certificate(user, course_key)
    return (follows_marker(previous), previous) if previous else (FIRST_MARKER, None)


@retry_when_sqlite_is_locked
def issue_if_earned(user, course_page):
    """Issue the certificate ``course_page``'s rule grants ``user``, once; None when nothing is earned.

    Called by courses whenever a course completes (any language version). Completing a course again
    when its certificate is due for renewal issues the renewal; completing a refresher renews the
    certificate of every course that names it."""
    course = selectors.specific(course_page)
    enrolment = selectors.enrolment_of(user, course.translation_key)
    if not selectors.meets_rule(course, enrolment):
        return None
    renewed = None
    for renewed_course in selectors.courses_renewed_by(course):
        certificate = _renew_if_due(user, renewed_course, enrolment)
        renewed = renewed or certificate
    if renewed is not None:
        return renewed
    previous = selectors.latest_certificate(user, course.translation_key)
    if previous is None:
        certificate, _created = _create_once(
            user=user, course=course, marker=FIRST_MARKER, source=Certificate.Source.COMPLETION
        )
        return certificate
    # Earned before and not due: the existing certificate stands (a revoked one stays revoked).
    return _renew_if_due(user, course, enrolment, previous) or previous


def _renew_if_due(user, course, enrolment, previous=None):
    """The renewal of ``user``'s latest certificate of ``course`` that ``enrolment``'s completion
    earns, or None. The one renewal rule: the certificate is not revoked, is due for renewal, and the
    course (or its refresher) was completed after it was issued."""
    previous = previous or selectors.latest_certificate(user, course.translation_key)
    if (
        previous is None
        or previous.status == Certificate.Status.REVOKED
        or not selectors.renewal_due(previous)
        or enrolment.completed_at <= previous.issued_at
    ):
        return None
    certificate, _created = _create_once(
        user=user,
        course=course,
        marker=follows_marker(previous),
        source=Certificate.Source.RENEWAL,
        renews=previous,
        issuer=previous.issuer,
    )
    return certificate


def _audit(certificate, action, *, actor=None, note=""):
    CertificateEvent.objects.create(
        certificate=certificate,
        verification_code=certificate.verification_code,
        holder_name=certificate.holder_name,
        course_title=certificate.course_title,
        action=action,
        source=certificate.source if action == CertificateEvent.Action.ISSUED else "",
        actor=actor,
        actor_name=(actor.get_full_name() or actor.email) if actor is not None else "",
        by_platform_admin=selectors.is_platform_admin(actor),
        note=note or "",
    )


def manual_issue_problem(user, course_page, *, issued_by, basis=""):
    """Why ``issued_by`` may not issue the course's certificate to ``user`` by hand, or None.

    Nobody issues to themselves; someone who has not met the course's rule gets a certificate only
    on a stated basis; a certificate a platform administrator revoked is issued again only by one."""
    if issued_by is None:
        return None
    course = selectors.specific(course_page)
    name = user.get_full_name() or user.email
    if issued_by.pk == user.pk:
        return _("You cannot issue a certificate to yourself; another trainer or an administrator can.")
    previous = selectors.latest_certificate(user, course.translation_key)
    if (
        previous is not None
        and previous.status == Certificate.Status.REVOKED
        and selectors.revoked_by_platform_admin(previous)
        and not selectors.is_platform_admin(issued_by)
    ):
        return _(
            "The certificate of %(name)s was revoked by a platform administrator; only a platform "
            "administrator can issue it again."
        ) % {"name": name}
    if not (basis or "").strip() and not selectors.meets_rule(
        course, selectors.enrolment_of(user, course.translation_key)
    ):
        return _(
            "%(name)s has not met the course's completion rule. State the basis for the certificate "
            "(for example attendance at a named workshop) to issue it anyway."
        ) % {"name": name}
    return None


def manual_issue_refusals(learners, course_page, *, issued_by, basis=""):
    """Every refusal for a hand issue to ``learners``, so a screen can report all of them at once."""
    problems = (
        manual_issue_problem(person, course_page, issued_by=issued_by, basis=basis) for person in learners
    )
    return [problem for problem in problems if problem]


def issue_to_learners(learners, course_page, *, issued_by, basis=""):
    """Issue (or confirm) the certificate of a course for each chosen learner, all or none."""
    with transaction.atomic():
        return [issue(person, course_page, issued_by=issued_by, basis=basis) for person in learners]


@retry_when_sqlite_is_locked
def issue(user, course_page, *, issued_by=None, issuer=None, basis=""):
    """Issue a certificate by hand (a trainer, an admin, later a workshop for its cohort).

    A learner who already holds a current certificate for the course keeps it; otherwise a new one is
    issued once, even when the button is pressed twice at the same moment. With ``issued_by`` (every
    screen passes the person) ``manual_issue_problem`` decides first; ``issued_by=None`` is for code
    that has decided already (demo content, benchmarks). ``basis`` is stored only when the rule is
    not met: a certificate for a completed course is earned, whatever else was typed."""
    course = selectors.specific(course_page)
    if getattr(course, "translation_key", None) is None:
        raise CannotIssue("not a course")
    problem = manual_issue_problem(user, course, issued_by=issued_by, basis=basis)
    if problem:
        raise CannotIssue(problem)
    basis = (basis or "").strip()[:500]
    if basis and selectors.meets_rule(course, selectors.enrolment_of(user, course.translation_key)):
        basis = ""
    previous = selectors.latest_certificate(user, course.translation_key)
    if previous is not None and previous.current_status() == Certificate.Status.VALID:
        return previous
    marker, previous = _next_marker(user, course.translation_key)
    certificate, _created = _create_once(
        user=user,
        course=course,
        marker=marker,
        source=Certificate.Source.MANUAL,
        issued_by=issued_by,
        issuer=issuer or (previous.issuer if previous else None),
        renews=previous if previous and previous.status != Certificate.Status.REVOKED else None,
        basis=basis,
    )
    return certificate


def revoke(certificate, *, reason, revoked_by=None):
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A revocation needs a reason.")
    with transaction.atomic():
        updated = Certificate.objects.filter(pk=certificate.pk).exclude(status=Certificate.Status.REVOKED)
        changed = updated.update(
            status=Certificate.Status.REVOKED,
            revoked_at=timezone.now(),
            revoked_by=revoked_by,
            revocation_reason=reason,
        )
        certificate.refresh_from_db()
        if changed:
            _audit(certificate, CertificateEvent.Action.REVOKED, actor=revoked_by, note=reason)
    return certificate


def mark_expired(today=None):
    """Move certificates past their date to "expired" so lists and filters agree with the verifier."""
    today = today or timezone.localdate()
    return Certificate.objects.filter(status=Certificate.Status.VALID, expires_on__lt=today).update(
        status=Certificate.Status.EXPIRED
    )


def send_expiry_reminders(threshold, today=None):
    """Email holders whose certificate expires within ``threshold`` days; returns how many were sent."""
    thresholds = sorted(settings.CERTIFICATES_REMINDER_DAYS)
    if threshold not in thresholds:
        raise ValueError(f"{threshold} is not one of CERTIFICATES_REMINDER_DAYS {thresholds}")
    index = thresholds.index(threshold)
    lower = thresholds[index - 1] if index else -1
    sent = 0
    for certificate in selectors.certificates_due_for_reminder(threshold, lower, today):
        claimed = Certificate.objects.filter(
            pk=certificate.pk, last_reminder_days=certificate.last_reminder_days
        )
        # Claim the reminder before sending, so two beat runs never email the same person twice.
        if not claimed.update(last_reminder_days=threshold):
            continue
        _send_reminder(certificate, today)
        sent += 1
    return sent


def _send_reminder(certificate, today):
    target = selectors.renewal_course(certificate)
    context = {
        "certificate": certificate,
        "days_left": certificate.days_left(today),
        "renewal_title": target.title if target is not None else certificate.course_title,
        "renewal_url": f"{settings.SITE_URL}{target.url}" if target is not None and target.url else "",
        "verification_url": certificate.verification_url(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(certificate.user.preferred_language or certificate.language):
        subject = render_to_string("certificates/email/reminder_subject.txt", context).strip()
        body = render_to_string("certificates/email/reminder_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [certificate.user.email])


def start_export(requested_by, course_key, course_title, user_ids=None):
    """Create the export row for the certificates ``requested_by`` may download; the task fills it."""
    certificates = list(selectors.exportable_certificates(requested_by, course_key, user_ids))
    export = CertificateExport.objects.create(
        requested_by=requested_by, course_key=course_key, course_title=course_title, total=len(certificates)
    )
    export.certificates.set(certificates)
    return export


def build_export(export, progress_every=5):
    from .pdf import PdfRenderer

    CertificateExport.objects.filter(pk=export.pk).update(state=CertificateExport.State.RUNNING)
    certificates = list(export.certificates.select_related("issuer").order_by("holder_name", "pk"))
    renderer = PdfRenderer()
    buffer = io.BytesIO()
    try:
        # PDFs are compressed already; storing them keeps the ZIP fast to build.
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
            for done, certificate in enumerate(certificates, start=1):
                renderer.ensure(certificate)
                with certificate.pdf.open("rb") as handle:
                    name = (
                        f"{slugify(certificate.holder_name) or 'certificate'}-{certificate.code_display}.pdf"
                    )
                    archive.writestr(name, handle.read())
                if done % progress_every == 0 or done == len(certificates):
                    CertificateExport.objects.filter(pk=export.pk).update(done=done)
    except Exception as error:
        logger.exception("certificate export %s failed", export.pk)
        CertificateExport.objects.filter(pk=export.pk).update(
            state=CertificateExport.State.FAILED, error=str(error)[:1000], finished_at=timezone.now()
        )
        raise
    export.refresh_from_db()
    filename = f"{slugify(export.course_title) or 'certificates'}-{export.uuid.hex[:8]}.zip"
    export.archive.save(filename, ContentFile(buffer.getvalue()), save=False)
    export.state = CertificateExport.State.DONE
    export.done = len(certificates)
    export.finished_at = timezone.now()
    export.save(update_fields=["archive", "state", "done", "finished_at"])
    return export
