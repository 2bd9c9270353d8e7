"""A course page and a lesson page cost the same number of queries for 4 lessons as for 60."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.tests.factories import lessons_of, make_course, quiz_block, reflection_block, text_block

# A return visit costs the session, the user and the page (its route, parents, the site shell and the
# course outline come from the cache), the enrolment with its progress rows (one query on a lesson
# page, two on the course page), plus quiz attempts and reflection answers on a lesson that holds
# them, and memberships on the course page. A query per lesson would add sixty and break these.
COURSE_PAGE_MAX_QUERIES = 8
LESSON_PAGE_MAX_QUERIES = 7
# The first visit after a publish also routes through the tree and fills the caches; a learner's
# first visit to a lesson also writes its progress row and the `launched` statement.
COLD_PAGE_MAX_QUERIES = 25


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
    with django_assert_max_num_queries(COLD_PAGE_MAX_QUERIES):
        learner_client.get(big.url)
    assert count_queries(learner_client, big.url) == small_count <= COURSE_PAGE_MAX_QUERIES


def test_lesson_page_queries_are_bounded_for_a_60_lesson_course(
    learner_client, small_and_big, django_assert_max_num_queries
):
    small, big = small_and_big
    small_lesson, big_lesson = lessons_of(small)[1], lessons_of(big)[1]
    # The first visit records `launched`; measure the steady state of a learner reading.
    learner_client.get(small_lesson.url)
    learner_client.get(big_lesson.url)
    small_count = count_queries(learner_client, small_lesson.url)
    assert count_queries(learner_client, big_lesson.url) == small_count <= LESSON_PAGE_MAX_QUERIES


def test_first_visit_to_a_lesson_costs_a_bounded_number_of_queries_too(
    learner_client, small_and_big, django_assert_max_num_queries, make_user
):
    _small, big = small_and_big
    with django_assert_max_num_queries(COLD_PAGE_MAX_QUERIES * 2):
        learner_client.get(lessons_of(big)[30].url)  # empty caches (site shell, route) and a first visit
    learner_client.get(lessons_of(big)[31].url)  # warm the route of the next lesson for everyone
    other = make_user(email="second-learner@example.org")
    services.enrol(other, big)
    learner_client.force_login(other)
    with django_assert_max_num_queries(COLD_PAGE_MAX_QUERIES):
        learner_client.get(lessons_of(big)[31].url)  # a first visit on a warm route
