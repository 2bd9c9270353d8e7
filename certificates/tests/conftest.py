import pytest
from django.utils import timezone


@pytest.fixture(autouse=True)
def empty_cache():
    """The verification rate limit counts in the cache; each test starts with a full allowance."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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
def catalogue(site_content):
    from courses.tests.factories import make_catalogue

    return make_catalogue()


@pytest.fixture
def course_page(catalogue):
    """A published course with one lesson, valid for 24 months, certifying completion alone."""
    from courses.tests.factories import make_course

    return make_course(
        catalogue,
        title="Hiring refugees legally",
        slug="hiring-legally",
        modules=1,
        lessons_per_module=1,
        certificate_validity_months=24,
    )


@pytest.fixture
def completions(db):
    """Marks enrolments complete directly, for tests of the rule rather than of courses' progress."""
    from courses.models import Enrolment

    class Completions:
        def complete(self, user, course, score=None, at=None):
            enrolment, _created = Enrolment.objects.get_or_create(
                user=user, course_key=course.translation_key
            )
            enrolment.completed_at = at or timezone.now()
            enrolment.best_score = score
            enrolment.save()
            return enrolment

    return Completions()
