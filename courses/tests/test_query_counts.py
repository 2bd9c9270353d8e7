"""A course page and a lesson page cost the same number of queries for 4 lessons as for 60."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.tests.factories import lessons_of, make_course, quiz_block, reflection_block, text_block

# About twenty queries are the site shell (routing, language switcher, navigation, footer); the
# course adds a fixed handful. A query per lesson would add sixty and break these ceilings.
COURSE_PAGE_MAX_QUERIES = 36
LESSON_PAGE_MAX_QUERIES = 40


def rich_body():
    return [text_block(), quiz_block(), reflection_block(block_id="reflect")]


@pytest.fixture
def small_and_big(catalogue, learner):
    small = make_course(
        catalogue, slug="small", modules=2, lessons_per_module=2, bodies={(0, 1): rich_body()}
    )
    big = make_course(catalogue, slug="big", modules=6, lessons_per_module=10, bodies={(0, 1): rich_body()})
    for course in (small, big):
        services.enrol(learner, course)
        services.mark_lesson_done(learner, lessons_of(course)[0])
    return small, big


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_course_page_queries_are_bounded_for_a_60_lesson_course(
    learner_client, small_and_big, django_assert_max_num_queries
):
    small, big = small_and_big
    learner_client.get(small.url)
    small_count = count_queries(learner_client, small.url)
    with django_assert_max_num_queries(COURSE_PAGE_MAX_QUERIES):
        learner_client.get(big.url)
    assert count_queries(learner_client, big.url) == small_count


def test_lesson_page_queries_are_bounded_for_a_60_lesson_course(
    learner_client, small_and_big, django_assert_max_num_queries
):
    small, big = small_and_big
    small_lesson, big_lesson = lessons_of(small)[1], lessons_of(big)[1]
    # The first visit records `launched`; measure the steady state of a learner reading.
    learner_client.get(small_lesson.url)
    learner_client.get(big_lesson.url)
    small_count = count_queries(learner_client, small_lesson.url)
    with django_assert_max_num_queries(LESSON_PAGE_MAX_QUERIES):
        learner_client.get(big_lesson.url)
    assert count_queries(learner_client, big_lesson.url) == small_count


def test_first_visit_to_a_lesson_costs_a_bounded_number_of_queries_too(
    learner_client, small_and_big, django_assert_max_num_queries
):
    _small, big = small_and_big
    with django_assert_max_num_queries(LESSON_PAGE_MAX_QUERIES + 20):
        learner_client.get(lessons_of(big)[30].url)
