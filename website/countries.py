"""The countries the platform knows: the COME IN partner countries and the countries of the
best-practice examples. Courses (legal hiring per country) and the case library filter by the same
codes, so a visitor moving from one to the other finds the same names. Codes are ISO 3166-1 alpha-2;
they are stored on pages and in URLs, so they never change. The integration-plan builder has a
shorter list of its own (``plans.vocabulary``): the countries whose legal steps it knows."""

from django.utils.translation import gettext_lazy as _

COUNTRY_CHOICES = [
    ("AT", _("Austria")),
    ("BE", _("Belgium")),
    ("BG", _("Bulgaria")),
    ("CH", _("Switzerland")),
    ("DE", _("Germany")),
    ("FI", _("Finland")),
    ("FR", _("France")),
    ("GB", _("United Kingdom")),
    ("GR", _("Greece")),
    ("IT", _("Italy")),
    ("NL", _("Netherlands")),
    ("NO", _("Norway")),
    ("US", _("United States")),
]
