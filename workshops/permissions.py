"""Who may see what of a cohort or a company: the one place workshops checks it.

A cohort is visible to its trainers only; a company's people to that company's admins only.
Everything else answers 404, so nobody learns that a cohort or a person exists."""

from django.http import Http404

from accounts.selectors import companies_where_admin, training_providers_where_trainer

from .models import Cohort


def provider_organisations(user):
    """Training providers where ``user`` is a trainer: where they may create cohorts."""
    return training_providers_where_trainer(user)


def managed_companies(user):
    return companies_where_admin(user)


def cohorts_of_trainer(user):
    if not user.is_authenticated:
        return Cohort.objects.none()
    return Cohort.objects.filter(trainers=user)


def cohort_for_trainer(user, cohort_id):
    """The cohort ``user`` trains, or Http404."""
    cohort = cohorts_of_trainer(user).select_related("organisation").filter(pk=cohort_id).first()
    if cohort is None:
        raise Http404("No such cohort.")
    return cohort


def cohort_for_participant(user, cohort_id):
    if not user.is_authenticated:
        raise Http404("No such cohort.")
    cohort = Cohort.objects.filter(pk=cohort_id, participants__user=user).first()
    if cohort is None:
        raise Http404("No such cohort.")
    return cohort


def participant_of(cohort, user_id):
    """A participant of ``cohort`` by user id, or Http404 (an odd id is a 404 too)."""
    place = cohort.participants.select_related("user").filter(user_id=user_id).first()
    if place is None:
        raise Http404("No such participant.")
    return place.user


def company_for_admin(user, organisation_id=None):
    companies = managed_companies(user)
    if not companies:
        raise Http404("No company.")
    if organisation_id is None:
        return companies[0], companies
    chosen = next((company for company in companies if company.pk == organisation_id), None)
    if chosen is None:
        raise Http404("No company.")
    return chosen, companies
