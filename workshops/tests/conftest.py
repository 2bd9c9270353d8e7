import pytest


@pytest.fixture
def course(site_content):
    from courses.tests.factories import make_catalogue, make_course, quiz_block, text_block

    return make_course(
        make_catalogue(),
        title="Hiring refugees",
        slug="hiring",
        modules=1,
        lessons_per_module=3,
        bodies={(0, 1): [text_block(), quiz_block(max_attempts=1, pass_mark=100)]},
    )


@pytest.fixture
def trainer_setup(db):
    from .factories import make_trainer

    return make_trainer(email="trainer@example.org")


@pytest.fixture
def cohort(trainer_setup, course):
    from .factories import make_cohort

    trainer, provider = trainer_setup
    return make_cohort(trainer, provider, [course])
