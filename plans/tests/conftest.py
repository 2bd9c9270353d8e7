import pytest

from accounts.models import Membership
from accounts.tests.factories import OrganisationFactory

from .factories import member


@pytest.fixture
def plan_content(db):
    """The platform's templates and legal checklists, as demo.load() writes them."""
    from plans import demo

    demo.load_templates()
    return True


@pytest.fixture
def company(db):
    return OrganisationFactory(name="Demo Logistics GmbH", slug="demo-logistics", country="DE")


@pytest.fixture
def company_admin(company):
    return member(company, Membership.Role.COMPANY_ADMIN, first_name="Hanna", last_name="Richter")


@pytest.fixture
def colleague(company):
    return member(company, first_name="Tobias", last_name="Wagner")


@pytest.fixture
def stranger(db):
    """A company admin of another company."""
    return member(OrganisationFactory(name="Other GmbH", slug="other"), Membership.Role.COMPANY_ADMIN)


@pytest.fixture
def built_plan(plan_content, company, company_admin, colleague):
    """A plan for a hire in Germany in logistics, built by the service the wizard uses."""
    import datetime

    from django.utils import timezone

    from plans import selectors, services

    templates = selectors.templates_in("en")
    keys = [str(t.translation_key) for t in templates if t.slug in {"default", "logistics"}]
    start = timezone.localdate() + datetime.timedelta(days=21)
    return services.create_plan(
        organisation=company,
        author=company_admin,
        hire={
            "hire_name": "S. H.",
            "hire_role": "Warehouse operative",
            "start_date": start,
            "hire_language": "ar",
            "country": "DE",
            "sector": "logistics",
            "permit_type": "refugee",
            "permit_expires_on": start + datetime.timedelta(days=200),
        },
        template_keys=keys,
        owners={"hr": company_admin, "tutor": colleague},
        language="en",
    )
