"""The certificate as a PDF: WeasyPrint, A4 landscape, in the certificate's language.

A PDF is stored with a fingerprint of everything printed on it; it is rendered again only when that
fingerprint changes (a new logo or issuer name, a new template version), never on every download."""

import base64
import hashlib
import io
import json

import qrcode
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format

from . import selectors
from .models import Certificate

# Bump when the template or its stylesheet changes what a certificate looks like.
TEMPLATE_VERSION = "4"


def qr_png_data_uri(url):
    """The QR code as a small 1-bit PNG: WeasyPrint draws a bitmap far faster than an SVG of
    hundreds of path segments, and the image is scaled without smoothing so it stays sharp.

    A fixed mask pattern skips qrcode's search over all eight masks (most of its run time); any
    mask is valid and scanners read it the same."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=4, border=2, mask_pattern=2
    )
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().get_image().convert("1").save(buffer, format="PNG", optimize=False)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def printed_fields(certificate):
    """Everything that ends up on the paper; the fingerprint is taken over exactly this."""
    issuer = selectors.issuer_of(certificate)
    return {
        "version": TEMPLATE_VERSION,
        "language": certificate.language,
        "holder": certificate.holder_name,
        "course": certificate.course_title,
        "code": certificate.verification_code,
        "issued": certificate.issued_at.date().isoformat(),
        "expires": certificate.expires_on.isoformat() if certificate.expires_on else "",
        "issuer": issuer["name"],
        "logo": issuer["logo_name"],
        "url": certificate.verification_url(),
    }, issuer


def fingerprint(certificate):
    fields, _issuer = printed_fields(certificate)
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode("utf-8")).hexdigest()


def render_html(certificate):
    fields, issuer = printed_fields(certificate)
    with translation.override(certificate.language):
        context = {
            "certificate": certificate,
            "issuer": issuer,
            "issued": date_format(certificate.issued_at.date(), "DATE_FORMAT"),
            "expires": date_format(certificate.expires_on, "DATE_FORMAT") if certificate.expires_on else "",
            "qr": qr_png_data_uri(fields["url"]),
            "verification_url": fields["url"],
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        return render_to_string("certificates/pdf.html", context), fields


class PdfRenderer:
    """Renders many certificates with one font configuration and one image cache (batch speed)."""

    def __init__(self):
        from weasyprint.text.fonts import FontConfiguration

        self.font_config = FontConfiguration()
        self.cache = {}

    def render(self, certificate):
        from weasyprint import HTML

        html, _fields = render_html(certificate)
        document = HTML(string=html, base_url=str(settings.BASE_DIR))
        return document.write_pdf(font_config=self.font_config, cache=self.cache)

    def ensure(self, certificate, force=False):
        """Store the PDF unless the stored one already shows the same fields; True when it rendered."""
        current = fingerprint(certificate)
        if (
            not force
            and certificate.pdf
            and certificate.pdf_fingerprint == current
            and certificate.pdf.storage.exists(certificate.pdf.name)
        ):
            return False
        data = self.render(certificate)
        old_name = certificate.pdf.name if certificate.pdf else ""
        certificate.pdf.save(f"{certificate.uuid}.pdf", ContentFile(data), save=False)
        certificate.pdf_fingerprint = current
        Certificate.objects.filter(pk=certificate.pk).update(
            pdf=certificate.pdf.name, pdf_fingerprint=current
        )
        if old_name and old_name != certificate.pdf.name:
            certificate.pdf.storage.delete(old_name)
        return True


def ensure_pdf(certificate, force=False):
    return PdfRenderer().ensure(certificate, force=force)
