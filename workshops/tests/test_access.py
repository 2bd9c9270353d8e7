"""Who sees which dashboard: trainers their own cohorts, company admins their own company; every
other person gets a 404 (and anonymous visitors the login page)."""

import pytest
from django.urls import reverse

from accounts.models import Membership
from accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .factories import join_people, make_cohort, make_trainer

pytestmark = pytest.mark.django_db

TRAINER_URLS = [
    ("workshops:dashboard", []),
    ("workshops:grid", []),
    ("workshops:qr", []),
    ("workshops:participant_list", []),
    ("workshops:export", []),
    ("workshops:facilitate", []),
]
TRAINER_POSTS = [
    ("workshops:new_code", []),
    ("workshops:invite", []),
    ("workshops:issue_certificates", []),
]


@pytest.fixture
def other_trainer(db, password):
    trainer, _provider = make_trainer()
    return trainer


@pytest.mark.parametrize(("name", "extra"), TRAINER_URLS)
def test_another_trainer_gets_a_404_for_every_cohort_screen(
    client, cohort, other_trainer, password, name, extra
):
    client.force_login(other_trainer)
    assert client.get(reverse(name, args=[cohort.pk, *extra])).status_code == 404


@pytest.mark.parametrize(("name", "extra"), TRAINER_POSTS)
def test_another_trainer_cannot_act_on_the_cohort(client, cohort, other_trainer, password, name, extra):
    client.force_login(other_trainer)
    assert client.post(reverse(name, args=[cohort.pk, *extra]), {"emails": "a@b.org"}).status_code == 404


def test_a_participant_cannot_open_the_trainers_dashboard_or_a_classmate(client, cohort, password):
    first, second = join_people(cohort, 2)
    client.force_login(first)
    assert client.get(reverse("workshops:dashboard", args=[cohort.pk])).status_code == 404
    assert client.get(reverse("workshops:learner", args=[cohort.pk, second.pk])).status_code == 404
    assert client.get(reverse("workshops:mine", args=[cohort.pk])).status_code == 200


def test_the_trainer_sees_participants_but_not_other_people(client, cohort, password):
    (person,) = join_people(cohort, 1)
    stranger = UserFactory()
    trainer = cohort.trainers.get()
    client.force_login(trainer)
    assert client.get(reverse("workshops:dashboard", args=[cohort.pk])).status_code == 200
    assert client.get(reverse("workshops:learner", args=[cohort.pk, person.pk])).status_code == 200
    assert client.get(reverse("workshops:learner", args=[cohort.pk, stranger.pk])).status_code == 404
    assert client.get(reverse("workshops:attendance", args=[cohort.pk, 999999])).status_code == 405
    assert client.post(reverse("workshops:attendance", args=[cohort.pk, 999999])).status_code == 404


def test_a_cohort_list_is_only_for_trainers(client, password):
    learner = UserFactory()
    client.force_login(learner)
    assert client.get(reverse("workshops:cohorts")).status_code == 404
    assert client.get(reverse("workshops:create")).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, cohort):
    response = client.get(reverse("workshops:dashboard", args=[cohort.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_participant_of_another_cohort_cannot_open_its_page(
    client, cohort, trainer_setup, course, password
):
    trainer, provider = trainer_setup
    other = make_cohort(trainer, provider, [course], title="Other")
    (person,) = join_people(other, 1)
    client.force_login(person)
    assert client.get(reverse("workshops:mine", args=[cohort.pk])).status_code == 404


def test_a_company_admin_sees_only_their_own_company(client, password):
    mine, theirs = OrganisationFactory(), OrganisationFactory()
    admin = UserFactory()
    MembershipFactory(user=admin, organisation=mine, role=Membership.Role.COMPANY_ADMIN)
    employee = UserFactory(first_name="Own", last_name="Employee")
    MembershipFactory(user=employee, organisation=mine)
    outsider = UserFactory(first_name="Foreign", last_name="Person")
    MembershipFactory(user=outsider, organisation=theirs)
    client.force_login(admin)
    response = client.get(reverse("workshops:company"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Own Employee" in body and "Foreign Person" not in body
    assert client.get(reverse("workshops:company_of", args=[theirs.pk])).status_code == 404


def test_people_who_are_not_company_admins_get_a_404_for_the_company_dashboard(client, password):
    company = OrganisationFactory()
    learner = UserFactory()
    MembershipFactory(user=learner, organisation=company)
    trainer, _provider = make_trainer()
    for person in (learner, trainer):
        client.force_login(person)
        assert client.get(reverse("workshops:company")).status_code == 404
        assert client.get(reverse("workshops:company_of", args=[company.pk])).status_code == 404


def test_the_statistics_page_needs_the_admin(client, password):
    learner = UserFactory()
    client.force_login(learner)
    response = client.get(reverse("workshops_statistics"))
    assert response.status_code in (302, 403)
