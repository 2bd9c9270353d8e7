"""Interoperability: the Rustici `tincan` Python client (an xAPI 1.0.3 client) against the real LRS."""

import pytest
from tincan import Activity, Agent, RemoteLRS, Statement, Verb

from .factories import LRSKeyFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def remote(live_server):
    key = LRSKeyFactory()
    return RemoteLRS(
        endpoint=f"{live_server.url}/xapi/", version="1.0.3", username=key.key, password=key.secret
    )


def test_tincan_client_reads_about(remote):
    response = remote.about()
    assert response.success
    assert "1.0.3" in response.content.version


def test_tincan_client_saves_and_queries_statements(remote):
    statement = Statement(
        actor=Agent(name="Learner", mbox="mailto:learner@example.org"),
        verb=Verb(id="http://adlnet.gov/expapi/verbs/completed"),
        object=Activity(id="http://example.org/activities/onboarding"),
    )
    saved = remote.save_statement(statement)
    assert saved.success, saved.data
    fetched = remote.retrieve_statement(saved.content.id)
    assert fetched.success
    assert fetched.content.verb.id == "http://adlnet.gov/expapi/verbs/completed"
    result = remote.query_statements({"verb": Verb(id="http://adlnet.gov/expapi/verbs/completed")})
    assert result.success
    assert [str(item.id) for item in result.content.statements] == [str(saved.content.id)]


def test_tincan_client_round_trips_state(remote):
    from tincan import StateDocument

    document = StateDocument(
        id="bookmark",
        activity=Activity(id="http://example.org/activities/onboarding"),
        agent=Agent(mbox="mailto:learner@example.org"),
        content_type="text/plain",
        content="page=4",
    )
    assert remote.save_state(document).success
    fetched = remote.retrieve_state(activity=document.activity, agent=document.agent, state_id="bookmark")
    assert fetched.success
    assert fetched.content.content == b"page=4" or fetched.content.content == "page=4"
