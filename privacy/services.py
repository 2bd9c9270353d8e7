"""Writes of the privacy app: consent, exports, erasure, retention and the audit log."""

import io
import json
import logging
import zipfile
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import registry, selectors
from .models import AuditEvent, Consent, DataExport, Erasure, RetentionWarning, email_fingerprint

logger = logging.getLogger(__name__)
User = get_user_model()


# --- Audit log ---


def audit(action, *, subject=None, actor=None, note=""):
    return AuditEvent.objects.create(
        action=action,
        subject=subject,
        actor=actor,
        subject_ref=subject.pk if subject else None,
        actor_ref=actor.pk if actor else None,
        note=note[:300],
    )


def note_admin_access(actor, people_ids, *, what):
    """Log that an administrator was shown these people's data: one row per person (a listing page
    shows at most a few dozen), so each person's own log says who saw them and where. People
    looking at themselves and rows without a person (an erased account) are left out."""
    ids = {pk for pk in people_ids if pk is not None and pk != actor.pk}
    AuditEvent.objects.bulk_create(
        AuditEvent(
            action=AuditEvent.Action.ADMIN_VIEWED,
            actor=actor,
            actor_ref=actor.pk,
            subject_id=pk,
            subject_ref=pk,
            note=str(what)[:300],
        )
        for pk in sorted(ids)
    )


# --- Consent ---


def record_consent(user, *, occasion, version=None):
    """The person agreed to the notice in force (or to ``version``)."""
    version = selectors.current_notice_version() if version is None else version
    consent = Consent.objects.create(user=user, notice_version=version, occasion=occasion)
    audit(AuditEvent.Action.CONSENT, subject=user, actor=user, note=f"v{version}")
    return consent


def record_sign_up_consent(user):
    """The box on a sign-up form (the full one or a workshop's quick one) was ticked."""
    return record_consent(user, occasion=Consent.Occasion.SIGN_UP)


# --- Download my data ---


def request_export(user, *, requested_by):
    """Queue an export of everything the platform holds about ``user``; an export still being
    prepared is reused, so pressing the button twice builds one file."""
    from .tasks import build_export

    with transaction.atomic():
        running = selectors.export_in_progress(user)
        if running is not None:
            return running
        export = DataExport.objects.create(user=user, requested_by=requested_by)
        audit(
            AuditEvent.Action.EXPORT_REQUESTED,
            subject=user,
            actor=requested_by,
            note="" if requested_by == user else "on the person's request",
        )
        transaction.on_commit(lambda: build_export.delay(export.pk))
    return export


def _json(value):
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2, sort_keys=True)


def build_export(export):
    """Write one JSON file per app into a ZIP, updating the progress after each app."""
    claimed = DataExport.objects.filter(pk=export.pk, status=DataExport.Status.PENDING).update(
        status=DataExport.Status.RUNNING
    )
    if not claimed:
        return export
    export.refresh_from_db()
    entries = registry.entries()
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for index, entry in enumerate(sorted(entries, key=lambda item: item.app_label), start=1):
                archive.writestr(f"{entry.app_label}.json", _json(entry.export(export.user)))
                DataExport.objects.filter(pk=export.pk).update(progress=int(index * 100 / (len(entries) + 1)))
            with translation.override(export.user.preferred_language or settings.LANGUAGE_CODE):
                archive.writestr(
                    "README.txt",
                    render_to_string(
                        "privacy/export_readme.txt",
                        {"files": [entry.app_label for entry in entries], "export": export},
                    ),
                )
    except Exception:
        logger.exception("Data export %s failed", export.pk)
        DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.FAILED)
        export.refresh_from_db()
        return export
    now = timezone.now()
    export.file.save(f"{export.uuid}.zip", ContentFile(buffer.getvalue()), save=False)
    export.status = DataExport.Status.READY
    export.progress = 100
    export.finished_at = now
    export.expires_at = now + timedelta(hours=settings.PRIVACY_EXPORT_VALID_HOURS)
    export.save(update_fields=["file", "status", "progress", "finished_at", "expires_at"])
    _send_export_ready(export)
    return export


