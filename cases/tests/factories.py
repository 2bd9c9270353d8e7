"""Factories and helpers for case library tests."""

from pathlib import Path

import factory
from wagtail.models import Locale

from cases import demo
from cases.models import CaseIndexPage, CasePage

SAMPLE_FIXTURE = Path(__file__).resolve().parent / "sample_cases.json"


def load_sample_library():
    """The demo site shell plus the library with the sample cases; returns the English index."""
    from website import demo as website_demo

    website_demo.load()
    demo.load(fixture=SAMPLE_FIXTURE)
    return CaseIndexPage.objects.get(locale__language_code="en")


class CasePageFactory(factory.Factory):
    """An unsaved case page; add it with ``index.add_child(instance=...)`` and publish it."""

    class Meta:
        model = CasePage

    title = factory.Sequence(lambda n: f"Generated case {n}")
    slug = factory.Sequence(lambda n: f"generated-case-{n}")
    organisation = factory.Sequence(lambda n: f"Company {n}")
    country = "DE"
    sector = "logistics"
    summary = "A generated case."
    themes = factory.LazyFunction(lambda: ["mentoring"])
    target_groups = factory.LazyFunction(lambda: ["refugees"])
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))


def add_case(index, **kwargs):
    page = CasePageFactory.build(**kwargs)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
