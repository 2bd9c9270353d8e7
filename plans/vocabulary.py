"""Fixed vocabularies shared by templates, plans and the case library."""

from django.utils.translation import gettext_lazy as _

from cases.taxonomy import THEME_CHOICES

ROLES = [
    ("hr", _("HR")),
    ("manager", _("Direct manager")),
    ("tutor", _("Tutor or buddy")),
    ("trainer", _("Trainer")),
    ("adviser", _("Employment or integration adviser")),
    ("hire", _("New hire")),
]
ROLE_LABELS = dict(ROLES)
# Roles a company member can be given in a plan; the adviser is usually outside the company.
MEMBER_ROLES = ["hr", "manager", "tutor", "trainer"]

# The case library's themes, so that a task's themes find related cases (cases.selectors.cases_for_themes).
THEMES = THEME_CHOICES

SECTORS = [
    ("it", _("IT")),
    ("logistics", _("Logistics")),
    ("health-care", _("Health care")),
    ("administration-finance", _("Administration and finance")),
    ("research-education", _("Research and education")),
    ("construction-industry", _("Construction and industry")),
    ("social-profit", _("Social profit")),
    ("hospitality", _("Hospitality")),
]

COUNTRIES = [
    ("DE", _("Germany")),
    ("AT", _("Austria")),
    ("BE", _("Belgium")),
    ("IT", _("Italy")),
    ("GR", _("Greece")),
    ("BG", _("Bulgaria")),
    ("EU", _("Another EU country")),
]

COUNTRY_TOPICS = [
    ("residence", _("Residence status and access to the labour market")),
    ("permit", _("Work permit and its expiry date")),
    ("recognition", _("Recognition of qualifications")),
    ("social-security", _("Registration with social security")),
    ("support", _("Subsidies and support organisations")),
]

PERMIT_TYPES = [
    ("eu", _("EU/EEA citizen: no permit needed")),
    ("refugee", _("Recognised refugee")),
    ("subsidiary", _("Subsidiary protection")),
    ("temporary", _("Temporary protection (e.g. from Ukraine)")),
    ("asylum-seeker", _("Asylum seeker, procedure pending")),
    ("tolerated", _("Tolerated stay / suspended deportation")),
    ("work-permit", _("Residence permit for work")),
    ("other", _("Other")),
]
