"""Who may issue a certificate by hand, on what basis, and the audit log of issues and revocations."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import Membership
from accounts.tests.factories import MembershipFactory, OrganisationFactory
from certificates import services
from certificates.models import Certificate, CertificateEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def company(db):
    return OrganisationFactory(name="Bäckerei Schmidt")


@pytest.fixture
def trainer(company, make_user):
    person = make_user(first_name="Tarek")
    MembershipFactory(user=person, organisation=company, role=Membership.Role.TRAINER)
    return person


@pytest.fixture
def learner(company, make_user):
    person = make_user(first_name="Lina")
    MembershipFactory(user=person, organisation=company)
    return person


@pytest.fixture
def platform_admin(make_user):
    return make_user(is_staff=True, is_superuser=True)


def test_a_trainer_cannot_issue_a_certificate_to_himself(trainer, course_page, completions):
    completions.complete(trainer, course_page)
    with pytest.raises(services.CannotIssue, match="yourself"):
        services.issue(trainer, course_page, issued_by=trainer)
    assert not Certificate.objects.filter(user=trainer).exists()


def test_the_trainers_page_refuses_an_issue_to_himself(client, trainer, learner, course_page, completions):
    from courses.services import enrol

    enrol(trainer, course_page)
    completions.complete(trainer, course_page)
    client.force_login(trainer)
    response = client.post(
        reverse("certificates:manage"),
        {"course": str(course_page.translation_key), "learners": [trainer.pk], "action": "issue"},
        follow=True,
    )
    assert "yourself" in response.content.decode()
    assert not Certificate.objects.exists()


def test_an_issue_without_completion_needs_a_stated_basis(trainer, learner, course_page):
    with pytest.raises(services.CannotIssue, match="basis"):
        services.issue(learner, course_page, issued_by=trainer)
    assert not Certificate.objects.exists()

    certificate = services.issue(
        learner, course_page, issued_by=trainer, basis="attendance at the Cologne onboarding workshop"
    )
    assert certificate.basis == "attendance at the Cologne onboarding workshop"


def test_an_issue_after_completion_needs_no_basis(trainer, learner, course_page, completions):
    completions.complete(learner, course_page)
    certificate = services.issue(learner, course_page, issued_by=trainer)
    assert certificate.basis == ""


def test_the_verification_page_says_on_what_basis_a_certificate_was_awarded(
    client, trainer, learner, course_page, completions, make_user
):
    awarded = services.issue(learner, course_page, issued_by=trainer, basis="attendance at the workshop")
    html = client.get(awarded.verification_path()).content.decode()
    assert "Awarded by" in html and "for attendance at the workshop" in html
    assert "Earned by completing the course" not in html

    other = make_user()
    completions.complete(other, course_page)
    earned = services.issue_if_earned(other, course_page)
    html = client.get(earned.verification_path()).content.decode()
    assert "Earned by completing the course" in html
    assert "Awarded by" not in html


def test_a_certificate_revoked_by_a_platform_admin_is_issued_again_only_by_a_platform_admin(
    trainer, learner, platform_admin, course_page, completions
):
    completions.complete(learner, course_page)
    certificate = services.issue_if_earned(learner, course_page)
    services.revoke(certificate, reason="Completed with a shared account", revoked_by=platform_admin)

    with pytest.raises(services.CannotIssue, match="platform administrator"):
        services.issue(learner, course_page, issued_by=trainer)
    assert Certificate.objects.filter(user=learner).count() == 1

    again = services.issue(learner, course_page, issued_by=platform_admin)
    assert again.pk != certificate.pk and again.status == Certificate.Status.VALID


def test_a_certificate_revoked_by_a_trainer_may_be_issued_again_by_a_trainer(
    trainer, learner, course_page, completions
):
    completions.complete(learner, course_page)
    certificate = services.issue(learner, course_page, issued_by=trainer)
    services.revoke(certificate, reason="Wrong name", revoked_by=trainer)
    assert services.issue(learner, course_page, issued_by=trainer).pk != certificate.pk


def test_every_issue_and_revocation_is_written_to_the_audit_log(
    trainer, learner, platform_admin, course_page, completions
):
    awarded = services.issue(learner, course_page, issued_by=trainer, basis="workshop attendance")
    services.revoke(awarded, reason="Issued by mistake", revoked_by=platform_admin)
    completions.complete(learner, course_page)
    services.issue(learner, course_page, issued_by=platform_admin)

    events = list(CertificateEvent.objects.order_by("pk"))
    assert [event.action for event in events] == ["issued", "revoked", "issued"]
    assert events[0].actor == trainer and events[0].note == "workshop attendance"
    assert events[1].actor == platform_admin and events[1].note == "Issued by mistake"
    assert events[1].by_platform_admin


def test_admins_read_the_audit_log_in_the_wagtail_admin(
    client, trainer, learner, platform_admin, course_page
):
    services.issue(learner, course_page, issued_by=trainer, basis="workshop attendance")
    client.force_login(platform_admin)
    response = client.get(reverse("certificates_admin:audit"))
    assert response.status_code == 200
    assert "workshop attendance" in response.content.decode()

    editor = trainer
    editor.is_staff = True
    editor.save()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.get(reverse("certificates_admin:audit"))
    # Wagtail answers a missing permission with a redirect to the dashboard and a message.
    assert refused.status_code in {302, 403}
    assert (
        "workshop attendance"
        not in client.get(reverse("certificates_admin:audit"), follow=True).content.decode()
    )
