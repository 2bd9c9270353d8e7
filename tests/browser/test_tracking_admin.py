"""An admin creates an LRS key in the Wagtail admin, an xAPI client uses the credentials shown once,
and the admin retries a dead letter from the outbox screen (also in Arabic, right to left)."""

import re

import pytest
import requests

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, email, password):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_admin_creates_a_key_and_a_client_stores_a_statement_with_it(
    page, live_server, make_user, password, screenshot
):
    from accounts.services import default_organisation

    organisation = default_organisation()
    make_user(email="admin@example.org", is_staff=True, is_superuser=True)
    log_in(page, live_server, "admin@example.org", password)

    page.goto(f"{live_server.url}/admin/lrs_keys/new/")
    page.locator("input[name=name]").fill("Reporting dashboard")
    page.locator("select[name=organisation]").select_option(str(organisation.pk))
    page.locator("select[name=scope]").select_option("read_write")
    page.locator("main form[method=post] button[type=submit]").first.click()
    credentials = page.get_by_test_id("lrs-credentials").inner_text().strip()
    screenshot(page, "tracking-admin-key-created-en")
    key, secret = credentials.split(":")

    statement = {
        "actor": {"mbox": "mailto:learner@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "http://example.org/activities/onboarding"},
    }
    headers = {"X-Experience-API-Version": "2.0.0"}
    response = requests.post(
        f"{live_server.url}/xapi/statements", json=statement, auth=(key, secret), headers=headers, timeout=10
    )
    assert response.status_code == 200
    listed = requests.get(
        f"{live_server.url}/xapi/statements", auth=(key, secret), headers=headers, timeout=10
    )
    assert [item["id"] for item in listed.json()["statements"]] == response.json()

    page.goto(f"{live_server.url}/admin/lrs_keys/")
    assert "Reporting dashboard" in page.locator("table.listing").inner_text()


def test_admin_sees_and_retries_dead_letters_in_arabic(
    page, live_server, make_user, password, screenshot, settings
):
    from wagtail.users.models import UserProfile

    from tracking import services
    from tracking.models import ForwardingDestination, OutboxEntry

    settings.XAPI_FORWARD_CLIENT = "tracking.forwarding.RecordingClient"
    admin = make_user(email="admin@example.org", is_staff=True, is_superuser=True)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "ar"
    profile.save()
    ForwardingDestination.objects.create(name="Company LRS", endpoint="https://lrs.example.org/xapi/")
    learner = make_user()
    for number in range(3):
        services.record(user=learner, verb="completed", activity_id=f"http://example.org/lesson/{number}")
    OutboxEntry.objects.update(status=OutboxEntry.Status.DEAD, attempts=8, last_error="HTTP 503: unavailable")

    log_in(page, live_server, "admin@example.org", password)
    page.goto(f"{live_server.url}/admin/xapi-outbox/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "HTTP 503: unavailable" in page.locator("main").inner_text()
    screenshot(page, "tracking-admin-outbox-ar")
    page.locator("form:has(input[name=entry]) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/xapi-outbox/$"))
    screenshot(page, "tracking-admin-outbox-retried-ar")
    assert OutboxEntry.objects.filter(status=OutboxEntry.Status.SENT).count() == 3
