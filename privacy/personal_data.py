"""What the privacy app itself holds about a person: consents, exports, warnings, the audit log."""

from .models import AuditEvent, Consent, DataExport, RetentionWarning
from .registry import register


def export(user):
    return {
        "consents": [
            {"notice_version": c.notice_version, "occasion": c.occasion, "given_at": c.given_at}
            for c in Consent.objects.filter(user=user).order_by("given_at", "pk")
        ],
        "data_exports": [
            {"requested_at": e.created_at, "status": e.status, "downloaded_at": e.downloaded_at}
            for e in DataExport.objects.filter(user=user).order_by("created_at")
        ],
        "retention_warnings": [
            {"days_before_deletion": w.days_before, "sent_at": w.sent_at}
            for w in RetentionWarning.objects.filter(user=user).order_by("sent_at")
        ],
        "audit_log": [
            {"at": event.at, "action": event.action, "by_self": event.actor_id == user.pk}
            for event in AuditEvent.objects.filter(subject=user).order_by("at", "pk")
        ],
    }


def erase(user):
    # Consent records and warnings are about the living account; the audit log and the erasure record
    # stay (they hold account numbers, no names) to account for what was done.
    consents = Consent.objects.filter(user=user).delete()[0]
    warnings = RetentionWarning.objects.filter(user=user).delete()[0]
    for data_export in DataExport.objects.filter(user=user).exclude(file=""):
        data_export.file.delete(save=False)
    exports = DataExport.objects.filter(user=user).delete()[0]
    return {"consents": consents, "retention_warnings": warnings, "exports": exports}


register(
    "privacy",
    models=[
        "privacy.Consent",
        "privacy.DataExport",
        "privacy.RetentionWarning",
        "privacy.AuditEvent",
        "privacy.Erasure",
    ],
    export=export,
    erase=erase,
    order=90,
)
