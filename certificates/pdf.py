"""The certificate as a PDF: WeasyPrint, A4 landscape, in the certificate's language.

A PDF is stored with a fingerprint of everything printed on it; it is rendered again only when that
fingerprint changes (a new logo or issuer name, a new template version), never on every download."""

import hashlib
import io
import json

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format

from . import selectors
from .models import Certificate

# Bump when the template or its stylesheet changes what a certificate looks like.
TEMPLATE_VERSION = "3"


def qr_svg_data_uri(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


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
            "qr": qr_svg_data_uri(fields["url"]),
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
