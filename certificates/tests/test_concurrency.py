"""Two requests complete the same course at the same moment: exactly one certificate comes out.

Runs on SQLite (the default) and PostgreSQL (``DATABASE_URL=postgres://...``); each thread uses its own
database connection, so the unique constraint is what decides, not Python."""

import threading

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate


@pytest.mark.django_db(transaction=True)
def test_concurrent_completions_issue_exactly_one_certificate(course_page, completions, make_user):
    learner = make_user()
    completions.complete(learner, course_page)
    workers = 6
    barrier = threading.Barrier(workers)
    results, errors = [], []

    def complete():
        try:
            barrier.wait(timeout=10)
            results.append(services.issue_if_earned(learner, course_page).pk)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Certificate.objects.filter(user=learner).count() == 1
    assert set(results) == {Certificate.objects.get(user=learner).pk}


@pytest.mark.django_db(transaction=True)
def test_concurrent_manual_issues_issue_exactly_one_certificate(course_page, make_user):
    learner = make_user()
    workers = 4
    barrier = threading.Barrier(workers)
    errors = []

    def press_button():
        try:
            barrier.wait(timeout=10)
            services.issue(learner, course_page)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=press_button) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Certificate.objects.filter(user=learner).count() == 1
