import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls tests make around it
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    broker = settings.CELERY_BROKER_URL
    return [f"database: {engine}", f"celery broker for the worker test: {broker}"]


@pytest.fixture
def password():
    return "Sturdy-Passw0rd-2026"


@pytest.fixture
def make_user(db, password):
    from accounts.tests.factories import UserFactory

    def make(**kwargs):
        kwargs.setdefault("password", password)
        return UserFactory(**kwargs)

    return make


@pytest.fixture
def site_content(db):
    """The demo site shell (home pages in four languages, privacy, imprint)."""
    from website import demo

    demo.load()
    return True


@pytest.fixture(autouse=True)
def english_by_default():
    """A request leaves its language active in the thread; each test starts in English, and with an
    empty cache (cached page-tree reads would outlive the test database's rollback)."""
    from django.core.cache import cache
    from django.utils import translation

    from website import treecache

    cache.clear()
    treecache.clear_process_memory()
    translation.activate("en")
    yield
    translation.activate("en")
