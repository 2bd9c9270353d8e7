"""The outline and the lesson body: rendered fast, cached only where nothing belongs to a learner."""

import json

from django.urls import reverse

from courses.rendering import outline_html
from courses.selectors import course_outline, enrolment_for
from courses.services import enrol, mark_lesson_done
from courses.tests.factories import lessons_of, make_course, reflection_block, text_block


def test_a_published_change_to_a_lesson_shows_at_once(learner_client, course, enrolled):
    lesson = lessons_of(course)[0].specific
    assert "Lesson 1.1" in learner_client.get(lesson.url).content.decode()
    lesson.body = json.dumps([text_block("<p>Updated guidance on work permits.</p>")])
    lesson.save_revision().publish()
    html = learner_client.get(lesson.url).content.decode()
    assert "Updated guidance on work permits." in html


def test_a_saved_draft_does_not_change_what_learners_read(learner_client, course, enrolled):
    lesson = lessons_of(course)[0].specific
    learner_client.get(lesson.url)
    lesson.body = json.dumps([text_block("<p>Draft nobody should see yet.</p>")])
    lesson.save_revision()
    html = learner_client.get(lesson.url).content.decode()
    assert "Draft nobody should see yet." not in html and "Lesson 1.1" in html


def test_one_learners_reflection_never_reaches_another_learner(client, catalogue, make_user):
    course = make_course(
        catalogue, slug="reflect", bodies={(0, 0): [text_block(), reflection_block(block_id="r1")]}
    )
    lesson = lessons_of(course)[0]
    first, second = make_user(email="first@example.org"), make_user(email="second@example.org")
    for user in (first, second):
        enrol(user, course)
    client.force_login(first)
    client.post(
        reverse("courses:save_reflection", args=[lesson.pk, "r1"]), {"text": "My private plan for Amal"}
    )
    assert "My private plan for Amal" in client.get(lesson.url).content.decode()
    client.force_login(second)
    html = client.get(lesson.url).content.decode()
    assert "My private plan for Amal" not in html
    assert 'id="reflection-text-r1"' in html  # the prompt itself is there, empty


def test_the_outline_escapes_titles_and_marks_progress(rf, catalogue, learner):
    course = make_course(catalogue, slug="escaped")
    first = lessons_of(course)[0].specific
    first.title = "Contracts <script>alert(1)</script> & permits"
    first.save_revision().publish()
    enrol(learner, course)
    mark_lesson_done(learner, first)
    request = rf.get("/")
    request.user = learner
    outline = course_outline(request, course, enrolment_for(learner, course))
    current = outline["lessons"][1]
    html = outline_html(outline, current, link_lessons=True)
    assert "<script>" not in html
    assert "Contracts &lt;script&gt;alert(1)&lt;/script&gt; &amp; permits" in html
    assert html.count('class="outline-lesson is-done"') == 1
    assert 'class="outline-lesson is-current"' in html and 'aria-current="page"' in html
    assert "(completed)" in html and "(not completed)" in html
    assert 'href="' + outline["lessons"][1]["url"] + '"' in html
    unlinked = outline_html(outline, None, link_lessons=False)
    assert "<a " not in unlinked and "aria-current" not in unlinked


def test_the_course_page_lists_lessons_only_another_language_has(learner_client, course, enrolled, learner):
    from courses.models import LessonPage
    from courses.tests.factories import translate_course

    german = translate_course(course, "de")
    module = lessons_of(german)[-1].get_parent()
    extra = LessonPage(title="Nur auf Deutsch", slug="nur-auf-deutsch", body=json.dumps([text_block()]))
    module.add_child(instance=extra)
    extra.save_revision().publish()
    for lesson in lessons_of(course):
        if lesson.specific.is_reading_only:
            mark_lesson_done(learner, lesson)
    html = learner_client.get(course.url).content.decode()
    assert "Not yet in this language" in html
    assert 'lang="de" hreflang="de">Nur auf Deutsch</a> (Deutsch)' in html
    assert "3 of 5 lessons" in html  # the German-only lesson counts; the quiz is not passed yet
    response = learner_client.get(reverse("courses:resume", args=[course.pk]))
    assert response["Location"] == lessons_of(course)[1].url  # the quiz comes first
    html = learner_client.get(german.url).content.decode()
    assert "Nur auf Deutsch" in html and "Noch nicht in dieser Sprache" not in html


def _quiz_course(catalogue):
    from courses.tests.factories import quiz_block

    return make_course(catalogue, slug="quizzed", bodies={(0, 0): [text_block(), quiz_block(max_attempts=3)]})


def test_quiz_questions_are_rendered_once_and_each_learner_keeps_their_state(client, catalogue, make_user):
    from unittest import mock

    from courses.tests.factories import WRONG_ANSWERS
    from website import treecache

    course = _quiz_course(catalogue)
    lesson = lessons_of(course)[0]
    first, second = make_user(email="first@example.org"), make_user(email="second@example.org")
    for user in (first, second):
        enrol(user, course)
    client.force_login(first)
    fresh = client.get(lesson.url).content.decode()
    assert "Who checks the work permit before the first day?" in fresh and "Attempts: 0 of 3." in fresh
    client.post(reverse("courses:submit_quiz", args=[lesson.pk, "quiz-1"]), dict(WRONG_ANSWERS, attempt="1"))
    with mock.patch.object(treecache.PROCESS, "memory", wraps=treecache.PROCESS.memory) as memory:
        after = client.get(lesson.url).content.decode()
        client.force_login(second)
        other = client.get(lesson.url).content.decode()
    # The first learner sees their failed attempt and the form again; the second a fresh quiz.
    assert "Attempts: 1 of 3." in after and "not passed yet" in after and 'name="attempt" value="2"' in after
    assert "Attempts: 0 of 3." in other and "not passed yet" not in other
    assert 'name="attempt" value="1"' in other
    # Both forms show the same questions, taken from memory: no render, no new entry.
    assert "Who checks the work permit before the first day?" in other
    assert not [call for call in memory.set.call_args_list if ":quiz-fieldsets:" in call.args[2]]
    # No learner's answers are in the shared questions: nothing is pre-selected.
    assert "checked" not in other and "selected" not in other.replace('<option value="">', "")


def test_a_published_change_to_a_quiz_question_shows_at_once(learner_client, catalogue, learner):
    from courses.tests.factories import quiz_block

    course = _quiz_course(catalogue)
    enrol(learner, course)
    lesson = lessons_of(course)[0].specific
    learner_client.get(lesson.url)
    body = quiz_block(max_attempts=3)
    body["value"]["questions"][0]["value"]["question"] = "Who signs the employment contract?"
    lesson.body = json.dumps([text_block(), body])
    lesson.save_revision().publish()
    html = learner_client.get(lesson.url).content.decode()
    assert "Who signs the employment contract?" in html
    assert "Who checks the work permit before the first day?" not in html
