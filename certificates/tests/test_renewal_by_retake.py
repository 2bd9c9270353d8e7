"""End to end: a learner renews an expired certificate by taking the same course again."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from certificates import services
from certificates.models import Certificate
from courses.models import Enrolment, EnrolmentCycle
from courses.tests.factories import CORRECT_ANSWERS, lessons_of, make_course, quiz_block


@pytest.fixture
def course(catalogue):
    return make_course(
        catalogue,
        title="Onboarding new colleagues",
        slug="onboarding",
        modules=1,
        lessons_per_module=2,
        bodies={(0, 1): [quiz_block(max_attempts=1, retry_policy="once")]},
        certificate_validity_months=12,
    )


def finish_course(client, course, attempt=1):
    """Mark the reading lesson done and pass the quiz, through the learner's own buttons."""
    reading, quiz = lessons_of(course)
    assert client.post(reverse("courses:mark_done", args=[reading.pk])).status_code == 302
    answers = {**CORRECT_ANSWERS, "attempt": str(attempt)}
    assert client.post(reverse("courses:submit_quiz", args=[quiz.pk, "quiz-1"]), answers).status_code == 302


def test_retaking_an_expired_course_issues_exactly_one_renewal(
    client, course, make_user, django_capture_on_commit_callbacks
):
    learner = make_user()
    with freeze_time("2026-01-10 09:00:00"):
        client.force_login(learner)
        client.post(reverse("courses:enrol", args=[course.pk]))
        with django_capture_on_commit_callbacks(execute=True):
            finish_course(client, course)
    first = Certificate.objects.get(user=learner)
    assert first.source == Certificate.Source.COMPLETION

    with freeze_time("2027-03-01 09:00:00"):
        client.force_login(learner)
        dashboard = client.get(reverse("accounts:dashboard")).content.decode()
        assert "Take the course again" in dashboard
        restart = reverse("courses:take_again", args=[course.pk])
        assert client.post(restart, {"cycle": "1"}).status_code == 302
        # A second click of the same button changes nothing.
        client.post(restart, {"cycle": "1"})
        assert Enrolment.objects.get(user=learner).cycle == 2
        assert Enrolment.objects.get(user=learner).completed_at is None
        with django_capture_on_commit_callbacks(execute=True):
            finish_course(client, course, attempt=1)
        # The nightly job moves the old certificate to "expired"; it stays verifiable as such.
        services.mark_expired()
        verification = client.get(reverse("certificates:verify", args=[first.code_display])).content.decode()

    renewals = Certificate.objects.filter(user=learner).exclude(pk=first.pk)
    assert renewals.count() == 1
    renewal = renewals.get()
    assert renewal.renews == first and renewal.source == Certificate.Source.RENEWAL
    assert renewal.issue_marker == f"after:{first.pk}"
    assert str(renewal.expires_on) == "2028-03-01"
    assert "This certificate has expired." in verification
    first.refresh_from_db()
    assert first.status == Certificate.Status.EXPIRED
    assert EnrolmentCycle.objects.get(enrolment__user=learner).completed_at is not None


def test_completing_the_retake_twice_over_issues_no_second_renewal(
    client, course, make_user, django_capture_on_commit_callbacks
):
    learner = make_user()
    with freeze_time("2026-01-10 09:00:00"):
        client.force_login(learner)
        client.post(reverse("courses:enrol", args=[course.pk]))
        with django_capture_on_commit_callbacks(execute=True):
            finish_course(client, course)
    with freeze_time("2027-03-01 09:00:00"):
        client.force_login(learner)
        client.post(reverse("courses:take_again", args=[course.pk]), {"cycle": "1"})
        with django_capture_on_commit_callbacks(execute=True):
            finish_course(client, course)
        # courses asks again (a retried job): the marker keeps it to one renewal.
        services.issue_if_earned(learner, course)
    assert Certificate.objects.filter(user=learner).count() == 2
