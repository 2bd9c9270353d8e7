import re
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from courses import services as courses_services
from courses.models import Enrolment, LessonProgress, QuizAttempt
from courses.tests.factories import CORRECT_ANSWERS, WRONG_ANSWERS, lessons_of
from workshops import selectors

from .factories import join_people, make_cohort, satisfaction_template, self_assessment_template

pytestmark = pytest.mark.django_db


def answers(data, attempt):
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    query["attempt"] = str(attempt)
    return query


@pytest.fixture
def trainer_client(client, cohort, password):
    client.force_login(cohort.trainers.get())
    return client


def test_the_grid_shows_done_started_and_untouched_lessons(trainer_client, cohort, course):
    first, second = join_people(cohort, 2)
    lesson_1, _lesson_2, lesson_3 = lessons_of(course)
    courses_services.mark_lesson_done(first, lesson_1)
    enrolment = Enrolment.objects.get(user=second)
    courses_services.note_lesson_opened(enrolment, lesson_3, lesson_3.get_parent(), course)
    grids = selectors.course_grids(cohort, selectors.participants_of(cohort))
    rows = {row["person"].pk: [cell["state"] for cell in row["cells"]] for row in grids[0]["rows"]}
    assert rows[first.pk] == ["done", "todo", "todo"]
    assert rows[second.pk] == ["todo", "todo", "started"]
    fragment = trainer_client.get(reverse("workshops:grid", args=[cohort.pk]))
    assert fragment.status_code == 200
    html = fragment.content.decode()
    # The row of the second person, cell by cell, with the screen readers' words.
    second_row = html[html.index(second.get_full_name()) :].split("</tr>")[0]
    assert re.findall(r'class="cell cell-(\w+)"', second_row) == ["todo", "todo", "started"]
    assert '<span class="visually-hidden">started</span>' in second_row
    assert html.count('<span aria-hidden="true">✓</span><span class="visually-hidden">done</span>') == 1


def test_who_is_stuck_has_had_no_progress_for_the_set_days(cohort):
    active, idle = join_people(cohort, 2)
    Enrolment.objects.filter(user=idle).update(last_activity_at=timezone.now() - timedelta(days=30))
    grid = selectors.course_grids(cohort, selectors.participants_of(cohort))[0]
    assert [row["person"] for row in grid["stuck"]] == [idle]


def test_quiz_scores_are_banded_per_quiz(cohort, course):
    first, second = join_people(cohort, 2)
    quiz_lesson = lessons_of(course)[1]
    courses_services.submit_quiz(first, quiz_lesson, "quiz-1", answers(CORRECT_ANSWERS, 1))
    courses_services.submit_quiz(second, quiz_lesson, "quiz-1", answers(WRONG_ANSWERS, 1))
    (quiz,) = selectors.course_grids(cohort, selectors.participants_of(cohort))[0]["quizzes"]
    assert quiz["taken"] == 2
    assert {band["label"]: band["count"] for band in quiz["bands"]}["90–100 %"] == 1
    assert {band["label"]: band["count"] for band in quiz["bands"]}["0–49 %"] == 1


def test_the_trainer_grants_another_attempt_once_the_limit_is_used(trainer_client, cohort, course):
    (person,) = join_people(cohort, 1)
    quiz_lesson = lessons_of(course)[1]
    courses_services.submit_quiz(person, quiz_lesson, "quiz-1", answers(WRONG_ANSWERS, 1))
    with pytest.raises(courses_services.CourseActionError):
        courses_services.submit_quiz(person, quiz_lesson, "quiz-1", answers(WRONG_ANSWERS, 2))
    url = reverse("workshops:grant_attempt", args=[cohort.pk, person.pk])
    response = trainer_client.post(url, {"lesson": quiz_lesson.pk, "block": "quiz-1"})
    assert response.status_code == 302
    courses_services.submit_quiz(person, quiz_lesson, "quiz-1", answers(CORRECT_ANSWERS, 2))
    assert QuizAttempt.objects.filter(enrolment__user=person).count() == 2


