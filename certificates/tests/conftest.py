import types

import pytest
from django.utils import timezone
from wagtail.models import Page


@pytest.fixture(autouse=True)
def signing_key_file(settings, tmp_path):
    from certificates import keys

    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_KEY_PATH = tmp_path / "keys" / "signing.pem"
    settings.MEDIA_ROOT = tmp_path / "media"
    keys.reset_cache()
    yield settings.CERTIFICATES_SIGNING_KEY_PATH
    keys.reset_cache()


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "de", "nl", "ar")}


@pytest.fixture
def course_page(locales):
    """A course as the certificates app sees it: a page with the course attributes of the contract."""
    root = Page.get_first_root_node()
    if root is None:
        # Transactional tests flush the tree root that Wagtail's migration created.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["en"]))
    page = root.add_child(
        instance=Page(title="Hiring refugees legally", slug="hiring-legally", locale=locales["en"])
    )
    page.certificate_requires_pass_mark = None
    page.certificate_validity_months = 24
    page.refresher_course = None
    return page


@pytest.fixture
def completions(monkeypatch):
    """Stand-in for courses' Enrolment: ``completions.complete(user, course, score, at)`` marks it done."""
    from certificates import selectors

    table = {}

    def enrolment_of(user, course_key):
        found = table.get((user.pk, str(course_key)))
        if found is None:
            return None
        return types.SimpleNamespace(completed_at=found[0], best_score=found[1])

    monkeypatch.setattr(selectors, "enrolment_of", enrolment_of)

    class Completions(dict):
        def complete(self, user, course, score=None, at=None):
            table[(user.pk, str(course.translation_key))] = (at or timezone.now(), score)

    return Completions()
