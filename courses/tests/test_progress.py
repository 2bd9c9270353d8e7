import json

import pytest
from django.core.exceptions import PermissionDenied
from django.http import QueryDict

from accounts.models import Membership
from accounts.tests.factories import MembershipFactory, OrganisationFactory
from courses import services
from courses.models import ActivityProgress, Enrolment, LessonProgress, QuizAttempt
from courses.tests.factories import (
    CORRECT_ANSWERS,
    WRONG_ANSWERS,
    lessons_of,
    make_course,
    quiz_block,
    text_block,
    translate_course,
)
from tracking.models import Statement


def post(data, attempt):
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    query["attempt"] = str(attempt)
    return query


def verbs(user):
    return [
        row.rsplit("/", 1)[-1]
        for row in Statement.objects.filter(user=user).order_by("id").values_list("verb_id", flat=True)
    ]


def test_enrolling_records_one_enrolment_and_a_registered_statement(course, learner):
    first, created = services.enrol(learner, course)
    second, created_again = services.enrol(learner, course)
    assert created and not created_again and first.pk == second.pk
    assert Enrolment.objects.filter(user=learner).count() == 1
    assert verbs(learner) == ["registered"]


def test_enrolling_in_an_unpublished_course_is_refused(course, learner):
    course.unpublish()
    course.refresh_from_db()
    with pytest.raises(services.NotFoundError):
        services.enrol(learner, course)


def test_marking_a_reading_lesson_done_completes_it(course, enrolled, learner):
    lesson = lessons_of(course)[0]
    assert services.mark_lesson_done(learner, lesson) is True
    progress = LessonProgress.objects.get(enrolment=enrolled, lesson_key=lesson.translation_key)
    assert progress.completed_at is not None
    assert "completed" in verbs(learner) and "progressed" in verbs(learner)


def test_marking_done_twice_completes_once(course, enrolled, learner):
    lesson = lessons_of(course)[0]
    services.mark_lesson_done(learner, lesson)
    assert services.mark_lesson_done(learner, lesson) is False
    assert verbs(learner).count("completed") == 1


def test_a_lesson_with_a_quiz_cannot_be_marked_done(course, enrolled, learner):
    with pytest.raises(services.CourseActionError):
        services.mark_lesson_done(learner, lessons_of(course)[1])
    assert not LessonProgress.objects.filter(enrolment=enrolled, completed_at__isnull=False).exists()


def test_unenrolled_learner_cannot_mark_done(course, learner):
    with pytest.raises(services.NotEnrolledError):
        services.mark_lesson_done(learner, lessons_of(course)[0])


def test_failed_then_passed_quiz_stores_both_attempts_and_completes_the_lesson(course, enrolled, learner):
    lesson = lessons_of(course)[1]
    failed = services.submit_quiz(learner, lesson, "quiz-1", post(WRONG_ANSWERS, 1))
    assert not failed.passed
    assert not LessonProgress.objects.filter(
        lesson_key=lesson.translation_key, completed_at__isnull=False
    ).exists()
    passed = services.submit_quiz(learner, lesson, "quiz-1", post(CORRECT_ANSWERS, 2))
    assert passed.passed and passed.number == 2
    assert QuizAttempt.objects.filter(enrolment=enrolled).count() == 2
    assert LessonProgress.objects.get(lesson_key=lesson.translation_key).completed_at is not None
    assert ["failed", "passed"] == [verb for verb in verbs(learner) if verb in ("passed", "failed")]
    assert verbs(learner).count("answered") == 8


def test_submitting_the_same_attempt_twice_stores_it_once(course, enrolled, learner):
    lesson = lessons_of(course)[1]
    services.submit_quiz(learner, lesson, "quiz-1", post(WRONG_ANSWERS, 1))
    with pytest.raises(services.DuplicateSubmissionError):
        services.submit_quiz(learner, lesson, "quiz-1", post(WRONG_ANSWERS, 1))
    assert QuizAttempt.objects.filter(enrolment=enrolled).count() == 1


def test_attempts_limit_is_enforced_on_the_server(catalogue, learner):
    course = make_course(
        catalogue,
        slug="limited",
        modules=1,
        lessons_per_module=1,
        bodies={(0, 0): [quiz_block(max_attempts=1)]},
    )
    services.enrol(learner, course)
    lesson = lessons_of(course)[0]
    services.submit_quiz(learner, lesson, "quiz-1", post(WRONG_ANSWERS, 1))
    with pytest.raises(services.CourseActionError, match="all 1 attempts"):
        services.submit_quiz(learner, lesson, "quiz-1", post(CORRECT_ANSWERS, 2))
    assert QuizAttempt.objects.count() == 1


