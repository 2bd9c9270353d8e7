import pytest


@pytest.fixture
def person(db, settings):
    from .factories import seed_person

    # Actors carry the name and address, so the erasure test proves they are gone from every statement.
    settings.XAPI_ACTOR_USES_EMAIL = True
    return seed_person()
