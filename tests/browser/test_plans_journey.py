"""A company admin builds an integration plan through the wizard for a hire in Germany in logistics,
sees the legal checklist and the dated tasks, assigns a tutor, ticks tasks off, schedules a mentoring
meeting, downloads the PDF and subscribes to the calendar feed (parsed with the icalendar library).
Then the new hire opens their own view in Arabic on a phone."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.browser.database import read_when_free

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def company_people(db, make_user):
    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, OrganisationFactory
    from plans import demo

    demo.load_templates()
    company = OrganisationFactory(name="Demo Logistics GmbH", slug="demo-logistics", country="DE")
    admin = make_user(email="hanna@example.org", first_name="Hanna", last_name="Richter")
    MembershipFactory(user=admin, organisation=company, role=Membership.Role.COMPANY_ADMIN)
    tutor = make_user(email="tobias@example.org", first_name="Tobias", last_name="Wagner")
    MembershipFactory(user=tutor, organisation=company, role=Membership.Role.LEARNER)
    hire = make_user(
        email="samir@example.org", first_name="Samir", last_name="Haddad", preferred_language="ar"
    )
    return company, admin, tutor, hire


def log_in(page, base, email, password, language="en"):
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/dashboard/"))


def test_company_admin_builds_a_plan_and_the_new_hire_sees_it_in_arabic(
    page, new_page, live_server, settings, company_people, password, screenshot, tmp_path
):
    from icalendar import Calendar

    from plans.models import IntegrationPlan

    settings.SITE_URL = live_server.url
    base = live_server.url
    company, admin, tutor, hire = company_people
    start = timezone.localdate() + datetime.timedelta(days=21)

    log_in(page, base, admin.email, password)
    page.goto(f"{base}/en/plans/")
    page.get_by_role("button", name="New plan for Demo Logistics GmbH").click()
    page.wait_for_url(re.compile(r"/drafts/.+/hire/"))

    # Step 1: the new hire. Typing is saved as a draft before anything is submitted.
    page.get_by_label("Name or initials").fill("S. H.")
    # A locator, not wait_for_function: the page's CSP forbids evaluating strings.
    page.locator("form[data-autosave][data-saved]:not([data-saved=''])").wait_for(state="attached")
    page.get_by_label("Role or job title").fill("Warehouse operative")
    page.get_by_label("First working day").fill(start.isoformat())
    page.get_by_label("Languages the new hire speaks").fill("Arabic, English, German A2")
    page.get_by_label("Language of the new hire's own view").select_option("ar")
    page.get_by_label("Country of work").select_option("DE")
    page.get_by_label("Sector").select_option("logistics")
    page.get_by_label("Residence or permit type").select_option("temporary")
    # A permit that ends before the start is refused, and what was typed stays.
    page.get_by_label("Permit expires on").fill((start - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Next").click()
    assert "before the start date" in page.locator(".field-has-error .error").inner_text()
    assert page.get_by_label("Name or initials").input_value() == "S. H."
    screenshot(page, "plans-wizard-permit-error-en")
    page.get_by_label("Permit expires on").fill((start + datetime.timedelta(days=200)).isoformat())
    page.get_by_role("button", name="Next").click()

    # Step 2: the base plan and the logistics steps are suggested.
    page.wait_for_url(re.compile(r"/templates/"))
    assert page.get_by_label("Integration plan in four phases").is_checked()
    assert page.get_by_label("Sector steps: logistics").is_checked()
    page.get_by_role("button", name="Next").click()

    # Step 3: owners and the dated preview.
    page.wait_for_url(re.compile(r"/owners/"))
    assert page.get_by_role("heading", name="35 dated tasks").is_visible()
    screenshot(page, "plans-wizard-owners-en")
    page.get_by_role("button", name="Create the plan").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))
    plan = read_when_free(page, lambda: IntegrationPlan.objects.get(hire_name="S. H."))

    legal = page.locator("section.legal-checklist")
    assert "Legal checklist: Germany" in legal.locator("h2").inner_text()
    assert "Guidance, not legal advice." in legal.inner_text()
    assert legal.locator("a[href='https://www.bamf.de/EN/Startseite/startseite_node.html']").count() == 1
    welcome = page.locator(".plan-task", has_text="Welcome the new colleague in person on the first morning")
    assert welcome.locator("time").get_attribute("datetime") == start.isoformat()
    screenshot(page, "plans-checklist-en")

    # Assign the tutor: the tutor's open tasks follow.
    page.get_by_role("link", name="People").click()
    page.get_by_label("Tutor or buddy").select_option(str(tutor.pk))
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))
    tutor_task = page.locator(".plan-task", has_text="First meeting of tutor and new colleague")
    assert "Tobias Wagner" in tutor_task.inner_text()

    # Tick two tasks off, one with a note.
    first = page.locator(".plan-task", has_text="Check the residence title and whether it allows employment")
    first.get_by_placeholder("Note (optional)").fill("Copy in the HR file")
    first.get_by_role("button", name="Mark done").click()
    page.wait_for_load_state()
    first = page.locator(".plan-task", has_text="Check the residence title and whether it allows employment")
    assert "Copy in the HR file" in first.inner_text()
    page.locator(".plan-task", has_text="Ask the employer service about integration subsidies").get_by_role(
        "button", name="Mark done"
    ).click()
    page.wait_for_load_state()
    assert page.locator("section.legal-checklist .phase-count").inner_text() == "2/5"

    page.get_by_role("link", name="Timeline").click()
    assert page.get_by_role("heading", name="Week 1", exact=True).is_visible()
    screenshot(page, "plans-timeline-en")

    # Mentoring in five steps.
    page.get_by_role("link", name="Mentoring").click()
    page.get_by_label("Tutor or mentor").select_option(str(tutor.pk))
    page.get_by_label("Date and time").fill(f"{(start + datetime.timedelta(days=2)).isoformat()}T10:00")
    page.get_by_label("Place or link").fill("Canteen, building B")
    page.get_by_label("1. Set the frame").fill("30 minutes, just the two of us")
    page.get_by_label("3. Agree a goal").fill("Know the routes through the warehouse")
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_load_state()
    assert "Know the routes through the warehouse" in page.locator(".meeting").inner_text()
    screenshot(page, "plans-mentoring-en")

    # The PDF.
    page.get_by_role("link", name="Back to the plan").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF").click()
    pdf = tmp_path / "plan.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    # The calendar feed, read the way a calendar app reads it.
    page.get_by_role("link", name="Calendar feed").click()
    page.get_by_role("button", name="Create a calendar link").click()
    feed_url = page.locator("#feed-url").input_value()
    feed = page.request.get(feed_url)
    assert feed.status == 200
    calendar = Calendar.from_ical(feed.body())
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert "Welcome the new colleague in person on the first morning" in summaries
    assert len(calendar.walk("VEVENT")) == 35 + 1
    page.get_by_role("button", name="Revoke the link").click()
    assert page.request.get(feed_url).status == 404

    # The new hire, invited, reads their own view in Arabic on a phone.
    def link_hire():
        plan.new_hire = hire
        plan.save(update_fields=["new_hire"])
        plan.tasks.filter(role="hire").update(owner=hire)

    read_when_free(page, link_hire)
    phone = new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    log_in(phone, base, hire.email, password, language="ar")
    phone.goto(f"{base}/ar/plans/{plan.pk}/welcome/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert phone.get_by_role("heading", name="مرشدك").is_visible()
    assert "Tobias Wagner" in phone.locator(".welcome").inner_text()
    assert "احضر يوم عملك الأول وتعرّف على فريقك" in phone.locator(".welcome").inner_text()
    assert "Check the residence title" not in phone.content()
    screenshot(phone, "plans-new-hire-ar-phone")
    phone.locator(".welcome-tasks li").first.get_by_role("button", name="تم", exact=True).click()
    phone.wait_for_load_state()
    assert "is-done" in phone.locator(".welcome-tasks li").first.get_attribute("class")
    assert phone.goto(f"{base}/ar/plans/{plan.pk}/").status == 404
