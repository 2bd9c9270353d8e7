"""Who sees what: another company's members get 404 on every plan URL, the calendar feed included."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import Membership
from plans import services
from plans.models import FollowUpOutcome

from .factories import MentoringMeetingFactory, member

pytestmark = pytest.mark.django_db


def plan_urls(plan):
    task = plan.tasks.first()
    meeting = MentoringMeetingFactory(plan=plan)
    token = services.issue_calendar_token(plan)
    return [
        reverse("plans:detail", args=[plan.pk]),
        reverse("plans:timeline", args=[plan.pk]),
        reverse("plans:edit", args=[plan.pk]),
        reverse("plans:people", args=[plan.pk]),
        reverse("plans:close", args=[plan.pk]),
        reverse("plans:task_add", args=[plan.pk]),
        reverse("plans:task_edit", args=[plan.pk, task.pk]),
        reverse("plans:task_done", args=[plan.pk, task.pk]),
        reverse("plans:meetings", args=[plan.pk]),
        reverse("plans:close_mentoring", args=[plan.pk]),
        reverse("plans:meeting", args=[plan.pk, meeting.pk]),
        *[reverse("plans:outcome", args=[plan.pk, key]) for key in FollowUpOutcome.Milestone.values],
        reverse("plans:invite", args=[plan.pk]),
        reverse("plans:welcome", args=[plan.pk]),
        reverse("plans:pdf", args=[plan.pk]),
        reverse("plans:csv", args=[plan.pk]),
        reverse("plans:calendar", args=[plan.pk]),
        reverse("plans:feed", args=[plan.pk, token + "x"]),
    ]


def test_a_member_of_another_company_gets_404_on_every_plan_url(client, built_plan, stranger):
    client.force_login(stranger)
    for url in plan_urls(built_plan):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"title": "x", "note": "x", "action": "revoke"}).status_code == 404, url
    built_plan.refresh_from_db()
    assert built_plan.calendar_token and built_plan.status == "active"
    assert not built_plan.tasks.filter(done_at__isnull=False).exists()


def test_a_plain_member_of_the_same_company_without_a_role_gets_404(client, built_plan, company):
    client.force_login(member(company))
    for url in plan_urls(built_plan):
        assert client.get(url).status_code == 404, url


def test_the_feed_answers_with_the_right_token_and_not_after_revoking(client, built_plan):
    from icalendar import Calendar

    token = services.issue_calendar_token(built_plan)
    url = reverse("plans:feed", args=[built_plan.pk, token])
    response = client.get(url)
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == built_plan.tasks.count()
    assert {str(event["SUMMARY"]) for event in events} >= {
        "Prepare the workplace, accounts, clothing and keys"
    }
    services.revoke_calendar_token(built_plan)
    assert client.get(url).status_code == 404
    assert client.get(f"/en/plans/{built_plan.pk}/calendar/.ics").status_code == 404


def test_a_new_token_stops_the_old_one(client, built_plan):
    old = services.issue_calendar_token(built_plan)
    services.issue_calendar_token(built_plan)
    assert client.get(reverse("plans:feed", args=[built_plan.pk, old])).status_code == 404


def test_a_token_of_another_plan_does_not_open_this_one(
    client, built_plan, plan_content, company, company_admin
):
    other = services.create_plan(
        organisation=company,
        author=company_admin,
        hire={
            "hire_name": "Z",
            "hire_role": "Driver",
            "start_date": datetime.date(2027, 2, 1),
            "country": "DE",
            "permit_type": "eu",
        },
        template_keys=[],
        owners={},
        language="en",
    )
    token = services.issue_calendar_token(other)
    assert client.get(reverse("plans:feed", args=[built_plan.pk, token])).status_code == 404


def test_a_tutor_sees_only_the_tasks_assigned_to_them(client, built_plan, colleague):
    client.force_login(colleague)
    response = client.get(reverse("plans:detail", args=[built_plan.pk]))
    assert response.status_code == 200
    shown = {task.pk for task in response.context["tasks"]}
    assert shown == set(built_plan.tasks.filter(owner=colleague).values_list("pk", flat=True))
    assert client.get(reverse("plans:pdf", args=[built_plan.pk])).status_code == 404
    assert client.get(reverse("plans:edit", args=[built_plan.pk])).status_code == 404


def test_a_tutor_cannot_tick_someone_elses_task(client, built_plan, colleague):
    client.force_login(colleague)
    foreign = built_plan.tasks.exclude(owner=colleague).first()
    response = client.post(reverse("plans:task_done", args=[built_plan.pk, foreign.pk]))
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.done_at is None


def test_the_new_hire_sees_only_their_own_view(client, built_plan, make_user):
    hire = make_user()
    built_plan.new_hire = hire
    built_plan.save()
    client.force_login(hire)
    assert client.get(reverse("plans:welcome", args=[built_plan.pk])).status_code == 200
    for name in ("detail", "timeline", "pdf", "csv", "meetings", "calendar"):
        assert client.get(reverse(f"plans:{name}", args=[built_plan.pk])).status_code == 404, name


def test_a_new_hire_who_is_also_a_member_still_gets_only_their_view(client, built_plan, company):
    hire = member(company)
    invitation = services.invite_hire(built_plan, hire.email)
    services.accept_invitation(invitation, hire)
    client.force_login(hire)
    assert client.get(reverse("plans:detail", args=[built_plan.pk])).status_code == 404
    assert client.get(reverse("plans:welcome", args=[built_plan.pk])).status_code == 200


def test_a_company_admin_of_the_company_sees_everything(client, built_plan, company):
    other_admin = member(company, Membership.Role.COMPANY_ADMIN)
    client.force_login(other_admin)
    response = client.get(reverse("plans:detail", args=[built_plan.pk]))
    assert response.status_code == 200
    assert len(response.context["tasks"]) == built_plan.tasks.count()


def test_an_odd_plan_id_answers_404(client, company_admin):
    client.force_login(company_admin)
    assert client.get("/en/plans/999999/").status_code == 404
    assert client.get("/en/plans/0/timeline/").status_code == 404


def test_a_stranger_cannot_start_a_plan_for_another_company(client, company, stranger):
    client.force_login(stranger)
    assert client.post(reverse("plans:start", args=[company.slug])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, built_plan):
    response = client.get(reverse("plans:detail", args=[built_plan.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
