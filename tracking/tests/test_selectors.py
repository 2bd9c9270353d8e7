import pytest

from tracking import selectors, services

pytestmark = pytest.mark.django_db

LESSON = "http://testserver/xapi/activities/lesson/l1"
COURSE = "http://testserver/xapi/activities/course/c1"


def test_has_statement_finds_the_users_verb_on_an_activity(make_user):
    user, other = make_user(), make_user()
    services.record(user=user, verb="completed", activity_id=LESSON)
    assert selectors.has_statement(user, "completed", LESSON)
    assert not selectors.has_statement(user, "passed", LESSON)
    assert not selectors.has_statement(other, "completed", LESSON)


def test_latest_result_returns_the_newest_result(make_user):
    user = make_user()
    services.record(user=user, verb="failed", activity_id=LESSON, result={"score": {"scaled": 0.3}})
    services.record(user=user, verb="passed", activity_id=LESSON, result={"score": {"scaled": 0.9}})
    assert selectors.latest_result(user, LESSON) == {"score": {"scaled": 0.9}}


def test_statements_for_filters_by_verb_newest_first(make_user):
    user = make_user()
    services.record(user=user, verb="launched", activity_id=LESSON)
    services.record(user=user, verb="completed", activity_id=LESSON)
    services.record(user=user, verb="launched", activity_id=COURSE)
    found = selectors.statements_for(user, verb="launched")
    assert [item["object"]["id"] for item in found] == [COURSE, LESSON]


def test_recent_activity_within_a_course_uses_context_activities(make_user):
    user = make_user()
    services.record(user=user, verb="completed", activity_id=LESSON, parent=[COURSE])
    services.record(user=user, verb="completed", activity_id="http://testserver/xapi/activities/lesson/x")
    rows = selectors.recent_activity([user], within_activity=COURSE)
    assert [row["object_id"] for row in rows] == [LESSON]


def test_verb_counts_per_user(make_user):
    first, second = make_user(), make_user()
    for _ in range(2):
        services.record(user=first, verb="completed", activity_id=LESSON)
    services.record(user=second, verb="completed", activity_id=LESSON)
    assert selectors.verb_counts([first, second], "completed") == {first.pk: 2, second.pk: 1}
