import pytest
from django.utils import translation

from cases.blocks import CaseReferenceBlock
from cases.models import CasePage
from courses.blocks import LESSON_BODY_BLOCKS

from .factories import load_sample_library

pytestmark = pytest.mark.django_db


@pytest.fixture
def bakery():
    load_sample_library()
    return CasePage.objects.get(slug="bakery-apprentices", locale__language_code="en")


def render(case, note=""):
    block = CaseReferenceBlock()
    return block.render(block.to_python({"case": case.pk, "note": note}))


def test_lessons_can_hold_a_case_reference():
    assert isinstance(dict(LESSON_BODY_BLOCKS)["case_reference"], CaseReferenceBlock)


def test_a_case_reference_shows_the_case_in_the_learners_language(bakery):
    html = render(bakery, note="Mentors kept apprentices on board.")
    assert "Apprentices at a village bakery" in html and "Mentors kept apprentices on board." in html
    assert "/en/cases/bakery-apprentices/" in html
    with translation.override("de"):
        html = render(bakery)
    assert "Auszubildende in einer Dorfbäckerei" in html and "/de/cases/bakery-apprentices/" in html


def test_a_case_reference_falls_back_to_english_and_says_so_for_screen_readers(bakery):
    with translation.override("ar"):
        html = render(bakery)
    assert "Apprentices at a village bakery" in html and 'lang="en"' in html


def test_a_reference_to_an_unpublished_case_shows_nothing(bakery):
    for page in CasePage.objects.filter(translation_key=bakery.translation_key):
        page.unpublish()
    assert render(CasePage.objects.get(pk=bakery.pk)).strip() == ""
