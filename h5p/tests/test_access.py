"""Who may fetch a package's files and write saved state: the same people who may open a lesson
that uses the package (enrolled learners), and editors, who preview lessons in the admin."""

import pytest
from django.test import Client
from django.urls import reverse

from h5p.models import H5PContentUserData
from h5p.tests.conftest import H5P_BLOCK_ID

pytestmark = pytest.mark.django_db


def content_url(package, path="h5p.json"):
    return reverse("h5p:content", kwargs={"uid": package.uid, "revision": package.revision, "path": path})


def user_data_url(package, lesson):
    return reverse(
        "h5p:content_user_data",
        kwargs={
            "uid": package.uid,
            "lesson_id": lesson.pk,
            "block_id": H5P_BLOCK_ID,
            "data_type": "state",
            "sub_content_id": "0",
        },
    )


def logged_in(user, password):
    client = Client()
    client.force_login(user)
    return client


def test_saved_state_cannot_be_written_for_a_lesson_the_user_may_not_open(
    lesson, package, make_user, password
):
    outsider = logged_in(make_user(email="not-enrolled@example.org"), password)
    assert outsider.get(lesson.url).status_code == 403

    response = outsider.post(user_data_url(package, lesson), {"data": '{"answer":"true"}'})
    assert response.status_code == 403
    assert outsider.get(user_data_url(package, lesson)).status_code == 403
    assert not H5PContentUserData.objects.exists()


def test_saved_state_is_written_for_an_enrolled_learner(lesson, package, learner, password):
    response = logged_in(learner, password).post(user_data_url(package, lesson), {"data": '{"a":1}'})
    assert response.status_code == 200
    assert H5PContentUserData.objects.count() == 1


def test_package_files_are_refused_to_visitors_and_to_people_outside_its_lessons(
    lesson, package, make_user, password
):
    assert Client().get(content_url(package)).status_code == 404
    outsider = logged_in(make_user(email="not-enrolled@example.org"), password)
    assert outsider.get(content_url(package)).status_code == 404


def test_package_files_are_served_to_enrolled_learners_and_editors(
    lesson, package, learner, editor, password
):
    assert logged_in(learner, password).get(content_url(package)).status_code == 200
    assert logged_in(editor, password).get(content_url(package)).status_code == 200


def test_a_package_no_lesson_uses_is_served_only_to_editors(package, make_user, editor, password):
    learner = make_user(email="someone@example.org")
    assert logged_in(learner, password).get(content_url(package)).status_code == 404
    assert logged_in(editor, password).get(content_url(package)).status_code == 200
