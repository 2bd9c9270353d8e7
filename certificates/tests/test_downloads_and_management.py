import io
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import Membership
from accounts.tests.factories import MembershipFactory, OrganisationFactory
from certificates import services
from certificates.models import Certificate, CertificateExport

pytestmark = pytest.mark.django_db


@pytest.fixture
def company(db):
    return OrganisationFactory()


@pytest.fixture
def trainer(company, make_user):
    person = make_user()
    MembershipFactory(user=person, organisation=company, role=Membership.Role.TRAINER)
    return person


@pytest.fixture
def learners(company, make_user):
    people = [make_user(first_name="Learner", last_name=f"Number{n}") for n in range(3)]
    for person in people:
        MembershipFactory(user=person, organisation=company)
    return people


@pytest.fixture
def listed_course(course_page, learners):
    """The course, with every learner of the company enrolled."""
    from courses.services import enrol

    for person in learners:
        enrol(person, course_page)
    return course_page


def test_learner_downloads_their_pdf(client, course_page, make_user):
    learner = make_user()
    certificate = services.issue(learner, course_page)
    client.force_login(learner)
    response = client.get(reverse("certificates:download_pdf", args=[certificate.code_display]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_someone_else_cannot_download_the_pdf(client, course_page, make_user):
    certificate = services.issue(make_user(), course_page)
    client.force_login(make_user())
    assert (
        client.get(reverse("certificates:download_pdf", args=[certificate.code_display])).status_code == 404
    )


def test_download_needs_login(client, course_page, make_user):
    certificate = services.issue(make_user(), course_page)
    response = client.get(reverse("certificates:download_pdf", args=[certificate.code_display]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_trainer_downloads_the_pdf_of_a_learner_in_their_organisation(client, course_page, trainer, learners):
    certificate = services.issue(learners[0], course_page)
    client.force_login(trainer)
    assert (
        client.get(reverse("certificates:download_pdf", args=[certificate.code_display])).status_code == 200
    )


def test_dashboard_lists_my_certificates_with_downloads(client, course_page, make_user):
    learner = make_user()
    certificate = services.issue(learner, course_page)
    client.force_login(learner)
    text = client.get(reverse("accounts:dashboard")).content.decode()
    assert "My certificates" in text
    assert reverse("certificates:download_pdf", args=[certificate.code_display]) in text
    assert reverse("certificates:download_badge", args=[certificate.code_display]) in text


def test_dashboard_offers_renewal_when_expiry_is_near(client, course_page, make_user):
    from freezegun import freeze_time

    learner = make_user()
    with freeze_time("2026-01-10"):
        services.issue(learner, course_page)
    with freeze_time("2027-12-20"):
        client.force_login(learner)
        text = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Renew: Hiring refugees legally" in text


def test_learner_without_a_role_cannot_open_the_management_page(client, make_user):
    client.force_login(make_user())
    assert client.get(reverse("certificates:manage")).status_code == 404


def test_trainer_sees_only_learners_of_their_organisation(
    client, listed_course, trainer, learners, make_user
):
    outsider = make_user(first_name="Outside", last_name="Person")
    services.issue(outsider, listed_course)
    for person in learners:
        services.issue(person, listed_course)
    client.force_login(trainer)
    text = client.get(
        reverse("certificates:manage"), {"course": str(listed_course.translation_key)}
    ).content.decode()
    assert "Learner Number0" in text
    assert "Outside Person" not in text


def test_trainer_issues_certificates_to_selected_learners(client, listed_course, trainer, learners):
    client.force_login(trainer)
    response = client.post(
        reverse("certificates:manage"),
        {
            "course": str(listed_course.translation_key),
            "learners": [learners[0].pk, learners[2].pk],
            "action": "issue",
            # They have not completed the course: a hand issue states its basis.
            "basis": "attendance at the onboarding workshop",
        },
    )
    assert response.status_code == 302
    assert set(Certificate.objects.values_list("user_id", flat=True)) == {learners[0].pk, learners[2].pk}
    assert Certificate.objects.filter(issued_by=trainer).count() == 2


def test_trainer_cannot_issue_to_someone_outside_their_organisation(
    client, listed_course, trainer, make_user
):
    outsider = make_user()
    client.force_login(trainer)
    client.post(
        reverse("certificates:manage"),
        {"course": str(listed_course.translation_key), "learners": [outsider.pk], "action": "issue"},
    )
    assert not Certificate.objects.exists()


def test_unknown_course_choice_is_a_form_error_not_a_crash(client, listed_course, trainer):
    client.force_login(trainer)
    response = client.get(reverse("certificates:manage"), {"course": "not-a-course"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_bulk_export_builds_a_zip_with_one_pdf_per_certificate(
    client, listed_course, trainer, learners, django_capture_on_commit_callbacks
):
    for person in learners:
        services.issue(person, listed_course)
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificates:manage"), {"course": str(listed_course.translation_key), "action": "export"}
        )
    export = CertificateExport.objects.get()
    assert response["Location"] == reverse("certificates:export", args=[export.uuid])
    status = client.get(reverse("certificates:export_status", args=[export.uuid])).json()
    assert status["state"] == "done"
    assert status["percent"] == 100
    download = client.get(status["download_url"])
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()
    assert len(names) == 3
    assert all(archive.read(name).startswith(b"%PDF") for name in names)


def test_export_page_shows_a_progress_bar(client, listed_course, trainer, learners):
    services.issue(learners[0], listed_course)
    export = services.start_export(trainer, listed_course.translation_key, listed_course.title)
    client.force_login(trainer)
    text = client.get(reverse("certificates:export", args=[export.uuid])).content.decode()
    assert "<progress" in text
    assert reverse("certificates:export_status", args=[export.uuid]) in text


def test_another_person_cannot_see_an_export(client, listed_course, trainer, learners, make_user):
    services.issue(learners[0], listed_course)
    export = services.start_export(trainer, listed_course.translation_key, listed_course.title)
    client.force_login(make_user())
    assert client.get(reverse("certificates:export_status", args=[export.uuid])).status_code == 404


@pytest.fixture
def editor(make_user):
    person = make_user(is_staff=True)
    person.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="certificates", codename__endswith="_certificate"),
    )
    return person


def test_admin_lists_certificates(client, course_page, editor, make_user):
    certificate = services.issue(make_user(), course_page)
    client.force_login(editor)
    text = client.get(reverse("certificates_admin:index")).content.decode()
    assert certificate.code_display in text


def test_admin_revocation_needs_a_reason(client, course_page, editor, make_user):
    certificate = services.issue(make_user(), course_page)
    client.force_login(editor)
    response = client.post(reverse("certificates_admin:revoke", args=[certificate.pk]), {"reason": "   "})
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_admin_revokes_with_a_reason_and_the_verification_page_shows_it(
    client, course_page, editor, make_user
):
    certificate = services.issue(make_user(), course_page)
    client.force_login(editor)
    client.post(reverse("certificates_admin:revoke", args=[certificate.pk]), {"reason": "Exam fraud"})
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_by == editor
    client.logout()
    text = client.get(reverse("certificates:verify", args=[certificate.code_display])).content.decode()
    assert "Exam fraud" in text


def test_admin_issues_certificates_for_selected_learners(client, listed_course, editor, learners):
    client.force_login(editor)
    client.post(
        reverse("certificates_admin:issue"),
        {
            "course": str(listed_course.translation_key),
            "learners": [learners[1].pk],
            "basis": "attendance at the onboarding workshop",
        },
    )
    assert list(Certificate.objects.values_list("user_id", flat=True)) == [learners[1].pk]


def test_person_without_permission_cannot_revoke(client, course_page, make_user):
    certificate = services.issue(make_user(), course_page)
    staff = make_user(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    response = client.post(reverse("certificates_admin:revoke", args=[certificate.pk]), {"reason": "x"})
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_revoked_certificate_can_no_longer_be_downloaded(client, course_page, make_user):
    learner = make_user()
    certificate = services.issue(learner, course_page)
    services.revoke(certificate, reason="Issued by mistake")
    client.force_login(learner)
    assert (
        client.get(reverse("certificates:download_pdf", args=[certificate.code_display])).status_code == 404
    )
    assert (
        client.get(reverse("certificates:download_badge", args=[certificate.code_display])).status_code == 404
    )


def test_in_arabic_the_course_choice_is_arabic_and_names_and_emails_are_isolated(
    client, listed_course, trainer, learners, locales
):
    from django.utils import translation

    from courses.tests.factories import translate_course

    arabic = translate_course(listed_course, "ar")
    arabic.title = "توظيف اللاجئين بشكل قانوني"
    arabic.save_revision().publish()
    client.force_login(trainer)
    with translation.override("ar"):
        url = reverse("certificates:manage")
    text = client.get(url, {"course": str(listed_course.translation_key)}).content.decode()
    assert (
        f'<option value="{listed_course.translation_key}" selected>توظيف اللاجئين بشكل قانوني</option>'
        in text
    )
    person = learners[0]
    assert f'<bdi>Learner Number0</bdi></label> <small><bdi dir="ltr">{person.email}</bdi></small>' in text
