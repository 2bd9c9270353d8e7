"""Prepared queries (website.queries): the same rows as the ORM, compiled once, loud when misused."""

import datetime
import uuid
from unittest import mock

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.backends import AccountBackend
from courses.models import Enrolment, LessonPage, LessonProgress
from courses.selectors import _with_progress_summary
from courses.tests.factories import lessons_of, make_catalogue, make_course
from website.queries import PreparedQuery

pytestmark = pytest.mark.django_db

OTHER_KEY = uuid.UUID("0f0e0d0c-0b0a-4908-8706-050403020100")


def lesson_by_id():
    return PreparedQuery(
        LessonPage,
        lambda page_id: LessonPage.objects.filter(pk=page_id, live=True),
        page_id=LessonPage._meta.pk,
    )


def enrolment_summary():
    return PreparedQuery(
        Enrolment,
        lambda user_id, current_key: _with_progress_summary(
            Enrolment.objects.filter(user_id=user_id), current_key
        ),
        user_id=Enrolment._meta.get_field("user"),
        current_key=LessonProgress._meta.get_field("lesson_key"),
    )


def test_a_page_of_a_subclass_comes_back_as_the_orm_loads_it(site_content):
    course = make_course(make_catalogue(), modules=1, lessons_per_module=2)
    first, second = lessons_of(course)
    query = lesson_by_id()
    for lesson in (first, second):
        found = query.first(page_id=lesson.pk)
        expected = LessonPage.objects.get(pk=lesson.pk)
        assert type(found) is LessonPage
        assert found.pk == expected.pk and found.title == expected.title
        assert found.url_path == expected.url_path and found.translation_key == expected.translation_key
        assert found.first_published_at == expected.first_published_at
        assert timezone.is_aware(found.first_published_at)
        assert list(found.body.raw_data) == list(expected.body.raw_data)
        assert found._state.adding is False and found._state.db == "default"


def test_no_row_gives_none(site_content):
    assert lesson_by_id().first(page_id=987_654_321) is None


def test_the_query_is_compiled_once_and_run_with_each_new_value(site_content):
    course = make_course(make_catalogue(), modules=1, lessons_per_module=2)
    first, second = lessons_of(course)
    query = lesson_by_id()
    with mock.patch.object(query, "_compile", wraps=query._compile) as compile_:
        assert query.first(page_id=first.pk).pk == first.pk
        with CaptureQueriesContext(connection) as context:
            assert query.first(page_id=second.pk).pk == second.pk
    assert compile_.call_count == 1
    assert len(context) == 1


def test_constants_of_the_query_stay_constants(site_content):
    course = make_course(make_catalogue(), modules=1, lessons_per_module=1)
    (lesson,) = lessons_of(course)
    lesson.unpublish()
    # live=True is part of the query, not a placeholder: an unpublished page is not found.
    assert lesson_by_id().first(page_id=lesson.pk) is None


def test_annotations_are_converted_as_the_orm_converts_them(make_user, site_content):
    user = make_user()
    course = make_course(make_catalogue(), modules=1, lessons_per_module=3)
    lessons = lessons_of(course)
    enrolment = Enrolment.objects.create(user=user, course_key=course.translation_key)
    opened = timezone.now() - datetime.timedelta(minutes=5)
    for index, lesson in enumerate(lessons[:2]):
        LessonProgress.objects.create(
            enrolment=enrolment,
            lesson_key=lesson.translation_key,
            module_key=uuid.uuid4(),
            last_launched_at=opened,
            completed_at=opened if index == 0 else None,
        )
    query = enrolment_summary()
    found = query.first(user_id=user.pk, current_key=lessons[1].translation_key)
    expected = _with_progress_summary(Enrolment.objects.filter(user=user), lessons[1].translation_key).get()
    assert found.pk == enrolment.pk and found.course_key == course.translation_key
    assert found.current_launched_at == expected.current_launched_at == opened
    assert timezone.is_aware(found.current_launched_at)
    assert bool(found.current_has_row) is bool(expected.current_has_row) is True
    assert uuid.UUID(found.done_lessons) == lessons[0].translation_key
    missing = query.first(user_id=user.pk, current_key=lessons[2].translation_key)
    assert missing.current_launched_at is None and not missing.current_has_row


def test_a_placeholder_the_query_transforms_is_refused():
    query = PreparedQuery(
        LessonPage,
        lambda title: LessonPage.objects.filter(title__startswith=title),
        title=LessonPage._meta.get_field("title"),
    )
    with pytest.raises(ImproperlyConfigured, match="not compared for equality"):
        query.first(title="Lesson")


def test_a_query_of_another_model_is_refused():
    query = PreparedQuery(LessonPage, lambda pk: Enrolment.objects.filter(pk=pk), pk=Enrolment._meta.pk)
    with pytest.raises(ImproperlyConfigured, match="not LessonPage"):
        query.first(pk=1)


def test_missing_or_unknown_values_are_refused():
    with pytest.raises(TypeError):
        lesson_by_id().first(pk=1)


def test_the_backend_loads_the_user_of_a_session(make_user):
    user = make_user()
    backend = AccountBackend()
    assert backend.get_user(user.pk) == user
    assert backend.get_user(str(user.pk)) == user  # sessions keep the id as text
    assert backend.get_user("not-a-number") is None
    assert backend.get_user(987_654_321) is None
    user.is_active = False
    user.save()
    assert backend.get_user(user.pk) is None


def test_a_logged_in_request_reads_the_user_through_the_backend(client, make_user):
    user = make_user()
    client.force_login(user)
    assert client.session[SESSION_KEY] == str(user.pk)
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 200
    assert response.wsgi_request.user == user
    assert response.wsgi_request.session[BACKEND_SESSION_KEY] == "accounts.backends.AccountBackend"
    assert isinstance(response.wsgi_request.user, get_user_model())