def test_a_failed_retry_after_passing_does_not_undo_completion(catalogue, learner):
    course = make_course(
        catalogue,
        slug="improve",
        modules=1,
        lessons_per_module=1,
        bodies={(0, 0): [quiz_block(retry_policy="improve")]},
    )
    enrolment, _ = services.enrol(learner, course)
    lesson = lessons_of(course)[0]
    services.submit_quiz(learner, lesson, "quiz-1", post(CORRECT_ANSWERS, 1))
    services.submit_quiz(learner, lesson, "quiz-1", post(WRONG_ANSWERS, 2))
    progress = ActivityProgress.objects.get(enrolment=enrolment)
    assert progress.completed and progress.passed and progress.best_score_scaled == 1.0
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None and enrolment.best_score == 1.0


def test_quiz_with_an_unknown_block_id_is_not_found(course, enrolled, learner):
    with pytest.raises(services.NotFoundError):
        services.submit_quiz(learner, lessons_of(course)[0], "quiz-1", post(CORRECT_ANSWERS, 1))


def test_finishing_every_lesson_completes_modules_and_the_course_and_asks_for_a_certificate(
    course, enrolled, learner, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr(
        "certificates.services.issue_if_earned", lambda user, page: calls.append((user, page))
    )
    first, quiz_lesson, reflection_lesson, last = lessons_of(course)
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_lesson_done(learner, first)
        services.submit_quiz(learner, quiz_lesson, "quiz-1", post(CORRECT_ANSWERS, 1))
        services.mark_lesson_done(learner, reflection_lesson)
        assert calls == []
        services.mark_lesson_done(learner, last)
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None and enrolled.progress_percent == 100
    assert enrolled.lessons_completed == 4
    assert calls == [(learner, course)]
    completed = Statement.objects.filter(user=learner, verb_id__endswith="/completed").values_list(
        "object_id", flat=True
    )
    assert sum("/module/" in iri for iri in completed) == 2
    assert sum("/course/" in iri for iri in completed) == 1


def test_progress_in_one_language_counts_in_every_language(course, enrolled, learner):
    arabic = translate_course(course, "ar")
    arabic_lesson = lessons_of(arabic)[0]
    services.mark_lesson_done(learner, arabic_lesson)
    english_lesson = lessons_of(course)[0]
    assert arabic_lesson.translation_key == english_lesson.translation_key
    assert Enrolment.objects.filter(user=learner).count() == 1
    assert LessonProgress.objects.get(enrolment=enrolled).lesson_key == english_lesson.translation_key
    enrolled.refresh_from_db()
    assert enrolled.lessons_completed == 1


def test_a_lesson_only_one_language_has_must_be_done_before_the_course_completes(
    course, enrolled, learner, django_capture_on_commit_callbacks
):
    from courses.models import LessonPage

    german = translate_course(course, "de")
    german_module = lessons_of(german)[-1].get_parent()
    extra = LessonPage(title="Nur auf Deutsch", slug="nur-auf-deutsch", body=json.dumps([text_block()]))
    german_module.add_child(instance=extra)
    extra.save_revision().publish()
    first, quiz_lesson, reflection_lesson, last = lessons_of(course)
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_lesson_done(learner, first)
        services.submit_quiz(learner, quiz_lesson, "quiz-1", post(CORRECT_ANSWERS, 1))
        services.mark_lesson_done(learner, reflection_lesson)
        services.mark_lesson_done(learner, last)  # every English lesson is done …
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None and enrolled.lessons_completed == 4
    assert enrolled.progress_percent == 80  # … but 4 of the 5 lessons the course has
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_lesson_done(learner, LessonPage.objects.get(pk=extra.pk))
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None and enrolled.progress_percent == 100
    module_completions = Statement.objects.filter(
        user=learner, verb_id__endswith="/completed", object_id__contains="/module/"
    )
    assert module_completions.count() == 2  # the second module completed once, with its extra lesson


def test_h5p_result_completes_a_lesson_through_record_activity_result(catalogue, learner):
    h5p = {
        "type": "h5p",
        "id": "h5p-1",
        "value": {"package": None, "completion": "statement", "required": True},
    }
    course = make_course(
        catalogue, slug="h5p", modules=1, lessons_per_module=1, bodies={(0, 0): [text_block(), h5p]}
    )
    enrolment, _ = services.enrol(learner, course)
    lesson = lessons_of(course)[0]
    assert lesson.required_activity_ids == ["h5p-1"]
    services.record_activity_result(learner, lesson, "h5p-1", completed=False, passed=False, score_scaled=0.2)
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    services.record_activity_result(learner, lesson, "h5p-1", completed=True, score_scaled=0.9)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None and enrolment.best_score == pytest.approx(0.9)


def test_record_activity_result_refuses_a_block_that_is_not_in_the_lesson(course, enrolled, learner):
    with pytest.raises(services.NotFoundError):
        services.record_activity_result(learner, lessons_of(course)[0], "made-up", completed=True)
    assert not ActivityProgress.objects.exists()


def test_optional_activity_does_not_hold_back_the_lesson(catalogue, learner):
    course = make_course(
        catalogue,
        slug="optional",
        modules=1,
        lessons_per_module=1,
        bodies={(0, 0): [quiz_block(required=False)]},
    )
    lesson = lessons_of(course)[0]
    assert lesson.required_activities == [] and lesson.is_reading_only


def test_completion_check_costs_the_same_queries_for_a_60_lesson_course(
    catalogue, learner, django_assert_max_num_queries
):
    small = make_course(catalogue, slug="small", modules=2, lessons_per_module=2)
    big = make_course(catalogue, slug="big", modules=6, lessons_per_module=10)
    services.enrol(learner, small)
    services.enrol(learner, big)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small_queries:
        services.mark_lesson_done(learner, lessons_of(small)[0])
    with django_assert_max_num_queries(len(small_queries)):
        services.mark_lesson_done(learner, lessons_of(big)[0])


def test_trainer_enrols_members_of_their_organisation(course, make_user):
    organisation = OrganisationFactory()
    trainer = make_user(email="trainer@example.org")
    MembershipFactory(user=trainer, organisation=organisation, role=Membership.Role.TRAINER)
    member = make_user(email="member@example.org")
    MembershipFactory(user=member, organisation=organisation)
    results = services.enrol_others(trainer, course, [member])
    assert results == [(member, True)]
    assert Enrolment.objects.get(user=member).enrolled_by == trainer


def test_enrolling_a_stranger_is_refused_and_enrols_nobody(course, make_user):
    organisation = OrganisationFactory()
    admin = make_user(email="admin@example.org")
    MembershipFactory(user=admin, organisation=organisation, role=Membership.Role.COMPANY_ADMIN)
    member = make_user(email="member@example.org")
    MembershipFactory(user=member, organisation=organisation)
    stranger = make_user(email="stranger@example.org")
    with pytest.raises(PermissionDenied):
        services.enrol_others(admin, course, [member, stranger])
    assert not Enrolment.objects.exists()


def test_learner_cannot_enrol_others(course, make_user, learner):
    organisation = OrganisationFactory()
    MembershipFactory(user=learner, organisation=organisation)
    colleague = make_user(email="colleague@example.org")
    MembershipFactory(user=colleague, organisation=organisation)
    with pytest.raises(PermissionDenied):
        services.enrol_others(learner, course, [colleague])


def test_required_activities_are_recomputed_when_the_body_changes(course):
    lesson = lessons_of(course)[0]
    assert lesson.required_activities == []
    lesson.body = json.dumps([text_block(), quiz_block(block_id="new-quiz")])
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.required_activity_ids == ["new-quiz"]


def _statements_sql(callable_):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        callable_()
    return [query["sql"] for query in context.captured_queries]


@pytest.mark.django_db(transaction=True)  # real transactions: the opening's is the outermost one
@pytest.mark.parametrize("asynchronous", [True, False])
def test_opening_a_lesson_commits_without_waiting_for_the_disk_and_completing_it_waits(
    settings, course, enrolled, learner, asynchronous
):
    from django.db import connection

    from courses.selectors import lesson_parents

    settings.COURSES_ASYNC_COMMIT_FOR_OPENINGS = asynchronous
    first = lessons_of(course)[0]
    module, _course = lesson_parents(first)
    opened = _statements_sql(lambda: services.note_lesson_opened(enrolled, first, module, course))
    completed = _statements_sql(lambda: services.mark_lesson_done(learner, first))
    relaxed = [sql for sql in opened if "synchronous_commit" in sql]
    # Only PostgreSQL has asynchronous commits; the opening is recorded either way.
    expected = 1 if asynchronous and connection.vendor == "postgresql" else 0
    assert len(relaxed) == expected
    assert not any("synchronous_commit" in sql for sql in completed)
    assert LessonProgress.objects.get(enrolment=enrolled, lesson_key=first.translation_key).completed_at
    assert Statement.objects.filter(user=learner, verb_id__endswith="/launched").exists()


def test_an_opening_inside_a_callers_transaction_keeps_the_durable_commit(course, enrolled):
    from courses.selectors import lesson_parents

    first = lessons_of(course)[0]
    module, _course = lesson_parents(first)
    # The test runs inside a transaction: the opening is not the outermost one and must not relax it.
    opened = _statements_sql(lambda: services.note_lesson_opened(enrolled, first, module, course))
    assert not any("synchronous_commit" in sql for sql in opened)
