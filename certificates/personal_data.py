"""What certificates holds about a person: their certificates (with the name printed on them), the
audit entries about them, and the exports they asked for.

On erasure PRIVACY_CERTIFICATES_ON_ERASURE decides: "anonymise" keeps each certificate valid without a
name (the verification page then shows none), "revoke" revokes it. Either way the PDF, which prints
the name, is deleted, and so is every trainer's ZIP export that held it (built again without it)."""

from django.conf import settings
from django.db import transaction

from privacy.registry import register

from .models import Certificate, CertificateEvent, CertificateExport


def export(user):
    return {
        "certificates": [
            {
                "course": c.course_title,
                "holder_name": c.holder_name,
                "verification_code": c.code_display,
                "issued_at": c.issued_at,
                "valid_until": c.expires_on,
                "status": c.current_status().value,
                "source": c.source,
                "awarded_for": c.basis,
                "revoked_at": c.revoked_at,
                "revocation_reason": c.revocation_reason,
            }
            for c in Certificate.objects.filter(user=user).order_by("issued_at", "pk")
        ],
        "certificate_history": [
            {"at": e.at, "action": e.action, "course": e.course_title, "note": e.note}
            for e in CertificateEvent.objects.filter(certificate__user=user).order_by("at", "pk")
        ],
        "certificate_exports_requested": [
            {"course": e.course_title, "requested_at": e.created_at, "state": e.state}
            for e in CertificateExport.objects.filter(requested_by=user).order_by("created_at")
        ],
    }


def erase(user):
    from . import services

    certificates = list(Certificate.objects.filter(user=user))
    revoke = settings.PRIVACY_CERTIFICATES_ON_ERASURE == "revoke"
    for certificate in certificates:
        if revoke and certificate.status != Certificate.Status.REVOKED:
            services.revoke(certificate, reason="Account deleted at the holder's request.")
        if certificate.pdf:
            certificate.pdf.delete(save=False)
    Certificate.objects.filter(user=user).update(holder_name="", pdf="", pdf_fingerprint="")
    # The issue/revoke log keeps its entries with the name taken out, where the person was holder or actor.
    events = CertificateEvent.objects.filter(certificate__user=user).update(holder_name="")
    CertificateEvent.objects.filter(actor=user).update(actor_name="")
    for export_row in CertificateExport.objects.filter(requested_by=user).exclude(archive=""):
        export_row.archive.delete(save=False)
    exports = CertificateExport.objects.filter(requested_by=user).delete()[0]
    rebuilt = _rebuild_exports_without(certificates)
    return {
        "certificates": len(certificates),
        "certificates_revoked": len(certificates) if revoke else 0,
        "log_entries": events,
        "exports": exports,
        "others_exports_rebuilt": rebuilt,
    }


def _rebuild_exports_without(certificates):
    """Trainers' ZIPs that held the person's PDF (the file is named after them) lose it: the archive
    is deleted and built again from the other certificates, or the export goes if none is left."""
    from .tasks import build_certificate_export

    rebuilt = 0
    for export_row in CertificateExport.objects.filter(certificates__in=certificates).distinct():
        export_row.certificates.remove(*certificates)
        if export_row.archive:
            export_row.archive.delete(save=False)
        remaining = export_row.certificates.count()
        if not remaining:
            export_row.delete()
            continue
        CertificateExport.objects.filter(pk=export_row.pk).update(
            state=CertificateExport.State.PENDING, total=remaining, done=0, archive="", finished_at=None
        )
        transaction.on_commit(lambda pk=export_row.pk: build_certificate_export.delay(pk))
        rebuilt += 1
    return rebuilt


register(
    "certificates",
    models=["certificates.Certificate", "certificates.CertificateEvent", "certificates.CertificateExport"],
    export=export,
    erase=erase,
    # Early: the holder's name is still on the account while certificates are revoked or anonymised.
    order=20,
)
