"""Builders for cohorts: a training provider with a trainer, a course, and participants."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from accounts.models import Membership, Organisation
from accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from workshops import services
from workshops.models import EvaluationTemplate


class ProviderFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Training provider {n}")
    slug = factory.Sequence(lambda n: f"provider-{n}")
    kind = Organisation.Kind.TRAINING_PROVIDER


def make_trainer(provider=None, **fields):
    provider = provider or ProviderFactory()
    trainer = UserFactory(**fields)
    MembershipFactory(user=trainer, organisation=provider, role=Membership.Role.TRAINER)
    return trainer, provider


def make_cohort(trainer, provider, courses, *, capacity=20, days=2, **fields):
    return services.create_cohort(
        trainer,
        organisation=provider,
        title=fields.pop("title", "Hiring refugees — Berlin workshop"),
        course_keys=[course.translation_key for course in courses],
        days=[date.today() + timedelta(days=n) for n in range(days)],
        capacity=capacity,
        place=fields.pop("place", "Berlin, Chamber of Commerce"),
        **fields,
    )


def join_people(cohort, count):
    people = []
    for _n in range(count):
        person = UserFactory()
        services.join(person, cohort)
        people.append(person)
    return people


def self_assessment_template():
    items = []
    for competence in ("awareness", "knowledge", "skills"):
        items.append(
            {
                "type": "self_assessment",
                "id": f"sa-{competence}",
                "value": {"competence": competence, "statement": f"I rate my {competence}."},
            }
        )
    import json

    return EvaluationTemplate.objects.create(
        title="Competences", kind=EvaluationTemplate.Kind.SELF_ASSESSMENT, items=json.dumps(items)
    )


def satisfaction_template():
    import json

    return EvaluationTemplate.objects.create(
        title="Feedback",
        kind=EvaluationTemplate.Kind.SATISFACTION,
        items=json.dumps(
            [
                {"type": "rating", "id": "r1", "value": {"question": "How useful was the workshop?"}},
                {"type": "open", "id": "o1", "value": {"question": "What should we change?"}},
            ]
        ),
    )


def expire(cohort):
    cohort.join_codes.update(expires_at=timezone.now() - timedelta(minutes=1))
