from datetime import date, timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from certificates import services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def test_nothing_is_issued_before_the_course_is_completed(course_page, completions, make_user):
    assert services.issue_if_earned(make_user(), course_page) is None
    assert not Certificate.objects.exists()


def test_completion_issues_a_certificate_with_snapshot_and_expiry(course_page, completions, make_user):
    learner = make_user(first_name="Amal", last_name="Haddad", preferred_language="de")
    completions.complete(learner, course_page)
    with freeze_time("2026-03-31 10:00:00"):
        certificate = services.issue_if_earned(learner, course_page)
    assert certificate.holder_name == "Amal Haddad"
    assert certificate.course_title == "Hiring refugees legally"
    assert certificate.course_key == course_page.translation_key
    assert certificate.language == "de"
    assert certificate.status == Certificate.Status.VALID
    # 24 months after 31 March is 31 March; the month arithmetic keeps the day where it exists.
    assert certificate.expires_on == date(2028, 3, 31)


def test_course_without_validity_issues_a_certificate_that_never_expires(course_page, completions, make_user):
    course_page.certificate_validity_months = None
    learner = make_user()
    completions.complete(learner, course_page)
    assert services.issue_if_earned(learner, course_page).expires_on is None


def test_pass_mark_not_reached_issues_nothing(course_page, completions, make_user):
    course_page.certificate_requires_pass_mark = 80
    learner = make_user()
    completions.complete(learner, course_page, score=0.79)
    assert services.issue_if_earned(learner, course_page) is None


def test_pass_mark_reached_issues_the_certificate(course_page, completions, make_user):
    course_page.certificate_requires_pass_mark = 80
    learner = make_user()
    completions.complete(learner, course_page, score=0.8)
    assert services.issue_if_earned(learner, course_page) is not None


def test_issuing_twice_returns_the_same_certificate(course_page, completions, make_user):
    learner = make_user()
    completions.complete(learner, course_page)
    first = services.issue_if_earned(learner, course_page)
    assert services.issue_if_earned(learner, course_page) == first
    assert Certificate.objects.count() == 1


def test_issuing_records_an_earned_statement(course_page, completions, make_user):
    from tracking.models import Statement

    learner = make_user()
    completions.complete(learner, course_page)
    certificate = services.issue_if_earned(learner, course_page)
    statement = Statement.objects.get(user=learner)
    assert statement.verb_id == "http://id.tincanapi.com/verb/earned"
    assert statement.object_id.endswith(f"/xapi/activities/certificate/{certificate.uuid}")


def test_certificate_title_is_taken_from_the_course_in_the_learners_language(
    course_page, completions, make_user, locales
):
    from courses.tests.factories import translate_course

    arabic = translate_course(course_page, "ar")
    arabic.title = "توظيف اللاجئين بشكل قانوني"
    arabic.save_revision().publish()
    learner = make_user(preferred_language="ar")
    completions.complete(learner, course_page)
    certificate = services.issue_if_earned(learner, course_page)
    assert certificate.language == "ar"
    assert certificate.course_title == "توظيف اللاجئين بشكل قانوني"


def test_completing_again_when_renewal_is_due_issues_a_renewal(course_page, completions, make_user):
    learner = make_user()
    with freeze_time("2026-01-10"):
        completions.complete(learner, course_page)
        first = services.issue_if_earned(learner, course_page)
    with freeze_time("2027-12-01"):
        completions.complete(learner, course_page)
        renewal = services.issue_if_earned(learner, course_page)
    assert renewal != first
    assert renewal.renews == first
    assert renewal.source == Certificate.Source.RENEWAL
    assert renewal.expires_on == date(2029, 12, 1)


def test_completing_again_long_before_expiry_keeps_the_existing_certificate(
    course_page, completions, make_user
):
    learner = make_user()
    completions.complete(learner, course_page)
    first = services.issue_if_earned(learner, course_page)
    completions.complete(learner, course_page, at=timezone.now() + timedelta(days=30))
    assert services.issue_if_earned(learner, course_page) == first


def test_completing_a_refresher_renews_the_course_that_names_it(
    catalogue, course_page, completions, make_user
):
    from courses.tests.factories import make_course

    refresher = make_course(
        catalogue, title="Legal hiring refresher", slug="refresher", modules=1, lessons_per_module=1
    )
    course_page.refresher_course = refresher
    course_page.save_revision().publish()
    learner = make_user()
    with freeze_time("2026-01-10"):
        completions.complete(learner, course_page)
        first = services.issue_if_earned(learner, course_page)
    with freeze_time("2027-12-20"):
        completions.complete(learner, refresher)
        renewal = services.issue_if_earned(learner, refresher)
    assert renewal.course_key == course_page.translation_key
    assert renewal.renews == first
    assert renewal.expires_on == date(2029, 12, 20)
    assert Certificate.objects.filter(course_key=refresher.translation_key).count() == 0


def test_completing_a_refresher_without_a_certificate_to_renew_issues_its_own(
    catalogue, course_page, completions, make_user
):
    from courses.tests.factories import make_course

    refresher = make_course(
        catalogue, title="Legal hiring refresher", slug="refresher", modules=1, lessons_per_module=1
    )
    course_page.refresher_course = refresher
    course_page.save_revision().publish()
    learner = make_user()
    completions.complete(learner, refresher)
    certificate = services.issue_if_earned(learner, refresher)
    assert certificate.course_key == refresher.translation_key


def test_completing_the_course_through_courses_issues_the_certificate(
    course_page, make_user, django_capture_on_commit_callbacks
):
    from courses.services import enrol, mark_lesson_done
    from courses.tests.factories import lessons_of

    learner = make_user()
    enrol(learner, course_page)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(course_page):
            mark_lesson_done(learner, lesson)
    certificate = Certificate.objects.get(user=learner)
    assert certificate.course_key == course_page.translation_key
    assert certificate.source == Certificate.Source.COMPLETION


def test_manual_issue_records_who_issued(course_page, make_user):
    trainer, learner = make_user(), make_user()
    certificate = services.issue(learner, course_page, issued_by=trainer, basis="Attended the March workshop")
    assert certificate.issued_by == trainer
    assert certificate.source == Certificate.Source.MANUAL
    assert certificate.basis == "Attended the March workshop"


def test_manual_issue_keeps_a_current_certificate(course_page, make_user):
    learner = make_user()
    first = services.issue(learner, course_page)
    assert services.issue(learner, course_page) == first


def test_manual_issue_after_revocation_issues_a_new_certificate(course_page, make_user):
    learner = make_user()
    first = services.issue(learner, course_page)
    services.revoke(first, reason="Issued to the wrong person")
    second = services.issue(learner, course_page)
    assert second != first
    assert second.issue_marker == f"after:{first.pk}"


def test_revoking_needs_a_reason(course_page, make_user):
    certificate = services.issue(make_user(), course_page)
    with pytest.raises(ValueError):
        services.revoke(certificate, reason="  ")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_mark_expired_moves_past_certificates_to_expired(course_page, make_user):
    with freeze_time("2024-01-01"):
        old = services.issue(make_user(), course_page)
    current = services.issue(make_user(), course_page)
    assert services.mark_expired() == 1
    old.refresh_from_db()
    current.refresh_from_db()
    assert old.status == Certificate.Status.EXPIRED
    assert current.status == Certificate.Status.VALID
