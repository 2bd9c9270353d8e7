import re
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates import pdf, services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "certificates"


def pdf_text(data, tmp_path):
    source = tmp_path / "certificate.pdf"
    source.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, text=True, check=True
    ).stdout


def save_png(data, name):
    """Keep a picture of the page in test-artifacts/ so a person can look at it."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(source), str(ARTIFACTS / name)], check=True
    )
    return ARTIFACTS / f"{name}.png"


@pytest.fixture
def english_certificate(course_page, make_user):
    return services.issue(
        make_user(first_name="Amal", last_name="Haddad", preferred_language="en"), course_page
    )


@pytest.fixture
def arabic_certificate(course_page, make_user, locales):
    from courses.tests.factories import translate_course

    arabic = translate_course(course_page, "ar")
    arabic.title = "توظيف اللاجئين بشكل قانوني"
    arabic.save_revision().publish()
    learner = make_user(first_name="أمل", last_name="حداد", preferred_language="ar")
    return services.issue(learner, course_page)


def test_pdf_text_contains_holder_course_and_code(english_certificate, tmp_path):
    data = pdf.PdfRenderer().render(english_certificate)
    text = pdf_text(data, tmp_path)
    assert "Amal Haddad" in text
    assert "Hiring refugees legally" in text
    assert english_certificate.code_display in text
    assert "Certificate of completion" in text
    save_png(data, "certificate-en")


def test_pdf_is_a4_landscape(english_certificate, tmp_path):
    source = tmp_path / "c.pdf"
    source.write_bytes(pdf.PdfRenderer().render(english_certificate))
    info = subprocess.run(["pdfinfo", str(source)], capture_output=True, text=True, check=True).stdout
    width, height = (
        float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)", info).groups()
    )
    assert width > height
    assert re.search(r"Pages:\s+1\n", info)


def test_arabic_pdf_is_in_arabic_with_arabic_holder_and_course(arabic_certificate, tmp_path):
    data = pdf.PdfRenderer().render(arabic_certificate)
    text = pdf_text(data, tmp_path)
    # pdftotext gives Arabic back in logical order only when the glyphs carry their Unicode mapping.
    assert "حداد" in text
    assert "اللاجئين" in text
    assert "شهادة إتمام" in text
    assert arabic_certificate.code_display in text
    save_png(data, "certificate-ar")


def test_arabic_pdf_uses_the_amiri_font(arabic_certificate, tmp_path):
    source = tmp_path / "c.pdf"
    source.write_bytes(pdf.PdfRenderer().render(arabic_certificate))
    fonts = subprocess.run(["pdffonts", str(source)], capture_output=True, text=True, check=True).stdout
    assert "Amiri" in fonts


def test_issuer_logo_is_printed(english_certificate, tmp_path):
    from accounts.services import default_organisation

    organisation = default_organisation()
    png = Path("/usr/share/pixmaps/debian-logo.png")
    logo = png.read_bytes() if png.exists() else _tiny_png()
    organisation.logo = SimpleUploadedFile("logo.png", logo, content_type="image/png")
    organisation.issuer_name = "Integration Academy Flanders"
    organisation.save()
    english_certificate.refresh_from_db()
    html, _fields = pdf.render_html(english_certificate)
    assert 'src="data:image/png;base64,' in html
    assert "Integration Academy Flanders" in pdf_text(pdf.PdfRenderer().render(english_certificate), tmp_path)


def _tiny_png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (11, 92, 173)).save(buffer, "PNG")
    return buffer.getvalue()


def test_pdf_is_rendered_by_the_task_after_issuing(
    course_page, make_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue(make_user(), course_page)
    certificate.refresh_from_db()
    assert certificate.pdf.name.endswith(".pdf")
    assert certificate.pdf_fingerprint == pdf.fingerprint(certificate)


def test_unchanged_certificate_is_not_rendered_again(english_certificate):
    assert pdf.ensure_pdf(english_certificate) is True
    stored = Certificate.objects.get(pk=english_certificate.pk)
    assert pdf.ensure_pdf(stored) is False


def test_changed_issuer_name_renders_the_pdf_again(english_certificate, tmp_path):
    from accounts.services import default_organisation

    pdf.ensure_pdf(english_certificate)
    organisation = default_organisation()
    organisation.issuer_name = "Renamed Training Centre"
    organisation.save()
    stored = Certificate.objects.select_related("issuer").get(pk=english_certificate.pk)
    assert pdf.ensure_pdf(stored) is True
    with stored.pdf.open("rb") as handle:
        assert "Renamed Training Centre" in pdf_text(handle.read(), tmp_path)
