"""An admin revokes a certificate in the Wagtail admin, with a reason, and a visitor sees it at once."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def issued(site_content, make_user):
    from certificates import services
    from courses.tests.factories import make_catalogue, make_course

    course = make_course(
        make_catalogue(), title="Permits that expire", slug="permits", modules=1, lessons_per_module=1
    )
    learner = make_user(first_name="Amal", last_name="Haddad")
    return services.issue(learner, course)


def test_admin_revokes_with_a_reason_and_the_public_page_shows_it(
    page, new_page, live_server, issued, make_user, password, screenshot
):
    make_user(email="admin@example.org", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill("admin@example.org")
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"{live_server.url}/admin/certificates/")
    row = page.locator("table.listing tbody tr", has_text=issued.code_display)
    screenshot(page, "certificates-admin-list")
    row.get_by_role("link", name="Revoke").click()
    page.locator("button[type=submit].no").click()
    page.locator(".error-message").first.wait_for()
    page.locator("textarea[name=reason]").fill("Issued to the wrong person")
    page.locator("button[type=submit].no").click()
    page.wait_for_url(re.compile(r"/admin/certificates/$"))
    assert "Issued to the wrong person" in page.locator("table.listing").inner_text()

    visitor = new_page()
    visitor.goto(f"{live_server.url}/en/certificates/verify/{issued.code_display}/")
    assert visitor.locator(".certificate-status").get_attribute("data-status") == "revoked"
    assert "Issued to the wrong person" in visitor.locator(".certificate-facts").inner_text()
