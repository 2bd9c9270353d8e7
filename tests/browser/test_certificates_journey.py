"""A learner completes a course, downloads the certificate from the dashboard, and a stranger opens the
QR code's link in a fresh browser (no session) and sees that the certificate is valid.

The QR code is read back by comparing the picture embedded in the PDF with a QR code generated for the
URL printed under it, so the test proves the QR code carries that link without a QR decoder."""

import re
import subprocess

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def short_course(site_content):
    from courses.tests.factories import make_catalogue, make_course, translate_course

    course = make_course(
        make_catalogue(),
        title="Permits that expire",
        slug="permits-that-expire",
        modules=1,
        lessons_per_module=2,
        certificate_validity_months=24,
    )
    arabic = translate_course(course, "ar")
    arabic.title = "تصاريح تنتهي صلاحيتها"
    arabic.save_revision().publish()
    return course


def log_in(page, base, email, password, language="en"):
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/dashboard/"))


def complete_course(page, base, course):
    page.goto(f"{base}{course.url}")
    page.locator(".enrol-panel form button[type=submit]").click()
    page.wait_for_load_state()
    page.locator(".enrol-panel a.button").first.click()
    page.wait_for_load_state()
    for _lesson in range(2):
        page.locator(".lesson-status button[type=submit]").click()
        page.wait_for_load_state()


def qr_matches(pdf_path, url, tmp_path):
    """True when a picture in the PDF is the QR code of ``url``, module for module."""
    import base64
    import io

    from PIL import Image, ImageChops

    from certificates.pdf import qr_png_data_uri

    expected = Image.open(io.BytesIO(base64.b64decode(qr_png_data_uri(url).split(",", 1)[1]))).convert("1")
    subprocess.run(["pdfimages", "-png", str(pdf_path), str(tmp_path / "image")], check=True)
    for candidate in tmp_path.glob("image-*.png"):
        image = Image.open(candidate).convert("1")
        if image.size == expected.size and ImageChops.difference(image, expected).getbbox() is None:
            return True
    return False


def test_learner_earns_downloads_and_a_stranger_verifies_the_certificate(
    page, new_page, live_server, settings, short_course, make_user, password, screenshot, tmp_path
):
    # The QR code and the printed link must point at this test server.
    settings.SITE_URL = live_server.url
    base = live_server.url
    learner = make_user(
        first_name="Amal", last_name="Haddad", email="amal@example.org", preferred_language="en"
    )
    log_in(page, base, learner.email, password)
    complete_course(page, base, short_course)

    page.goto(f"{base}/en/accounts/dashboard/")
    panel = page.locator(".certificates-panel")
    panel.get_by_text("Permits that expire").wait_for()
    screenshot(page, "certificates-dashboard-en")
    with page.expect_download() as download_info:
        panel.get_by_role("link", name="Download PDF").first.click()
    pdf_path = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")

    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Amal Haddad" in text
    assert "Permits that expire" in text
    link = re.search(rf"{re.escape(base)}/en/certificates/verify/[0-9A-Z-]+/", text).group(0)
    assert qr_matches(pdf_path, link, tmp_path)

    stranger = new_page()
    stranger.goto(link)
    status = stranger.locator(".certificate-status")
    assert status.get_attribute("data-status") == "valid"
    assert "This certificate is valid." in status.inner_text()
    assert "Amal Haddad" in stranger.locator(".certificate-facts").inner_text()
    assert "login" not in stranger.url
    screenshot(stranger, "certificates-verify-en")

    # The same certificate checked in Arabic: right to left, same facts.
    stranger.goto(link.replace("/en/", "/ar/"))
    assert stranger.locator("html").get_attribute("dir") == "rtl"
    assert stranger.locator(".certificate-status").get_attribute("data-status") == "valid"
    assert "هذه الشهادة سارية." in stranger.locator(".certificate-status").inner_text()
    screenshot(stranger, "certificates-verify-ar")


