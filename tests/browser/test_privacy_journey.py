"""Browser journey of a person's own privacy rights: from the account page they download their data
(the ZIP opens and holds one JSON file per app), delete the account after typing the password, and a
new login fails and says why. The same pages in Arabic, right to left."""

import re
import zipfile

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base, language, email, password):
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()


def test_download_my_data_then_delete_my_account(page, live_server, password, screenshot, settings):
    from privacy.tests.factories import EMAIL, seed_person

    seed_person(with_destination=False)
    log_in(page, live_server.url, "en", EMAIL, password)
    page.wait_for_url(re.compile(r"/accounts/dashboard/"))

    page.get_by_role("link", name="Download my data").click()
    page.wait_for_url(re.compile(r"/my-data/$"))
    screenshot(page, "privacy-my-data-en")
    page.get_by_role("button", name="Prepare my data").click()
    page.wait_for_url(re.compile(r"/my-data/exports/"))
    # The page reloads itself until the file is ready (a meta refresh: the CSP allows no inline script).
    status = page.locator(".privacy-export")
    from playwright.sync_api import expect

    expect(status).to_have_attribute("data-status", "ready", timeout=30_000)
    screenshot(page, "privacy-export-ready-en")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the ZIP file").click()
    archive = zipfile.ZipFile(download_info.value.path())
    names = set(archive.namelist())
    assert {"accounts.json", "courses.json", "tracking.json", "certificates.json", "plans.json"} <= names
    assert EMAIL in archive.read("accounts.json").decode()

    page.goto(f"{live_server.url}/en/accounts/dashboard/")
    page.get_by_role("link", name="Delete my account").first.click()
    page.wait_for_url(re.compile(r"/my-data/delete-account/"))
    page.get_by_label("Your password").fill("not my password")
    page.get_by_label("I understand that my account and my data are deleted for good.").check()
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.locator(".error")).to_contain_text("This is not your password")
    screenshot(page, "privacy-delete-wrong-password-en")
    page.get_by_label("Your password").fill(password)
    page.get_by_label("I understand that my account and my data are deleted for good.").check()
    page.get_by_role("button", name="Delete my account for good").click()
    page.wait_for_url(re.compile(r"/my-data/account-deleted/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is deleted")
    screenshot(page, "privacy-deleted-en")

    log_in(page, live_server.url, "en", EMAIL, password)
    expect(page.locator(".form-errors")).to_contain_text("The account with this email address was deleted")
    screenshot(page, "privacy-login-after-deletion-en")


def test_the_privacy_pages_in_arabic(page, live_server, site_content, make_user, password, screenshot):
    from playwright.sync_api import expect

    person = make_user(email="rania@example.org", first_name="Rania", preferred_language="ar")
    log_in(page, live_server.url, "ar", person.email, password)
    page.wait_for_url(re.compile(r"/ar/accounts/dashboard/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.locator(".privacy-panel")).to_be_visible()
    screenshot(page, "privacy-dashboard-ar")
    page.goto(f"{live_server.url}/ar/my-data/")
    screenshot(page, "privacy-my-data-ar")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ar/my-data/exports/"))
    expect(page.locator(".privacy-export")).to_have_attribute("data-status", "ready", timeout=30_000)
    screenshot(page, "privacy-export-ready-ar")
    with page.expect_download() as download_info:
        page.locator(".privacy-export form button").click()
    assert "README.txt" in zipfile.ZipFile(download_info.value.path()).namelist()
    page.goto(f"{live_server.url}/ar/my-data/delete-account/")
    page.locator("#id_password").fill(password)
    page.locator("#id_understood").check()
    page.locator("button.privacy-delete-button").click()
    page.wait_for_url(re.compile(r"/ar/my-data/account-deleted/"))
    screenshot(page, "privacy-deleted-ar")
    log_in(page, live_server.url, "ar", person.email, password)
    expect(page.locator(".form-errors")).to_be_visible()
    screenshot(page, "privacy-login-after-deletion-ar")
    page.goto(f"{live_server.url}/ar/accounts/signup/")
    expect(page.locator(".consent-notice-link a")).to_have_attribute("href", "/ar/privacy/")
    screenshot(page, "privacy-signup-ar")
