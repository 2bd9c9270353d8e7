"""The controlled vocabularies of the case library.

The slugs are stored on pages, in facet rows and in URLs (``?theme=mentoring``), so they never change;
the labels are translated. Every list keeps the order in which the library shows it."""

from django.utils.translation import gettext_lazy as _

from website.countries import COUNTRY_CHOICES

SECTOR_CHOICES = [
    ("hospitality", _("Hospitality and catering")),
    ("food-and-agriculture", _("Food and agriculture")),
    ("manufacturing", _("Manufacturing")),
    ("construction", _("Construction")),
    ("logistics", _("Logistics")),
    ("retail", _("Retail")),
    ("health-and-care", _("Health and care")),
    ("it-and-digital", _("IT and digital")),
    ("finance-and-administration", _("Finance and administration")),
    ("education-and-research", _("Education and research")),
    ("social-profit", _("Social profit and NGOs")),
    ("public-sector", _("Public sector")),
    ("cross-sector", _("Several sectors")),
]

TARGET_GROUP_CHOICES = [
    ("refugees", _("Refugees")),
    ("asylum-seekers", _("Asylum seekers")),
    ("migrants", _("Migrants")),
    ("skilled-migrants", _("Skilled migrants")),
    ("young-people", _("Young people")),
    ("women", _("Women")),
    ("employers", _("Employers")),
]

THEME_CHOICES = [
    ("language", _("Language")),
    ("mentoring", _("Mentoring")),
    ("legal-and-permits", _("Legal and permits")),
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

# Facet name (also the query-string parameter) → (label, choices).
FACETS = {
    "country": (_("Country"), COUNTRY_CHOICES),
    "sector": (_("Sector"), SECTOR_CHOICES),
    "theme": (_("Theme"), THEME_CHOICES),
    "target": (_("Target group"), TARGET_GROUP_CHOICES),
}

COUNTRIES = dict(COUNTRY_CHOICES)
SECTORS = dict(SECTOR_CHOICES)
TARGET_GROUPS = dict(TARGET_GROUP_CHOICES)
THEMES = dict(THEME_CHOICES)

# PostgreSQL text-search configuration per content language; Arabic has its own Snowball stemmer.
SEARCH_CONFIGS = {"en": "english", "de": "german", "nl": "dutch", "ar": "arabic"}


def search_config(language):
    return SEARCH_CONFIGS.get(language, "simple")


def labels(choices, slugs):
    names = dict(choices)
    return [names[slug] for slug in slugs if slug in names]
