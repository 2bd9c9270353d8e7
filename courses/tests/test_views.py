from django.contrib.messages import get_messages
from django.urls import reverse

from courses import services
from courses.models import Enrolment, LessonProgress, QuizAttempt, ReflectionAnswer
from courses.tests.factories import CORRECT_ANSWERS, WRONG_ANSWERS, lessons_of, make_course, quiz_block


def quiz_url(lesson, block_id="quiz-1"):
    return reverse("courses:submit_quiz", args=[lesson.pk, block_id])


def answers(data, attempt):
    return dict(data, attempt=str(attempt))


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_anonymous_visitor_sees_the_outline_and_a_call_to_log_in(client, course):
    response = client.get(course.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lesson 1.1" in html and "Log in to enrol" in html
    assert lessons_of(course)[0].url not in html


def test_enrolled_learner_sees_lesson_links_and_a_start_button(learner_client, course, enrolled):
    html = learner_client.get(course.url).content.decode()
    assert lessons_of(course)[0].url in html and "Start the first lesson" in html


def test_self_enrolment_by_post(learner_client, course, learner):
    response = learner_client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302 and Enrolment.objects.filter(user=learner).count() == 1


def test_enrolment_in_an_unknown_course_is_not_found(learner_client):
    assert learner_client.post(reverse("courses:enrol", args=[999999])).status_code == 404


def test_unenrolled_learner_gets_403_and_no_lesson_content(learner_client, course):
    response = learner_client.get(lessons_of(course)[1].url)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Enrol in the course to read it" in html and "Before the quiz" not in html


def test_anonymous_visitor_cannot_read_a_lesson(client, course):
    assert client.get(lessons_of(course)[0].url).status_code == 403


def test_lesson_of_an_unpublished_course_is_not_found(learner_client, course, enrolled):
    lesson = lessons_of(course)[0]
    # Only the course is taken down; its lessons stay live in the tree.
    course.unpublish()
    lesson.refresh_from_db()
    assert lesson.live and not course.live
    assert learner_client.get(lesson.url).status_code == 404


def test_quiz_post_for_a_lesson_of_an_unpublished_course_is_not_found(learner_client, course, enrolled):
    lesson = lessons_of(course)[1]
    course.unpublish()
    response = learner_client.post(quiz_url(lesson), answers(CORRECT_ANSWERS, 1))
    assert response.status_code == 404
    assert not QuizAttempt.objects.exists()


def test_quiz_page_holds_no_correct_answers_or_feedback_before_submitting(learner_client, course, enrolled):
    html = learner_client.get(lessons_of(course)[1].url).content.decode()
    assert "Who checks the work permit" in html
    assert "FEEDBACK" not in html and "Correct answer" not in html
    # The steps to order appear shuffled, not in the correct order.
    positions = [
        html.index(text) for text in ("Check the permit", "Sign the contract", "Welcome on the first day")
    ]
    assert positions != sorted(positions)


def test_failed_attempt_shows_feedback_for_chosen_options_but_not_the_answers(
    learner_client, course, enrolled
):
    lesson = lessons_of(course)[1]
    response = learner_client.post(quiz_url(lesson), answers(WRONG_ANSWERS, 1))
    assert response.status_code == 302
    assert any("not enough to pass" in message for message in messages_of(response))
    html = learner_client.get(lesson.url).content.decode()
    assert "FEEDBACK-WRONG-1A" in html and "FEEDBACK-RIGHT-1B" not in html
    assert "Correct answer" not in html and "Try again" in html


def test_passing_reveals_the_answers_and_completes_the_lesson(learner_client, course, enrolled):
    lesson = lessons_of(course)[1]
    learner_client.post(quiz_url(lesson), answers(CORRECT_ANSWERS, 1))
    html = learner_client.get(lesson.url).content.decode()
    assert "Correct answer" in html and "You have completed this lesson" in html
    assert "Submit answers" not in html


def test_quiz_post_with_unknown_option_ids_changes_nothing(learner_client, course, enrolled):
    lesson = lessons_of(course)[1]
    response = learner_client.post(quiz_url(lesson), answers(dict(CORRECT_ANSWERS, **{"q-q1": "evil"}), 1))
    assert response.status_code == 302
    assert any("do not match this quiz" in message for message in messages_of(response))
    assert (
        not QuizAttempt.objects.exists()
        and not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    )


def test_double_submit_stores_one_attempt_and_says_so(learner_client, course, enrolled):
    lesson = lessons_of(course)[1]
    learner_client.post(quiz_url(lesson), answers(WRONG_ANSWERS, 1))
    response = learner_client.post(quiz_url(lesson), answers(CORRECT_ANSWERS, 1))
    assert response.status_code == 302
    assert any("already submitted" in message for message in messages_of(response))
    assert QuizAttempt.objects.count() == 1 and not QuizAttempt.objects.get().passed


def test_quiz_post_with_a_tampered_lesson_id_is_not_found(learner_client, course, enrolled):
    lessons = lessons_of(course)
    assert learner_client.post(quiz_url(lessons[0]), answers(CORRECT_ANSWERS, 1)).status_code == 404
    missing = reverse("courses:submit_quiz", args=[999999, "quiz-1"])
    assert learner_client.post(missing, answers(CORRECT_ANSWERS, 1)).status_code == 404
    assert not QuizAttempt.objects.exists()


def test_quiz_post_for_a_lesson_of_another_course_is_refused(learner_client, catalogue, course, enrolled):
    other = make_course(
        catalogue, slug="other", modules=1, lessons_per_module=1, bodies={(0, 0): [quiz_block()]}
    )
    response = learner_client.post(quiz_url(lessons_of(other)[0]), answers(CORRECT_ANSWERS, 1))
    assert response.status_code == 403
    assert "Enrol in the course" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_unenrolled_learner_quiz_post_is_forbidden(learner_client, course):
    response = learner_client.post(quiz_url(lessons_of(course)[1]), answers(CORRECT_ANSWERS, 1))
    assert response.status_code == 403 and not QuizAttempt.objects.exists()


def test_mark_done_moves_the_progress_bar_and_goes_on(learner_client, course, enrolled):
    first, second = lessons_of(course)[:2]
    response = learner_client.post(reverse("courses:mark_done", args=[first.pk]), {"next": second.url})
    assert response.status_code == 302 and response["Location"] == second.url
    html = learner_client.get(second.url).content.decode()
    assert 'value="25"' in html and "1 of 4 lessons" in html


def test_mark_done_ignores_an_offsite_next_url(learner_client, course, enrolled):
    first = lessons_of(course)[0]
    response = learner_client.post(
        reverse("courses:mark_done", args=[first.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == first.url


def test_reflection_answer_is_saved_and_shown_again(learner_client, course, enrolled, learner):
    lesson = lessons_of(course)[2]
    url = reverse("courses:save_reflection", args=[lesson.pk, "reflect-1"])
    learner_client.post(url, {"text": "I will pair each newcomer with a buddy."})
    assert ReflectionAnswer.objects.get(user=learner).text == "I will pair each newcomer with a buddy."
    html = learner_client.get(lesson.url).content.decode()
    assert "I will pair each newcomer with a buddy." in html


def test_reflection_of_another_learner_is_not_shown(client, course, enrolled, learner, make_user):
    lesson = lessons_of(course)[2]
    services.save_reflection(learner, lesson, "reflect-1", "Private thought")
    other = make_user(email="other@example.org")
    services.enrol(other, course)
    client.force_login(other)
    assert "Private thought" not in client.get(lesson.url).content.decode()


def test_empty_reflection_is_refused_with_a_message(learner_client, course, enrolled):
    lesson = lessons_of(course)[2]
    response = learner_client.post(
        reverse("courses:save_reflection", args=[lesson.pk, "reflect-1"]), {"text": " "}
    )
    assert any("Write your answer" in message for message in messages_of(response))
    assert not ReflectionAnswer.objects.exists()


def test_resume_opens_the_next_incomplete_lesson(learner_client, course, enrolled, learner):
    first, second = lessons_of(course)[:2]
    services.mark_lesson_done(learner, first)
    response = learner_client.get(reverse("courses:resume", args=[course.pk]))
    assert response["Location"] == second.url


def test_dashboard_lists_course_in_progress_with_resume_and_then_as_completed(
    learner_client, course, enrolled, learner
):
    first = lessons_of(course)[0]
    services.mark_lesson_done(learner, first)
    html = learner_client.get(reverse("accounts:dashboard")).content.decode()
    assert "In progress" in html and course.title in html and 'value="25"' in html
    assert f'href="{lessons_of(course)[1].url}">Resume' in html
    for lesson in lessons_of(course)[1:]:
        if lesson.is_reading_only:
            services.mark_lesson_done(learner, lesson)
        else:
            from django.http import QueryDict

            data = QueryDict(mutable=True)
            for key, values in CORRECT_ANSWERS.items():
                data.setlist(key, values)
            data["attempt"] = "1"
            services.submit_quiz(learner, lesson, "quiz-1", data)
    html = learner_client.get(reverse("accounts:dashboard")).content.decode()
    assert "Completed on" in html and "In progress" not in html


def test_catalogue_filters_by_topic_country_duration_and_language(client, catalogue, course):
    make_course(
        catalogue,
        title="Teams across cultures",
        slug="teams",
        modules=1,
        lessons_per_module=1,
        topic="intercultural",
        countries="BE",
        estimated_duration_minutes=240,
    )
    html = client.get(catalogue.url + "?topic=intercultural").content.decode()
    assert "Teams across cultures" in html and "Hiring refugees" not in html
    html = client.get(catalogue.url + "?country=DE").content.decode()
    assert "Hiring refugees" in html and "Teams across cultures" not in html
    html = client.get(catalogue.url + "?duration=long").content.decode()
    assert "Teams across cultures" in html and "Hiring refugees" not in html
    from courses.tests.factories import translate_course

    translate_course(course, "ar")
    html = client.get(catalogue.url + "?language=ar").content.decode()
    assert "Hiring refugees" in html and "Teams across cultures" not in html


def test_catalogue_ignores_an_invalid_filter_value(client, catalogue, course):
    response = client.get(catalogue.url + "?topic=<script>&country=XX")
    assert response.status_code == 200 and "Hiring refugees" in response.content.decode()


def test_catalogue_can_be_created_under_the_home_page_and_shows_in_menus(catalogue):
    from courses.models import CourseCatalogPage
    from courses.tests.factories import english_home

    assert CourseCatalogPage.can_create_at(english_home())
    assert catalogue.show_in_menus


def test_trainer_enrols_a_colleague_through_the_form(client, course, make_user):
    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, OrganisationFactory

    organisation = OrganisationFactory()
    trainer = make_user(email="trainer@example.org")
    MembershipFactory(user=trainer, organisation=organisation, role=Membership.Role.TRAINER)
    member = make_user(email="member@example.org")
    MembershipFactory(user=member, organisation=organisation)
    client.force_login(trainer)
    url = reverse("courses:enrol_others", args=[course.pk])
    assert "member@example.org" in client.get(url).content.decode()
    response = client.post(url, {"learners": [member.pk]})
    assert response.status_code == 302 and Enrolment.objects.get(user=member).enrolled_by == trainer


def test_enrol_others_form_is_forbidden_for_learners(learner_client, course):
    assert learner_client.get(reverse("courses:enrol_others", args=[course.pk])).status_code == 403


def test_a_newly_published_lesson_appears_in_the_cached_outline(learner_client, course, enrolled):
    from courses.models import LessonPage, ModulePage

    learner_client.get(course.url)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    module.add_child(instance=LessonPage(title="Fresh lesson", slug="fresh", summary="New"))
    LessonPage.objects.get(slug="fresh").save_revision().publish()
    assert "Fresh lesson" in learner_client.get(course.url).content.decode()


def test_an_unpublished_lesson_leaves_the_cached_outline(learner_client, course, enrolled):
    learner_client.get(course.url)
    lessons_of(course)[3].unpublish()
    html = learner_client.get(course.url).content.decode()
    assert "Lesson 2.2" not in html and "0 of 3 lessons" in html


def test_lesson_page_in_arabic_is_right_to_left_with_arabic_interface(learner_client, course, enrolled):
    from courses.tests.factories import translate_course

    arabic = translate_course(course, "ar")
    response = learner_client.get(lessons_of(arabic)[0].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'dir="rtl"' in html and "محتوى الدورة" in html and "ضع علامة «تم» وتابع" in html


def test_out_of_attempts_shows_the_answers_and_no_form(learner_client, catalogue, learner):
    course = make_course(
        catalogue,
        slug="one-try",
        modules=1,
        lessons_per_module=1,
        bodies={(0, 0): [quiz_block(max_attempts=1)]},
    )
    services.enrol(learner, course)
    lesson = lessons_of(course)[0]
    learner_client.post(quiz_url(lesson), answers(WRONG_ANSWERS, 1))
    html = learner_client.get(lesson.url).content.decode()
    assert "Correct answer" in html and "You have used all 1 attempts" in html
    assert "Submit answers" not in html
    response = learner_client.post(quiz_url(lesson), answers(CORRECT_ANSWERS, 2))
    assert any("used all 1 attempts" in message for message in messages_of(response))
    assert QuizAttempt.objects.count() == 1


def test_a_lesson_renamed_by_a_direct_save_is_renamed_in_the_cached_outline(learner_client, course, enrolled):
    learner_client.get(course.url)
    lesson = lessons_of(course)[1]
    lesson.title = "Renamed by a script"
    lesson.save()
    assert "Renamed by a script" in learner_client.get(course.url).content.decode()


def test_a_draft_leaves_the_cached_outline_and_the_page_tree_version_alone(learner_client, course, enrolled):
    from website import treecache

    learner_client.get(course.url)
    before = treecache.version()
    lesson = lessons_of(course)[1]
    lesson.title = "Draft title nobody sees yet"
    lesson.save_revision()
    assert treecache.version() == before
    html = learner_client.get(course.url).content.decode()
    assert "Draft title nobody sees yet" not in html and "Lesson 1.2" in html


def test_dashboard_counts_a_lesson_only_another_language_has_and_resumes_there(
    learner_client, course, enrolled, learner, django_assert_max_num_queries, rf
):
    import json

    from courses import selectors
    from courses.models import LessonPage
    from courses.tests.factories import text_block, translate_course

    german = translate_course(course, "de")
    german_module = lessons_of(german)[-1].get_parent()
    extra = LessonPage(title="Nur auf Deutsch", slug="nur-auf-deutsch", body=json.dumps([text_block()]))
    german_module.add_child(instance=extra)
    extra.save_revision().publish()
    extra = LessonPage.objects.get(pk=extra.pk)
    english = lessons_of(course)
    for lesson in english:
        if lesson.is_reading_only:
            services.mark_lesson_done(learner, lesson)
        else:
            from courses.tests.test_progress import post

            services.submit_quiz(learner, lesson, "quiz-1", post(CORRECT_ANSWERS, 1))
    request = rf.get("/")
    request.user = learner
    # Enrolments, courses, lessons, progress; the site for URLs (two); the German version's URL.
    with django_assert_max_num_queries(7):
        selectors.my_learning(request)
    html = learner_client.get(reverse("accounts:dashboard")).content.decode()
    # Every English lesson is done, yet the course has five lessons: it stays in progress, at 80 %,
    # and Resume opens the lesson only the German version has, in German.
    assert "In progress" in html and "Completed on" not in html
    assert 'value="80"' in html and "4 of 5" in html
    assert f'href="{extra.url}">Resume' in html
    services.mark_lesson_done(learner, extra)
    html = learner_client.get(reverse("accounts:dashboard")).content.decode()
    assert "Completed on" in html and "In progress" not in html


def test_opening_a_lesson_records_launched_once_then_again_after_a_pause(learner_client, course, enrolled):
    from datetime import timedelta

    from django.utils import timezone

    from tracking.models import Statement

    lesson = lessons_of(course)[0]
    launched = Statement.objects.filter(user=enrolled.user, verb_id__endswith="/launched")
    assert learner_client.get(lesson.url).status_code == 200
    row = LessonProgress.objects.get(enrolment=enrolled, lesson_key=lesson.translation_key)
    assert row.last_launched_at is not None and row.completed_at is None
    assert launched.count() == 1
    learner_client.get(lesson.url)  # within COURSES_RELAUNCH_MINUTES: nothing new
    assert launched.count() == 1
    LessonProgress.objects.filter(pk=row.pk).update(last_launched_at=timezone.now() - timedelta(hours=2))
    learner_client.get(lesson.url)  # after a pause: launched again, the row's time moves
    assert launched.count() == 2
    row.refresh_from_db()
    assert timezone.now() - row.last_launched_at < timedelta(minutes=1)
    assert LessonProgress.objects.filter(enrolment=enrolled, lesson_key=lesson.translation_key).count() == 1


def test_opening_a_done_lesson_without_an_opening_time_records_launched(
    learner_client, course, enrolled, learner
):
    from tracking.models import Statement

    lesson = lessons_of(course)[0]
    services.mark_lesson_done(learner, lesson)
    LessonProgress.objects.filter(enrolment=enrolled).update(last_launched_at=None)
    before = Statement.objects.filter(user=learner, verb_id__endswith="/launched").count()
    learner_client.get(lesson.url)
    assert Statement.objects.filter(user=learner, verb_id__endswith="/launched").count() == before + 1
    row = LessonProgress.objects.get(enrolment=enrolled, lesson_key=lesson.translation_key)
    assert row.last_launched_at is not None and row.completed_at is not None


def test_revealed_answers_are_separated_without_a_stray_separator(learner_client, catalogue, learner):
    import re

    quiz = quiz_block()
    # The correct option comes first and a wrong one last, as editors often write them.
    quiz["value"]["questions"][0]["value"]["options"].reverse()
    course = make_course(catalogue, slug="reveal", bodies={(0, 0): [quiz]}, modules=1, lessons_per_module=1)
    services.enrol(learner, course)
    lesson = lessons_of(course)[0]
    learner_client.post(quiz_url(lesson), answers(CORRECT_ANSWERS, 1))
    html = learner_client.get(lesson.url).content.decode()
    revealed = [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r'<p class="quiz-answer">(.*?)</p>', html, flags=re.S)
    ]
    assert revealed[:3] == [
        "Correct answer: The employer",
        "Correct answer: Diploma; Work references",
        "Correct answer: False",
    ]


def test_people_to_enrol_show_name_and_email_isolated_for_right_to_left_pages(client, course, make_user):
    from django.utils import translation

    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, OrganisationFactory

    organisation = OrganisationFactory()
    trainer = make_user(email="trainer@example.org")
    MembershipFactory(user=trainer, organisation=organisation, role=Membership.Role.TRAINER)
    member = make_user(email="amal@example.org", first_name="أمل", last_name="حداد")
    MembershipFactory(user=member, organisation=organisation)
    client.force_login(trainer)
    with translation.override("ar"):
        url = reverse("courses:enrol_others", args=[course.pk])
    html = client.get(url).content.decode()
    assert "\u2068أمل حداد\u2069 \u2068&lt;amal@example.org&gt;\u2069" in html


def test_a_lesson_added_after_completion_shows_as_new_and_the_completion_stands(
    learner_client, catalogue, learner
):
    import json

    from courses.models import LessonPage

    course = make_course(catalogue, slug="finished", modules=1, lessons_per_module=2)
    services.enrol(learner, course)
    for lesson in lessons_of(course):
        services.mark_lesson_done(learner, lesson)
    module = course.get_children().first()
    added = LessonPage(title="Added later", slug="added-later", summary="New", body=json.dumps([]))
    module.add_child(instance=added)
    added.save_revision().publish()

    course_html = learner_client.get(course.url).content.decode()
    assert "You completed this course" in course_html
    assert "100% complete · 2 of 2 lessons · " in course_html and "1 new lesson" in course_html
    assert "67%" not in course_html and 'class="outline-new"' in course_html
    assert "Open the new lesson" in course_html

    lesson_html = learner_client.get(added.url).content.decode()
    assert "Lesson 3 of 3" in lesson_html and "1 new lesson" in lesson_html
    assert "This lesson was added after you completed the course" in lesson_html

    dashboard = learner_client.get(reverse("accounts:dashboard")).content.decode()
    assert "Completed on" in dashboard and "1 new lesson" in dashboard

    services.mark_lesson_done(learner, added)
    course_html = learner_client.get(course.url).content.decode()
    assert "100% complete · 3 of 3 lessons" in course_html and "new lesson" not in course_html
