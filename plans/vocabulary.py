"""Fixed vocabularies shared by templates, plans and the case library."""

from django.utils.translation import gettext_lazy as _

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

# The same vocabulary as the case library (cases.selectors.cases_for_themes).
THEMES = [
    ("language", _("Language")),
    ("mentoring", _("Mentoring")),
    ("legal-and-permits", _("Legal matters and permits")),
    ("recruitment", _("Recruitment")),
    ("onboarding", _("Onboarding")),
    ("housing-and-family", _("Housing and family")),
    ("training-and-vocational-education", _("Training and vocational education")),
    ("internships", _("Internships")),
    ("intercultural-competence", _("Intercultural competence")),
    ("networking", _("Networking")),
    ("guidance-and-counselling", _("Guidance and counselling")),
    ("digital-skills", _("Digital skills")),
    ("entrepreneurship", _("Entrepreneurship")),
    ("diversity-management", _("Diversity management")),
    ("guides-and-handbooks", _("Guides and handbooks")),
    ("community", _("Community")),
]

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
