"""The library's content as people filter it: all 37 cases, each in the right country.

The expected countries come from reading each case in the sources (the COME IN report, Annex 1 from
its partner countries and Annex 2 from other countries, and the Bergen Opportunity description),
not from the fixture itself; organisations are matched by a distinctive part of their name (or the
case title) because the fixture may spell them out in full."""

import re
from collections import Counter

import pytest
from django.test import Client

from cases import demo, services
from cases.models import CasePage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not services.FIXTURE_PATH.exists(), reason="cases/fixtures/cases.json is merged in later"
    ),
]

# (pattern matched against "organisation | English title", expected country) — one per case.
EXPECTED = [
    # Annex 1, Bulgaria
    (r"aladin", "BG"),
    (r"pirin", "BG"),
    (r"convoy", "BG"),
    (r"human in the loop|\bhitl\b|\bhilt\b", "BG"),
    # Austria
    (r"inklusionsassistenz|ministry of social affairs|sozialministerium", "AT"),
    (r"mtop|more than one perspective", "AT"),
    (r"refugeeswork", "AT"),
    # Germany
    (r"unternehmen integrieren fl", "DE"),
    (r"iq netzwerk|iq network", "DE"),
    (r"landkreis kassel|district of kassel", "DE"),
    (r"charta der vielfalt", "DE"),
    (r"bundesagentur|federal employment agency", "DE"),
    (r"friedhelm loh", "DE"),
    (r"\bagil\b|^(?!.*landkreis)(?!.*district).*region kassel", "DE"),
    (r"arbeit und leben", "DE"),
    # Belgium
    (r"voka|adecco", "BE"),
    (r"actiris|trac[eé] brussel", "BE"),
    (r"duo for a job", "BE"),
    (r"konvert", "BE"),
    (r"starterslabo", "BE"),
    (r"^vdab(?!.*(actiris|trac[eé]|starterslabo))", "BE"),
    # Italy
    (r"fa\.?\s?re\b|centro servizi pmi", "IT"),
    (r"kazi|fo\.?ri\.?um", "IT"),
    (r"unar|national office against racial discrimination", "IT"),
    (r"cesie", "IT"),
    # Greece
    (r"equal community initiative|^equal\b", "GR"),
    (r"hellenic red cross", "GR"),
    (r"global shapers", "GR"),
    (r"future library", "GR"),
    # Annex 2
    (r"ikea", "CH"),
    (r"\bgaw\b|gesellschaft f(ü|ue)r arbeit und wohnen", "CH"),
    (r"hbl|hufvudstadsbladet", "FI"),
    (r"immigrant and refugee community organi[sz]ation|\birco\b", "US"),
    (r"british refugee council|refugee council", "GB"),
    (r"face|entreprises dans la cit", "FR"),
    (r"telenor", "NO"),
    # Bergen Opportunity (001_f1bfb9f75fbfd525.txt)
    (r"bergen", "NO"),
]


@pytest.fixture(scope="module")
def entries():
    return services.read_fixture()


@pytest.fixture
def loaded(entries):
    from website import demo as website_demo

    website_demo.load()
    demo.load()
    return {entry["slug"]: entry for entry in entries}


def _case_for(pattern, entries):
    matches = [
        entry
        for entry in entries
        if re.search(pattern, f"{entry['organisation']} | {entry['text']['en']['title']}", re.IGNORECASE)
    ]
    return matches


def test_the_fixture_has_every_case_of_the_sources_once(entries):
    assert len(entries) == 37
    assert sorted(entry["number"] for entry in entries) == list(range(1, 38))
    assert len({entry["slug"] for entry in entries}) == 37
    found = {}
    for pattern, _country in EXPECTED:
        matches = _case_for(pattern, entries)
        assert len(matches) == 1, f"{pattern!r} matches {[m['slug'] for m in matches]}"
        found[pattern] = matches[0]["slug"]
    assert len(set(found.values())) == 37, "two expected cases matched the same entry"


def test_each_case_has_the_country_of_the_source(entries):
    wrong = []
    for pattern, country in EXPECTED:
        (entry,) = _case_for(pattern, entries)
        if entry["country"] != country:
            wrong.append(f"{entry['slug']}: {entry['country']} instead of {country}")
    assert wrong == []
    assert Counter(country for _pattern, country in EXPECTED) == Counter(
        entry["country"] for entry in entries
    )


def test_at_least_ten_cases_have_german_text(entries):
    assert sum(1 for entry in entries if "de" in entry["text"]) >= 10


def test_thirty_seven_live_cases_and_filters_return_the_right_sets(loaded):
    english = CasePage.objects.live().filter(locale__language_code="en")
    assert english.count() == 37
    stored = dict(english.values_list("slug", "country"))
    client = Client()

    def listed(**params):
        response = client.get("/en/cases/", params)
        assert response.status_code == 200
        return sorted(case.slug for case in response.context["page_obj"].paginator.object_list)

    assert len(listed()) == 37
    by_country = {}
    for pattern, country in EXPECTED:
        (entry,) = _case_for(pattern, loaded.values())
        assert stored[entry["slug"]] == country
        by_country.setdefault(country, []).append(entry["slug"])
    for country, expected in by_country.items():
        assert listed(country=country) == sorted(expected), country
    for sector in {entry["sector"] for entry in loaded.values()}:
        assert listed(sector=sector) == sorted(s for s, e in loaded.items() if e["sector"] == sector), sector
    for theme in {theme for entry in loaded.values() for theme in entry["themes"]}:
        assert listed(theme=theme) == sorted(s for s, e in loaded.items() if theme in e["themes"]), theme
    # Cases whose sector and themes are beyond doubt in the sources.
    spot_checks = [
        (r"aladin", "sector", "hospitality"),
        (r"pirin", "sector", "manufacturing"),
        (r"ikea", "sector", "retail"),
        (r"konvert", "sector", "logistics"),
        (r"duo for a job", "theme", "mentoring"),
        (r"bergen", "theme", "mentoring"),
        (r"starterslabo", "theme", "entrepreneurship"),
        (r"charta der vielfalt", "theme", "diversity-management"),
    ]
    for pattern, facet, value in spot_checks:
        (entry,) = _case_for(pattern, loaded.values())
        assert entry["slug"] in listed(**{facet: value}), f"{entry['slug']} not under {facet}={value}"
