"""Thin Celery tasks: each loads rows and calls a service."""

from celery import shared_task

from . import services
from .models import Certificate, CertificateExport


@shared_task(ignore_result=True)
def render_certificate_pdf(certificate_id, force=False):
    from .pdf import ensure_pdf

    certificate = Certificate.objects.filter(pk=certificate_id).select_related("issuer").first()
    if certificate is not None:
        ensure_pdf(certificate, force=force)


@shared_task(ignore_result=True)
def build_certificate_export(export_id):
    export = CertificateExport.objects.filter(pk=export_id).first()
    if export is not None and export.state == CertificateExport.State.PENDING:
        services.build_export(export)


@shared_task(ignore_result=True)
def send_expiry_reminders(days):
    return services.send_expiry_reminders(int(days))


@shared_task(ignore_result=True)
def mark_expired_certificates():
    return services.mark_expired()
