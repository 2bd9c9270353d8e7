import pytest

from scenarios.tests.factories import make_scenario


@pytest.fixture
def scenario_page(site_content):
    return make_scenario()


@pytest.fixture
def learner(make_user):
    return make_user(email="learner@example.org")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
