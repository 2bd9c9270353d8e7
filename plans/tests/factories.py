import datetime

import factory

from accounts.models import Membership
from accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from plans.models import IntegrationPlan, MentoringMeeting, PlanRole, PlanTask


def member(organisation, role=Membership.Role.LEARNER, **user_fields):
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


class IntegrationPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntegrationPlan

    organisation = factory.SubFactory(OrganisationFactory)
    hire_name = "A. B."
    hire_role = "Warehouse operative"
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    hire_language = "ar"
    country = "DE"
    sector = "logistics"
    permit_type = "refugee"
    language = "en"
    hr_owner = factory.LazyAttribute(lambda plan: member(plan.organisation, Membership.Role.COMPANY_ADMIN))


class PlanTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTask

    plan = factory.SubFactory(IntegrationPlanFactory)
    phase_number = 1
    phase_title = "Welcome and integration"
    title = factory.Sequence(lambda n: f"Task {n}")
    role = "hr"
    owner = factory.LazyAttribute(lambda task: task.plan.hr_owner)
    due_on = factory.LazyAttribute(lambda task: task.plan.start_date)
    offset_days = 0


class PlanRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanRole

    plan = factory.SubFactory(IntegrationPlanFactory)
    role = "tutor"
    user = factory.LazyAttribute(lambda plan_role: member(plan_role.plan.organisation))


class MentoringMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringMeeting

    plan = factory.SubFactory(IntegrationPlanFactory)
    mentor = factory.LazyAttribute(lambda meeting: meeting.plan.hr_owner)
    starts_at = factory.LazyFunction(lambda: __import__("django.utils.timezone").utils.timezone.now())
