import pytest

from courses.tests.factories import make_catalogue, make_course, quiz_block, reflection_block, text_block


@pytest.fixture
def catalogue(site_content):
    return make_catalogue()


@pytest.fixture
def course(catalogue):
    """Module 1: a reading lesson, a quiz lesson. Module 2: a reflection lesson, a reading lesson."""
    return make_course(
        catalogue,
        bodies={
            (0, 1): [text_block("<p>Before the quiz.</p>"), quiz_block()],
            (1, 0): [text_block("<p>Think.</p>"), reflection_block(block_id="reflect-1")],
        },
    )


@pytest.fixture
def learner(make_user):
    return make_user(email="learner@example.org")


@pytest.fixture
def enrolled(course, learner):
    from courses.services import enrol

    enrolment, _created = enrol(learner, course)
    return enrolment


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
