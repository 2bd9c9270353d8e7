"""Taking a finished course again to renew its certificate: courses.services.restart_course."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.urls import reverse
from freezegun import freeze_time

from accounts.models import Membership
from accounts.tests.factories import MembershipFactory, OrganisationFactory
from certificates import services as certificates
from courses import services
from courses.models import ActivityProgress, Enrolment, EnrolmentCycle, LessonProgress, QuizAttempt
from courses.signals import course_restarted
from courses.tests.factories import CORRECT_ANSWERS, WRONG_ANSWERS, lessons_of, make_course, quiz_block
from tracking.models import Statement

ISSUED = "2026-01-10 09:00:00"
EXPIRED = "2027-02-01 09:00:00"  # a year and three weeks later: the 12-month certificate has expired
LONG_VALID = "2026-03-01 09:00:00"


def post(data, attempt):
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    query["attempt"] = str(attempt)
    return query


@pytest.fixture
def renewable(catalogue):
    """One reading lesson and one quiz lesson allowing a single attempt; certificates last 12 months."""
    return make_course(
        catalogue,
        slug="renewable",
        modules=1,
        lessons_per_module=2,
        bodies={(0, 1): [quiz_block(max_attempts=1, retry_policy="once")]},
        certificate_validity_months=12,
    )


def complete(learner, course):
    reading, quiz = lessons_of(course)
    services.mark_lesson_done(learner, reading)
    attempts = QuizAttempt.objects.filter(
        enrolment__user=learner, lesson_key=quiz.translation_key, cycle=cycle_of(learner, course)
    ).count()
    services.submit_quiz(learner, quiz, "quiz-1", post(CORRECT_ANSWERS, attempts + 1))


def cycle_of(learner, course):
    return Enrolment.objects.get(user=learner, course_key=course.translation_key).cycle


@pytest.fixture
def due(renewable, learner):
    """A learner who completed the course and holds a certificate that has expired by EXPIRED."""
    with freeze_time(ISSUED):
        services.enrol(learner, renewable)
        complete(learner, renewable)
        certificate = certificates.issue(learner, renewable)
    return certificate


def snapshot(learner):
    enrolment = Enrolment.objects.get(user=learner)
    return (
        enrolment.cycle,
        enrolment.registration,
        enrolment.completed_at,
        LessonProgress.objects.filter(enrolment=enrolment).count(),
        ActivityProgress.objects.filter(enrolment=enrolment).count(),
        EnrolmentCycle.objects.count(),
        Statement.objects.filter(user=learner).count(),
    )


def test_restart_makes_every_lesson_incomplete_and_starts_a_new_cycle(renewable, learner, due):
    before = Enrolment.objects.get(user=learner)
    with freeze_time(EXPIRED):
        enrolment = services.restart_course(learner, renewable)
    enrolment.refresh_from_db()
    assert enrolment.cycle == 2
    assert enrolment.completed_at is None and enrolment.progress_percent == 0
    assert enrolment.best_score is None and enrolment.lessons_completed == 0
    assert enrolment.registration != before.registration
    assert not LessonProgress.objects.filter(enrolment=enrolment).exists()
    assert not ActivityProgress.objects.filter(enrolment=enrolment).exists()


def test_restart_keeps_the_finished_pass_for_audit(renewable, learner, due):
    before = Enrolment.objects.get(user=learner)
    with freeze_time(EXPIRED):
        services.restart_course(learner, renewable)
    archived = EnrolmentCycle.objects.get(enrolment=before)
    assert archived.cycle == 1
    assert archived.registration == before.registration
    assert archived.completed_at == before.completed_at
    assert archived.progress_percent == 100 and archived.best_score == before.best_score
    assert {row["lesson_key"] for row in archived.lesson_progress} == {
        str(lesson.translation_key) for lesson in lessons_of(renewable)
    }
    assert all(row["completed_at"] for row in archived.lesson_progress)
    assert archived.activity_progress[0]["passed"] is True
    assert archived.restarted_by == learner
    old_attempt = QuizAttempt.objects.get(enrolment=before)
    assert old_attempt.cycle == 1 and old_attempt.passed


def test_restart_records_an_initialized_statement_with_the_new_registration(renewable, learner, due):
    with freeze_time(EXPIRED):
        enrolment = services.restart_course(learner, renewable)
    statement = Statement.objects.filter(user=learner).order_by("-id").first()
    assert statement.verb_id.endswith("/initialized")
    assert statement.registration == enrolment.registration
    assert str(renewable.translation_key) in statement.object_id


def test_restart_tells_other_apps_through_a_signal(renewable, learner, due):
    received = []

    def receiver(sender, enrolment, course, user, **kwargs):
        received.append((enrolment.cycle, course.pk, user.pk))

    course_restarted.connect(receiver)
    try:
        with freeze_time(EXPIRED):
            services.restart_course(learner, renewable)
    finally:
        course_restarted.disconnect(receiver)
    assert received == [(2, renewable.pk, learner.pk)]


def test_quiz_attempts_are_counted_per_cycle(renewable, learner, due):
    quiz = lessons_of(renewable)[1]
    with freeze_time(EXPIRED):
        services.restart_course(learner, renewable)
        # The quiz allows one attempt; the new cycle gets its own first attempt.
        attempt = services.submit_quiz(learner, quiz, "quiz-1", post(WRONG_ANSWERS, 1))
    assert attempt.cycle == 2 and attempt.number == 1
    assert QuizAttempt.objects.filter(enrolment__user=learner).count() == 2


def test_completing_the_new_cycle_sets_completed_at_again(renewable, learner, due):
    with freeze_time(EXPIRED):
        services.restart_course(learner, renewable)
        complete(learner, renewable)
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at == datetime(2027, 2, 1, 9, tzinfo=UTC)
    assert enrolment.completed_at > due.issued_at
    assert enrolment.progress_percent == 100


def test_restart_is_refused_while_the_certificate_is_valid_for_long(renewable, learner, due):
    before = snapshot(learner)
    with freeze_time(LONG_VALID), pytest.raises(services.CourseActionError) as error:
        services.restart_course(learner, renewable)
    assert "certificate" in error.value.message
    assert snapshot(learner) == before


def test_restart_is_allowed_within_sixty_days_of_expiry(renewable, learner, due):
    with freeze_time(due.expires_on - timedelta(days=59)):
        assert services.restart_course(learner, renewable).cycle == 2


def test_restart_is_refused_without_a_certificate(renewable, learner):
    services.enrol(learner, renewable)
    complete(learner, renewable)
    before = snapshot(learner)
    with pytest.raises(services.CourseActionError):
        services.restart_course(learner, renewable)
    assert snapshot(learner) == before


def test_restart_is_refused_when_not_enrolled(renewable, make_user):
    stranger = make_user()
    with pytest.raises(services.NotEnrolledError):
        services.restart_course(stranger, renewable)
    assert not Enrolment.objects.filter(user=stranger).exists()


def test_restart_is_refused_for_an_unpublished_course(renewable, learner, due):
    renewable.unpublish()
    before = snapshot(learner)
    with freeze_time(EXPIRED), pytest.raises(services.NotFoundError):
        services.restart_course(learner, renewable)
    assert snapshot(learner) == before


def test_a_second_submit_of_the_same_button_changes_nothing(renewable, learner, due):
    with freeze_time(EXPIRED):
        services.restart_course(learner, renewable, expected_cycle=1)
        before = snapshot(learner)
        with pytest.raises(services.DuplicateSubmissionError):
            services.restart_course(learner, renewable, expected_cycle=1)
    assert snapshot(learner) == before
    assert EnrolmentCycle.objects.count() == 1


def test_restart_is_refused_while_the_new_cycle_is_unfinished(renewable, learner, due):
    with freeze_time(EXPIRED):
        services.restart_course(learner, renewable)
        before = snapshot(learner)
        with pytest.raises(services.CourseActionError):
            services.restart_course(learner, renewable)
    assert snapshot(learner) == before


def test_a_trainer_of_the_learner_may_reset_them_before_renewal_is_due(renewable, learner, due, make_user):
    organisation = OrganisationFactory()
    MembershipFactory(user=learner, organisation=organisation, role=Membership.Role.LEARNER)
    trainer = make_user()
    MembershipFactory(user=trainer, organisation=organisation, role=Membership.Role.TRAINER)
    with freeze_time(LONG_VALID):
        enrolment = services.restart_course(learner, renewable, reset_by=trainer)
    assert enrolment.cycle == 2
    assert EnrolmentCycle.objects.get().restarted_by == trainer


def test_a_trainer_of_another_organisation_may_not_reset(renewable, learner, due, make_user):
    trainer = make_user()
    MembershipFactory(user=trainer, organisation=OrganisationFactory(), role=Membership.Role.TRAINER)
    before = snapshot(learner)
    with freeze_time(LONG_VALID), pytest.raises(PermissionDenied):
        services.restart_course(learner, renewable, reset_by=trainer)
    assert snapshot(learner) == before


# ---------------------------------------------------------------- views


def test_course_page_offers_take_again_when_renewal_is_due(renewable, learner, due, client):
    with freeze_time(EXPIRED):
        client.force_login(learner)
        text = client.get(renewable.url).content.decode()
    assert "Take the course again" in text
    assert reverse("courses:take_again", args=[renewable.pk]) in text


def test_course_page_hides_take_again_while_the_certificate_is_valid(renewable, learner, due, client):
    with freeze_time(LONG_VALID):
        client.force_login(learner)
        text = client.get(renewable.url).content.decode()
    assert "Take the course again" not in text


def test_dashboard_certificate_entry_offers_take_again_when_due(renewable, learner, due, client):
    with freeze_time(EXPIRED):
        client.force_login(learner)
        text = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Take the course again" in text
    assert reverse("courses:take_again", args=[renewable.pk]) in text


def test_take_again_button_restarts_and_returns_to_the_course(renewable, learner, due, client):
    with freeze_time(EXPIRED):
        client.force_login(learner)
        response = client.post(reverse("courses:take_again", args=[renewable.pk]), {"cycle": "1"})
    assert response.status_code == 302 and response.url == renewable.url
    assert cycle_of(learner, renewable) == 2


def test_take_again_refusal_shows_the_reason_and_changes_nothing(renewable, learner, due, client):
    before = snapshot(learner)
    with freeze_time(LONG_VALID):
        client.force_login(learner)
        response = client.post(
            reverse("courses:take_again", args=[renewable.pk]), {"cycle": "1"}, follow=True
        )
    assert response.status_code == 200
    assert "when your certificate has expired" in response.content.decode()
    assert snapshot(learner) == before


def test_take_again_double_submit_says_it_already_started(renewable, learner, due, client):
    url = reverse("courses:take_again", args=[renewable.pk])
    with freeze_time(EXPIRED):
        client.force_login(learner)
        client.post(url, {"cycle": "1"})
        response = client.post(url, {"cycle": "1"}, follow=True)
    assert "You have already started this course again." in response.content.decode()
    assert cycle_of(learner, renewable) == 2


def test_take_again_for_an_unpublished_course_explains_and_changes_nothing(renewable, learner, due, client):
    renewable.unpublish()
    before = snapshot(learner)
    with freeze_time(EXPIRED):
        client.force_login(learner)
        response = client.post(
            reverse("courses:take_again", args=[renewable.pk]), {"cycle": "1"}, follow=True
        )
    assert response.status_code == 200
    assert "This course is not available, so it cannot be taken again." in response.content.decode()
    assert snapshot(learner) == before


def test_take_again_needs_a_post(renewable, learner_client):
    assert learner_client.get(reverse("courses:take_again", args=[renewable.pk])).status_code == 405