def _send_export_ready(export):
    recipient = export.requested_by or export.user
    if not recipient.email or selectors.is_erased(recipient):
        return
    if recipient == export.user:
        url = settings.SITE_URL + reverse("privacy:export", args=[export.uuid])
    else:
        url = settings.SITE_URL + reverse("privacy_admin:person", args=[export.user.pk])
    context = {"export": export, "url": url, "site_name": settings.WAGTAIL_SITE_NAME}
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string("privacy/email/export_ready_subject.txt", context).strip()
        body = render_to_string("privacy/email/export_ready_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])


def claim_download(export, *, by):
    """Mark a ready export as downloaded; True for the one request that may have the file."""
    now = timezone.now()
    claimed = DataExport.objects.filter(
        pk=export.pk, status=DataExport.Status.READY, expires_at__gt=now
    ).update(status=DataExport.Status.DOWNLOADED, downloaded_at=now)
    if claimed:
        audit(AuditEvent.Action.EXPORT_DOWNLOADED, subject=export.user, actor=by)
    return bool(claimed)


def remove_old_export_files(now=None):
    """Files of downloaded exports (after a grace period for the transfer) and of expired ones go."""
    now = now or timezone.now()
    DataExport.objects.filter(status=DataExport.Status.READY, expires_at__lte=now).update(
        status=DataExport.Status.EXPIRED
    )
    grace = now - timedelta(minutes=10)
    done = DataExport.objects.filter(
        Q(status=DataExport.Status.EXPIRED) | Q(status=DataExport.Status.DOWNLOADED, downloaded_at__lte=grace)
    ).exclude(file="")
    removed = 0
    for export in done:
        export.file.delete(save=False)
        DataExport.objects.filter(pk=export.pk).update(file="")
        removed += 1
    return removed


# --- Delete my account ---


def erase_person(user, *, reason, by=None, note=""):
    """Erase everything the platform holds about ``user``, app by app, in one transaction.

    The account row stays as an anonymous placeholder so cohorts, plans and dashboards of other
    people keep working; each app's ``erase`` removes or anonymises its own rows. Returns the
    ``Erasure``; erasing an erased account again changes nothing."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        existing = Erasure.objects.filter(user=user).first()
        if existing is not None:
            return existing
        fingerprint = email_fingerprint(user.email)
        summary = {}
        for entry in registry.entries():
            summary[entry.app_label] = entry.erase(user) or {}
        erasure = Erasure.objects.create(
            user=user, reason=reason, email_fingerprint=fingerprint, summary=summary
        )
        audit(
            AuditEvent.Action.ERASED,
            subject=user,
            actor=by if by is not None and by.pk != user.pk else None,
            note=f"{reason}: {note}" if note else reason,
        )
    return erasure


# --- Retention of inactive accounts ---


def _deletion_date(last_active):
    return last_active + relativedelta(months=settings.ACCOUNT_RETENTION_MONTHS)


def run_retention(now=None):
    """Warn inactive people twice, then delete their accounts. Safe to run any number of times:
    every warning is a unique row, and erasure is idempotent. Returns (warnings sent, erased).

    The deletion date is the end of the retention period, or later when the first warning went out
    late (retention switched on after the person left): nobody is deleted before the full notice
    the first warning announced has run out."""
    months = settings.ACCOUNT_RETENTION_MONTHS
    warning_days = sorted(settings.PRIVACY_RETENTION_WARNING_DAYS, reverse=True)
    if not months:
        return 0, 0
    now = now or timezone.now()
    first_days = warning_days[0] if warning_days else 0
    # Anyone whose deletion date is within the first warning period: last active before this.
    horizon = now + timedelta(days=first_days) - relativedelta(months=months)
    people = (
        User.objects.filter(is_staff=False, is_superuser=False, privacy_erasure__isnull=True)
        .annotate(last_active=Coalesce("last_login", "date_joined"))
        .filter(last_active__lte=horizon)
        .order_by("pk")
    )
    sent = erased = 0
    for person in people.iterator():
        warned = dict(
            RetentionWarning.objects.filter(user=person, inactive_since=person.last_active).values_list(
                "days_before", "sent_at"
            )
        )
        deletion = _deletion_date(person.last_active)
        if first_days in warned:
            deletion = max(deletion, warned[first_days] + timedelta(days=first_days))
        due_warnings = [
            days for days in warning_days if days not in warned and now >= deletion - timedelta(days=days)
        ]
        if due_warnings:
            # One e-mail per run: a person found late still gets the warnings on different days.
            days = due_warnings[0]
            if days == first_days:
                deletion = max(deletion, now + timedelta(days=days))
            if _warn(person, days, deletion):
                sent += 1
        elif len(warned) == len(warning_days) and now >= deletion:
            erase_person(person, reason=Erasure.Reason.RETENTION)
            erased += 1
    return sent, erased


def _warn(person, days, due):
    try:
        with transaction.atomic():
            RetentionWarning.objects.create(user=person, days_before=days, inactive_since=person.last_active)
    except IntegrityError:
        # Another run sent this warning between our read and our write.
        return False
    audit(AuditEvent.Action.RETENTION_WARNING, subject=person, note=f"{days} days")
    context = {
        "user": person,
        "days": days,
        "deletion_date": due,
        "login_url": settings.SITE_URL + reverse("accounts:login"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string("privacy/email/retention_warning_subject.txt", context).strip()
        body = render_to_string("privacy/email/retention_warning_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
    return True