def test_granting_for_an_odd_lesson_or_quiz_changes_nothing(trainer_client, cohort, course):
    (person,) = join_people(cohort, 1)
    url = reverse("workshops:grant_attempt", args=[cohort.pk, person.pk])
    assert trainer_client.post(url, {"lesson": "abc", "block": "quiz-1"}).status_code == 404
    response = trainer_client.post(url, {"lesson": lessons_of(course)[1].pk, "block": "nope"}, follow=True)
    assert "This quiz is not part of the lesson." in response.content.decode()


def test_the_trainer_resets_a_lesson_and_the_course_counts_follow(trainer_client, cohort, course):
    (person,) = join_people(cohort, 1)
    lesson_1 = lessons_of(course)[0]
    courses_services.mark_lesson_done(person, lesson_1)
    assert Enrolment.objects.get(user=person).lessons_completed == 1
    url = reverse("workshops:reset_lesson", args=[cohort.pk, person.pk])
    assert trainer_client.post(url, {"lesson": lesson_1.pk}).status_code == 302
    enrolment = Enrolment.objects.get(user=person)
    assert enrolment.lessons_completed == 0 and enrolment.progress_percent == 0
    assert not LessonProgress.objects.filter(enrolment=enrolment).exists()


def test_the_learner_detail_lists_lessons_attempts_and_statements(trainer_client, cohort, course):
    (person,) = join_people(cohort, 1)
    courses_services.mark_lesson_done(person, lessons_of(course)[0])
    response = trainer_client.get(reverse("workshops:learner", args=[cohort.pk, person.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Lesson 1.1" in body and "Grant another attempt" in body and "completed" in body


def test_the_csv_export_has_a_row_per_participant_and_a_column_per_lesson(trainer_client, cohort, course):
    first, _second = join_people(cohort, 2)
    courses_services.mark_lesson_done(first, lessons_of(course)[0])
    response = trainer_client.get(reverse("workshops:export", args=[cohort.pk]))
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert len(lines) == 3
    assert lines[0].endswith("Lesson 1.1,Lesson 1.2,Lesson 1.3")
    assert any(line.endswith(",done,,") for line in lines[1:])


def csv_file(text):
    return SimpleUploadedFile("people.csv", text.encode("utf-8"), content_type="text/csv")


def test_a_csv_list_previews_bad_rows_and_enrols_the_good_ones_after_confirmation(
    trainer_client, cohort, django_capture_on_commit_callbacks
):
    text = (
        "email,first_name,last_name\nnour@example.org,Nour,Haddad\nnot-an-address,Bad,Row\n"
        "nour@example.org,Nour,Twice\nkarim@example.org,Karim,\n"
    )
    url = reverse("workshops:participant_list", args=[cohort.pk])
    preview = trainer_client.post(url, {"file": csv_file(text)})
    body = preview.content.decode()
    assert "Line 3" in body and "is not an e-mail address" in body
    assert "Line 4" in body and "listed twice" in body
    assert not cohort.participants.exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with_captured = trainer_client.post(url, {"action": "confirm"})
    assert with_captured.status_code == 302
    emails = set(cohort.participants.values_list("user__email", flat=True))
    assert emails == {"nour@example.org", "karim@example.org"}
    assert len(mail.outbox) == 2


def test_a_csv_without_an_email_column_or_in_another_encoding_is_refused(trainer_client, cohort):
    url = reverse("workshops:participant_list", args=[cohort.pk])
    response = trainer_client.post(url, {"file": csv_file("name\nNour\n")})
    assert response.status_code == 400 and "The first line must name the columns" in response.content.decode()
    latin = SimpleUploadedFile("people.csv", "email\nnaïm@example.org\n".encode("latin-1"))
    response = trainer_client.post(url, {"file": latin})
    assert response.status_code == 400 and "UTF-8" in response.content.decode()


def test_invitations_are_sent_and_bad_addresses_are_named(trainer_client, cohort):
    url = reverse("workshops:invite", args=[cohort.pk])
    response = trainer_client.post(url, {"emails": "a@example.org, nonsense"})
    assert response.status_code == 400 and "nonsense" in response.content.decode()
    assert not mail.outbox
    trainer_client.post(url, {"emails": "a@example.org\nb@example.org"})
    assert len(mail.outbox) == 2 and "/workshops/join/" in mail.outbox[0].body


def test_certificates_go_to_who_completed_and_attended(trainer_client, cohort, course):
    from certificates.selectors import latest_certificate

    done_and_there, done_but_absent, present_not_done = join_people(cohort, 3)
    for person in (done_and_there, done_but_absent):
        for lesson in lessons_of(course):
            if lesson.is_reading_only:
                courses_services.mark_lesson_done(person, lesson)
            else:
                courses_services.submit_quiz(person, lesson, "quiz-1", answers(CORRECT_ANSWERS, 1))
    for day in cohort.days.all():
        trainer_client.post(
            reverse("workshops:attendance", args=[cohort.pk, day.pk]),
            {"present": [done_and_there.pk, present_not_done.pk, "junk"]},
        )
    response = trainer_client.post(
        reverse("workshops:issue_certificates", args=[cohort.pk]), {"minimum_attendance": 80}
    )
    assert response.status_code == 302
    assert latest_certificate(done_and_there, course.translation_key) is not None
    assert latest_certificate(present_not_done, course.translation_key) is None
    bad = trainer_client.post(
        reverse("workshops:issue_certificates", args=[cohort.pk]), {"minimum_attendance": 300}
    )
    assert bad.status_code == 400


def test_before_and_after_self_assessment_gives_a_gain_per_competence(client, cohort, password):
    cohort.self_assessment = self_assessment_template()
    cohort.satisfaction = satisfaction_template()
    cohort.save()
    first, second = join_people(cohort, 2)
    for person, before, after in ((first, "2", "4"), (second, "3", "4")):
        client.force_login(person)
        for phase, value in (("before", before), ("after", after)):
            url = reverse("workshops:evaluate", args=[cohort.pk, cohort.self_assessment_id, phase])
            data = {f"item-sa-{name}": value for name in ("awareness", "knowledge", "skills")}
            assert client.post(url, data).status_code == 302
    url = reverse("workshops:evaluate", args=[cohort.pk, cohort.satisfaction_id, "end"])
    assert client.post(url, {"item-r1": "9"}).status_code == 400
    client.post(url, {"item-r1": "5", "item-o1": "More time for role plays"})
    gain = selectors.learning_gain(cohort)
    assert [row["gain"] for row in gain["rows"]] == [1.5, 1.5, 1.5]
    summary = selectors.satisfaction_summary(cohort)
    assert summary["suggestions"][0]["text"] == "More time for role plays"
    client.force_login(cohort.trainers.get())
    body = client.get(reverse("workshops:dashboard", args=[cohort.pk])).content.decode()
    assert "<svg" in body and "+1.5" in body and "More time for role plays" in body


def test_the_dashboard_for_200_participants_and_40_lessons_runs_a_bounded_number_of_queries(
    client, site_content, trainer_setup, password, django_assert_max_num_queries
):
    from courses.tests.factories import make_catalogue, make_course

    trainer, provider = trainer_setup
    big = make_course(make_catalogue(), title="Long course", slug="long", modules=4, lessons_per_module=10)
    cohort = make_cohort(trainer, provider, [big], capacity=250)
    User = get_user_model()
    people = User.objects.bulk_create(
        [User(email=f"p{n}@example.org", first_name="P", last_name=f"{n:03}") for n in range(200)]
    )
    from workshops.models import Participant

    Participant.objects.bulk_create([Participant(cohort=cohort, user=person) for person in people])
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(user=person, course_key=big.translation_key, last_activity_at=timezone.now())
            for person in people
        ]
    )
    lessons = lessons_of(big)
    now = timezone.now()
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                enrolment=enrolment,
                lesson_key=lesson.translation_key,
                module_key=uuid.uuid4(),
                completed_at=now if index % 2 else None,
            )
            for n, enrolment in enumerate(enrolments)
            for index, lesson in enumerate(lessons[: n % 40])
        ]
    )
    client.force_login(trainer)
    client.get(reverse("workshops:dashboard", args=[cohort.pk]))  # warms the page-tree cache
    with django_assert_max_num_queries(25):
        response = client.get(reverse("workshops:dashboard", args=[cohort.pk]))
    assert response.status_code == 200
    assert response.content.decode().count('class="cell cell-') == 200 * 40
    with django_assert_max_num_queries(15):
        assert client.get(reverse("workshops:grid", args=[cohort.pk])).status_code == 200