def test_arabic_learner_sees_certificate_in_arabic_and_revocation_shows_at_once(
    page, new_page, live_server, settings, short_course, make_user, password, screenshot, tmp_path
):
    from certificates import services

    settings.SITE_URL = live_server.url
    base = live_server.url
    learner = make_user(
        first_name="أمل", last_name="حداد", email="amal.ar@example.org", preferred_language="ar"
    )
    certificate = services.issue(learner, short_course)
    log_in(page, base, learner.email, password, language="ar")
    page.goto(f"{base}/ar/accounts/dashboard/")
    panel = page.locator(".certificates-panel")
    panel.get_by_text("تصاريح تنتهي صلاحيتها").wait_for()
    screenshot(page, "certificates-dashboard-ar")
    with page.expect_download() as download_info:
        panel.get_by_role("link", name="تنزيل PDF").first.click()
    pdf_path = tmp_path / "certificate-ar.pdf"
    download_info.value.save_as(pdf_path)
    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "حداد" in text
    assert certificate.code_display in text

    services.revoke(certificate, reason="صدرت بالخطأ")
    stranger = new_page()
    stranger.goto(f"{base}/ar/certificates/verify/")
    stranger.locator("input[name=code]").fill(certificate.verification_code.lower())
    stranger.locator("main form button[type=submit]").click()
    stranger.wait_for_url(re.compile(r"/ar/certificates/verify/[0-9A-Z-]+/$"))
    assert stranger.locator(".certificate-status").get_attribute("data-status") == "revoked"
    assert "صدرت بالخطأ" in stranger.locator(".certificate-facts").inner_text()
    screenshot(stranger, "certificates-revoked-ar")


def test_malformed_and_unknown_codes_get_friendly_pages(page, live_server, site_content, screenshot):
    page.goto(f"{live_server.url}/en/certificates/verify/")
    page.locator("input[name=code]").fill("hello")
    page.locator("main form button[type=submit]").click()
    assert "Codes have 12 letters and digits" in page.locator("main").inner_text()
    page.goto(f"{live_server.url}/en/certificates/verify/ZZZZ-ZZZZ-ZZZZ/")
    assert page.get_by_role("heading", level=1).inner_text() == "No certificate has this code"
    screenshot(page, "certificates-unknown-en")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_trainer_downloads_a_zip_of_the_course_certificates_with_progress(
    page, live_server, settings, short_course, make_user, password, screenshot, tmp_path, language
):
    import zipfile

    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, OrganisationFactory
    from certificates import services
    from courses.services import enrol

    settings.SITE_URL = live_server.url
    company = OrganisationFactory(name="Bakery Example")
    trainer = make_user(email=f"trainer-{language}@example.org", preferred_language=language)
    MembershipFactory(user=trainer, organisation=company, role=Membership.Role.TRAINER)
    for n in range(3):
        learner = make_user(first_name="Learner", last_name=f"Number{n}")
        MembershipFactory(user=learner, organisation=company)
        enrol(learner, short_course)
        services.issue(learner, short_course)

    log_in(page, live_server.url, trainer.email, password, language=language)
    page.goto(f"{live_server.url}/{language}/certificates/manage/")
    page.locator("select[name=course]").select_option(str(short_course.translation_key))
    page.locator(".certificate-course-form button[type=submit]").click()
    page.locator(".certificate-table tbody tr").nth(2).wait_for()
    screenshot(page, f"certificates-manage-{language}")
    page.locator("button[name=action][value=export]").click()
    page.wait_for_url(re.compile(r"/certificates/exports/"))
    download_link = page.locator("#export-download")
    download_link.wait_for(state="visible")
    assert page.locator("#export-progress").get_attribute("value") == "100"
    screenshot(page, f"certificates-export-{language}")
    with page.expect_download() as download_info:
        download_link.click()
    archive_path = tmp_path / "certificates.zip"
    download_info.value.save_as(archive_path)
    with zipfile.ZipFile(archive_path) as archive:
        assert len(archive.namelist()) == 3
