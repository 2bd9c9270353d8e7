"""Private files (certificate PDFs, export ZIPs, H5P packages) stay out of MEDIA_ROOT and are handed
out only by permission-checked views: streamed, through the web server, or as a signed URL."""

import os
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.test import RequestFactory, override_settings
from django.urls import reverse

from website import private_files

pytestmark = pytest.mark.django_db


class RecordingObjectStorage(InMemoryStorage):
    """Stands in for django-storages' S3 storage: no local path, and URLs signed for a while."""

    calls = []

    def path(self, name):
        raise NotImplementedError("object storage has no local path")

    def _relative_path(self, name):
        # The in-memory tree underneath still files objects by path; only callers see none.
        return os.path.relpath(InMemoryStorage.path(self, name), self.location)

    def url(self, name, expire=None):
        self.calls.append((name, expire))
        return f"https://objects.example.org/private/{name}?X-Amz-Expires={expire}&X-Amz-Signature=abc"


@pytest.fixture
def certificate(db, settings, tmp_path, site_content):
    settings.MEDIA_ROOT = tmp_path / "media"
    from accounts.tests.factories import UserFactory
    from certificates.models import Certificate
    from certificates.tests.factories import CertificateFactory

    holder = UserFactory()
    certificate = CertificateFactory(user=holder)
    certificate.pdf.save("holder.pdf", ContentFile(b"%PDF-1.7 private"), save=True)
    return Certificate.objects.get(pk=certificate.pk)


def is_inside(path, folder):
    return Path(folder).resolve() in Path(path).resolve().parents


def test_certificate_pdfs_are_stored_outside_media_root(certificate, settings):
    assert not is_inside(certificate.pdf.storage.path(certificate.pdf.name), settings.MEDIA_ROOT)
    assert not (Path(settings.MEDIA_ROOT) / certificate.pdf.name).exists()


def test_under_make_run_media_does_not_hand_a_certificate_pdf_to_anyone_with_its_address(
    certificate, settings
):
    from django.http import Http404
    from django.views.static import serve

    # What `make run` (DEBUG) mounts at MEDIA_URL: every file below MEDIA_ROOT, to anyone.
    request = RequestFactory().get(settings.MEDIA_URL + certificate.pdf.name)
    with pytest.raises(Http404):
        serve(request, certificate.pdf.name, document_root=settings.MEDIA_ROOT)


def test_the_holder_downloads_the_pdf_through_the_checked_view(client, certificate, monkeypatch):
    from certificates import pdf

    monkeypatch.setattr(pdf, "ensure_pdf", lambda certificate: None)  # hand out the stored file as it is
    client.force_login(certificate.user)
    response = client.get(reverse("certificates:download_pdf", args=[certificate.code_display]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 private"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_behind_nginx_the_file_is_handed_over_with_x_accel_redirect(settings):
    settings.PRIVATE_FILES_SERVER = "nginx"
    settings.PRIVATE_FILES_INTERNAL_URL = "/private-files/"
    name = private_files.storage.save("certificates/exports/all.zip", ContentFile(b"PK"))
    response = private_files.serve(
        RequestFactory().get("/"), name, filename="all.zip", content_type="application/zip"
    )
    assert response["X-Accel-Redirect"] == f"/private-files/{name}"
    assert response.content == b""
    assert 'attachment; filename="all.zip"' == response["Content-Disposition"]


def test_behind_apache_the_file_is_handed_over_with_x_sendfile(settings):
    settings.PRIVATE_FILES_SERVER = "sendfile"
    name = private_files.storage.save("certificates/exports/all.zip", ContentFile(b"PK"))
    response = private_files.serve(RequestFactory().get("/"), name, filename="all.zip")
    assert response["X-Sendfile"] == private_files.storage.path(name)


def test_an_object_store_answers_with_a_short_lived_signed_url(settings):
    with override_settings(
        STORAGES={**settings.STORAGES, "private": {"BACKEND": f"{__name__}.RecordingObjectStorage"}},
        PRIVATE_FILES_URL_SECONDS=120,
    ):
        RecordingObjectStorage.calls = []
        name = private_files.storage.save("certificates/pdf/a.pdf", ContentFile(b"%PDF"))
        response = private_files.serve(RequestFactory().get("/"), name, filename="a.pdf")
        assert response.status_code == 302
        assert response["Location"].startswith("https://objects.example.org/private/certificates/pdf/")
        assert RecordingObjectStorage.calls == [(name, 120)]


def test_a_missing_private_file_is_not_found():
    from django.http import Http404

    with pytest.raises(Http404):
        private_files.serve(RequestFactory().get("/"), "certificates/pdf/none.pdf", filename="none.pdf")


def test_h5p_packages_are_extracted_outside_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from accounts.tests.factories import UserFactory
    from h5p import services
    from h5p.tests.packages import true_false_package, upload

    package = services.upload_package(
        uploaded_file=upload(true_false_package(), "work-permit.h5p"), user=UserFactory(is_superuser=True)
    )
    assert private_files.storage.exists(f"{package.storage_prefix}/h5p.json")
    assert not (Path(settings.MEDIA_ROOT) / package.storage_prefix).exists()
