"""The case library in the browser.

A visitor searches, narrows by two facets, opens a case, and the shared URL shows the same results in
a fresh browser context, in English and in Arabic (right to left). A company member submits a case,
a moderator asks for changes in the Wagtail admin, the member revises it, the moderator approves it
and the case is published."""

import re

import pytest

from tests.browser.database import read_when_free

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def library(site_content):
    from cases import demo
    from cases.tests.factories import SAMPLE_FIXTURE

    demo.load(fixture=SAMPLE_FIXTURE)


def result_titles(page):
    return [title.strip() for title in page.locator(".case-card-title").all_inner_texts()]


def choose_facet(page, facet, value):
    page.locator(f'a.facet-option[data-facet="{facet}"][data-value="{value}"]').click()
    page.wait_for_load_state()
    assert page.locator(f'a.facet-option[data-facet="{facet}"][data-value="{value}"]').get_attribute(
        "aria-current"
    )


@pytest.mark.parametrize(
    "language, direction, case_title",
    [("en", "ltr", "Apprentices at a village bakery"), ("ar", "rtl", "Apprentices at a village bakery")],
)
def test_search_two_facets_open_a_case_and_share_the_url(
    page, new_page, live_server, library, screenshot, language, direction, case_title
):
    page.goto(f"{live_server.url}/{language}/cases/")
    assert page.locator("html").get_attribute("dir") == direction
    assert len(result_titles(page)) == 4
    page.locator("#library-q").fill("staff")
    page.locator("#library-q").press("Enter")
    page.wait_for_url(re.compile(r"\?q=staff"))
    assert len(result_titles(page)) == 4

    choose_facet(page, "country", "DE")
    assert len(result_titles(page)) == 2
    choose_facet(page, "theme", "mentoring")
    assert result_titles(page) == [case_title]
    assert page.locator(".filter-chip").count() == 2
    shared_url = page.url
    assert "country=DE" in shared_url and "theme=mentoring" in shared_url
    screenshot(page, f"cases-library-{language}")

    page.get_by_role("link", name=case_title).click()
    page.wait_for_url(re.compile(r"/cases/bakery-apprentices/$"))
    assert page.get_by_role("heading", level=1).inner_text().strip() == case_title
    assert page.locator(".case-facts").is_visible()
    screenshot(page, f"cases-case-{language}")

    fresh = new_page()
    fresh.goto(shared_url)
    assert result_titles(fresh) == [case_title]
    assert fresh.locator("#library-q").input_value() == "staff"


def log_in(page, base, email, password):
    page.goto(f"{base}/en/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/dashboard/"))


def fill_submission(page):
    page.locator("input[name=title]").fill("Night-shift buddies")
    page.locator("input[name=organisation_name]").fill("Demo Logistics GmbH")
    page.locator("select[name=country]").select_option("DE")
    page.locator("input[name=region]").fill("Hamburg")
    page.locator("select[name=sector]").select_option("logistics")
    page.locator("input[name=target_groups][value=refugees]").check()
    page.locator("input[name=themes][value=mentoring]").check()
    page.locator("input[name=themes][value=onboarding]").check()
    page.locator("textarea[name=summary]").fill("Each new night-shift worker gets a buddy for six weeks.")
    page.locator("textarea[name=activities]").fill(
        "We paired every newcomer with a volunteer from the shift."
    )


def moderate(page, base, title, action, comment=None):
    """Act on the case from the dashboard's "awaiting your review" list (the editor would autosave
    drafts in the background, which the shared in-memory SQLite test database cannot serve at once)."""
    page.goto(f"{base}/admin/")
    row = page.locator("tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name=action, exact=True).click()
    if comment is not None:
        field = page.locator(".modal textarea[name=comment]")
        field.wait_for()
        field.fill(comment)
        page.locator(".modal button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def test_submit_ask_for_changes_resubmit_approve_and_see_it_published(
    page, new_page, live_server, library, make_user, password, screenshot
):
    from django.contrib.auth.models import Group

    from accounts.tests.factories import MembershipFactory
    from cases.models import CaseSubmission

    member = make_user(email="hr@example.org", first_name="Samira")
    MembershipFactory(user=member)
    moderator = make_user(email="moderator@example.org", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Case moderators"))
    base = live_server.url

    log_in(page, base, member.email, password)
    page.goto(f"{base}/ar/case-library/submit/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "cases-submit-ar")
    page.goto(f"{base}/en/case-library/submit/")
    page.locator("input[name=title]").fill("Night-shift buddies")
    page.locator("form.submission-form button[type=submit]").click()
    assert page.locator(".form-errors").is_visible()
    assert page.locator("input[name=title]").input_value() == "Night-shift buddies"
    screenshot(page, "cases-submit-errors-en")
    fill_submission(page)
    page.locator("form.submission-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/case-library/submissions/$"))
    assert "In review" in page.locator(".submission-list").inner_text()
    submission = read_when_free(page, lambda: CaseSubmission.objects.get())

    moderator_page = new_page()
    moderator_page.goto(f"{base}/admin/login/")
    moderator_page.locator("input[name=username]").fill(moderator.email)
    moderator_page.locator("input[name=password]").fill(password)
    moderator_page.locator("form button[type=submit]").click()
    moderator_page.wait_for_url(re.compile(r"/admin/$"))
    moderate(
        moderator_page, base, "Night-shift buddies", "Request changes", comment="Please say how many buddies."
    )
    screenshot(moderator_page, "cases-moderator-after-request")

    page.reload()
    listing = page.locator(".submission-list").inner_text()
    assert "Changes requested" in listing and "Please say how many buddies." in listing
    page.get_by_role("link", name="Revise and send again").click()
    assert page.locator("input[name=title]").input_value() == "Night-shift buddies"
    page.locator("textarea[name=results]").fill("Twenty-one buddies so far; nobody left in the first month.")
    screenshot(page, "cases-revise-en")
    page.locator("form.submission-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/case-library/submissions/$"))
    assert "In review" in page.locator(".submission-list").inner_text()

    moderate(moderator_page, base, "Night-shift buddies", "Approve")
    for _attempt in range(50):
        submission = read_when_free(page, lambda: CaseSubmission.objects.get())
        if submission.status == CaseSubmission.Status.PUBLISHED:
            break
        page.wait_for_timeout(100)
    assert submission.status == CaseSubmission.Status.PUBLISHED

    visitor = new_page()
    visitor.goto(f"{base}/en/cases/?q=buddies")
    visitor.get_by_role("link", name="Night-shift buddies").click()
    assert visitor.get_by_role("heading", level=1).inner_text().strip() == "Night-shift buddies"
    assert "Twenty-one buddies so far" in visitor.locator(".case-results").inner_text()
    screenshot(visitor, "cases-published-en")
