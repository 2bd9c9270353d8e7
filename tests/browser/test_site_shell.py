"""Browser tests of the site shell: home page in English and Arabic, sign-up and log in, the admin."""

import re

import pytest
from django.core import mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_in_english_shows_offers_and_audiences(page, live_server, site_content, screenshot):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hire refugees and migrants")
    assert page.get_by_role("heading", name="Who it is for").is_visible()
    assert page.get_by_role("link", name="Privacy notice").is_visible()
    screenshot(page, "home-en")


def test_home_page_in_arabic_is_right_to_left(page, live_server, site_content, screenshot):
    page.goto(live_server.url + "/en/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="العربية").click()
    page.wait_for_url(re.compile(r"/ar/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert "وظّف اللاجئين" in page.get_by_role("heading", level=1).inner_text()
    # Logical CSS: in RTL the brand sits at the right edge of the header.
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > 640
    screenshot(page, "home-ar")


def test_sign_up_confirm_and_log_in(page, live_server, site_content, screenshot):
    page.goto(live_server.url + "/en/")
    page.get_by_role("link", name="Create a free account").click()
    page.get_by_label("First name").fill("Yusuf")
    page.get_by_label("Last name").fill("Rahimi")
    page.get_by_label("Email address").fill("yusuf@example.org")
    page.get_by_label("Password", exact=True).fill("1234")
    page.get_by_label("Repeat the password").fill("1234")
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_role("button", name="Create account").click()
    # A weak password is refused; what the person typed stays in the form.
    assert page.get_by_text("This password is too short").is_visible()
    assert page.get_by_label("Email address").input_value() == "yusuf@example.org"
    assert page.get_by_label("First name").input_value() == "Yusuf"
    screenshot(page, "signup-error-en")
    page.get_by_label("Password", exact=True).fill("Sturdy-Passw0rd-2026")
    page.get_by_label("Repeat the password").fill("Sturdy-Passw0rd-2026")
    page.get_by_role("button", name="Create account").click()
    assert page.get_by_role("heading", name="Check your email").is_visible()

    link = re.search(r"https?://\S+/accounts/confirm/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    assert page.get_by_text("your email address is confirmed").is_visible()
    page.get_by_role("button", name="Log out").click()

    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Email address").fill("yusuf@example.org")
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_text("The email address or the password is wrong").is_visible()
    assert page.get_by_label("Email address").input_value() == "yusuf@example.org"
    page.get_by_label("Password").fill("Sturdy-Passw0rd-2026")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("heading", name="Welcome, Yusuf Rahimi").is_visible()
    screenshot(page, "dashboard-en")


def test_arabic_login_error_is_translated(page, live_server, site_content, make_user, screenshot):
    make_user(email="huda@example.org")
    page.goto(live_server.url + "/ar/accounts/login/")
    page.get_by_label("البريد الإلكتروني").fill("huda@example.org")
    page.get_by_label("كلمة المرور").fill("wrong")
    page.get_by_role("button", name="تسجيل الدخول").click()
    assert page.get_by_text("البريد الإلكتروني أو كلمة المرور غير صحيحة").is_visible()
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "login-error-ar")


def test_the_wagtail_admin_loads_for_an_editor(
    page, live_server, site_content, make_user, password, screenshot
):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Page

    # Wagtail's migration makes this group; a transactional test's flush removes it, so rebuild it.
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    editor = make_user(email="editor@example.org", is_staff=False)
    editor.groups.add(editors)
    page.goto(live_server.url + "/admin/")
    page.locator("#id_username").fill("editor@example.org")
    page.locator("#id_password").fill(password)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert (
        page.get_by_role("button", name="Pages").first.is_visible()
        or page.get_by_role("link", name="Pages").first.is_visible()
    )
    assert "Dashboard" in page.title()
    screenshot(page, "admin-dashboard")


@pytest.mark.parametrize("language, direction", [("en", "ltr"), ("ar", "rtl")])
def test_a_visitor_opens_a_password_protected_page_with_its_password(
    page, live_server, site_content, screenshot, language, direction
):
    from wagtail.models import Page, PageViewRestriction

    about = Page.objects.get(slug="privacy", locale__language_code=language)
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="shared-with-trainers"
    )
    page.goto(live_server.url + about.url)
    assert page.locator("html").get_attribute("dir") == direction
    field = page.locator("input[name=password]")
    field.fill("a guess")
    field.press("Enter")
    page.wait_for_load_state()
    assert page.locator(".field-has-error").is_visible()
    screenshot(page, f"password-required-{language}")
    page.locator("input[name=password]").fill("shared-with-trainers")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(about.url) + "$"))
    assert page.get_by_role("heading", level=1).inner_text() == about.title
