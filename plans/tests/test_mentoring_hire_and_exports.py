import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from plans import services
from plans.models import HireInvitation

from .factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def tutor_client(client, colleague):
    client.force_login(colleague)
    return client


def meeting_data(mentor, **changes):
    data = {
        "mentor": mentor.pk,
        "starts_at": "2027-01-12T10:00",
        "place": "Canteen",
        "frame": "30 minutes",
        "rapport": "How was the week?",
        "goal": "Know the routes",
        "action_plan": "Walk them together",
        "evaluation": "",
    }
    data.update(changes)
    return data


def test_the_tutor_schedules_a_meeting_in_five_steps(tutor_client, built_plan, colleague):
    response = tutor_client.post(reverse("plans:meetings", args=[built_plan.pk]), meeting_data(colleague))
    assert response.status_code == 302
    meeting = built_plan.meetings.get()
    assert (meeting.frame, meeting.rapport, meeting.goal, meeting.action_plan) == (
        "30 minutes",
        "How was the week?",
        "Know the routes",
        "Walk them together",
    )
    page = tutor_client.get(reverse("plans:meetings", args=[built_plan.pk])).content.decode()
    for step in ("1. Set the frame", "2. Build rapport", "3. Agree a goal", "4. Make a plan"):
        assert step in page


def test_a_meeting_without_a_date_is_refused_and_the_agenda_kept(tutor_client, built_plan, colleague):
    response = tutor_client.post(
        reverse("plans:meetings", args=[built_plan.pk]), meeting_data(colleague, starts_at="")
    )
    assert response.status_code == 200 and "starts_at" in response.context["form"].errors
    assert "Know the routes" in response.content.decode()
    assert not built_plan.meetings.exists()


def test_the_outcome_and_next_steps_are_recorded_and_the_mentoring_closed(
    tutor_client, built_plan, colleague
):
    meeting = services.schedule_meeting(built_plan, colleague, starts_at=timezone.now(), goal="Routes")
    tutor_client.post(
        reverse("plans:meeting", args=[built_plan.pk, meeting.pk]),
        {"outcome": "Knows the routes", "next_steps": "Forklift course", "evaluation": "Useful"},
    )
    meeting.refresh_from_db()
    assert (
        meeting.outcome == "Knows the routes" and meeting.next_steps == "Forklift course" and meeting.held_at
    )
    tutor_client.post(reverse("plans:close_mentoring", args=[built_plan.pk]), {"summary": "Settled in well"})
    built_plan.refresh_from_db()
    assert built_plan.mentoring_closed_at and built_plan.mentoring_summary == "Settled in well"
    response = tutor_client.post(reverse("plans:meetings", args=[built_plan.pk]), meeting_data(colleague))
    assert response.status_code == 404, "no new meetings after the mentoring is closed"


def test_closing_the_mentoring_without_a_summary_is_refused(tutor_client, built_plan):
    response = tutor_client.post(reverse("plans:close_mentoring", args=[built_plan.pk]), {"summary": ""})
    assert response.status_code == 200 and "summary" in response.context["close_form"].errors
    built_plan.refresh_from_db()
    assert built_plan.mentoring_closed_at is None


def test_a_trainer_who_is_not_the_tutor_cannot_schedule(client, built_plan, company):
    trainer = member(company)
    task = built_plan.tasks.filter(role="trainer").first()
    services.update_task(task, title=task.title, due_on=task.due_on, owner=trainer)
    client.force_login(trainer)
    assert client.get(reverse("plans:meetings", args=[built_plan.pk])).status_code == 404


def test_the_invitation_is_sent_in_the_hires_language_and_opens_their_view(
    client, built_plan, company_admin, make_user
):
    client.force_login(company_admin)
    client.post(reverse("plans:invite", args=[built_plan.pk]), {"email": "Samir@Example.org"})
    invitation = HireInvitation.objects.get()
    assert invitation.email == "samir@example.org"
    assert "/ar/plans/invitations/" in mail.outbox[0].body
    hire = make_user(email="samir@example.org")
    client.force_login(hire)
    response = client.post(reverse("plans:accept_invitation", args=[invitation.token]))
    assert response.status_code == 302
    built_plan.refresh_from_db()
    assert built_plan.new_hire == hire
    assert set(built_plan.tasks.filter(role="hire").values_list("owner", flat=True)) == {hire.pk}
    other = make_user()
    client.force_login(other)
    assert client.post(reverse("plans:accept_invitation", args=[invitation.token])).status_code == 404


def test_an_invalid_invitation_email_is_refused(client, built_plan, company_admin):
    client.force_login(company_admin)
    response = client.post(reverse("plans:invite", args=[built_plan.pk]), {"email": "not-an-address"})
    assert response.status_code == 200 and "email" in response.context["form"].errors
    assert not mail.outbox


def test_the_new_hires_view_shows_their_tasks_tutor_and_meetings_only(
    client, built_plan, colleague, make_user
):
    hire = make_user()
    built_plan.new_hire = hire
    built_plan.save()
    services.schedule_meeting(
        built_plan,
        colleague,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        goal="Know the routes",
        rapport="Private notes of the tutor",
    )
    client.force_login(hire)
    response = client.get(f"/ar/plans/{built_plan.pk}/welcome/")
    page = response.content.decode()
    assert 'dir="rtl"' in page
    assert "احضر يوم عملك الأول وتعرّف على فريقك" in page
    assert colleague.get_full_name() in page and "Know the routes" in page
    assert "Private notes of the tutor" not in page
    assert "Check the residence title" not in page, "nothing of the rest of the plan"
    assert {task.role for task in response.context["tasks"]} == {"hire"}


def test_the_hire_ticks_their_own_task_but_no_other(client, built_plan, make_user):
    hire = make_user()
    built_plan.new_hire = hire
    built_plan.save()
    client.force_login(hire)
    own = built_plan.tasks.filter(role="hire").first()
    other = built_plan.tasks.exclude(role="hire").first()
    client.post(reverse("plans:task_done", args=[built_plan.pk, own.pk]), {"next": "welcome"})
    assert client.post(reverse("plans:task_done", args=[built_plan.pk, other.pk])).status_code == 404
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.done_at and other.done_at is None


def test_the_pdf_is_streamed_to_the_company_and_written_nowhere(
    client, built_plan, company_admin, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(company_admin)
    response = client.get(reverse("plans:pdf", args=[built_plan.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    assert list(tmp_path.iterdir()) == []


def test_the_pdf_prints_in_arabic_right_to_left(client, built_plan, company_admin):
    import subprocess

    client.force_login(company_admin)
    response = client.get(f"/ar/plans/{built_plan.pk}/plan.pdf")
    assert response.status_code == 200
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True
    ).stdout.decode()
    assert "Demo Logistics GmbH" in text
    assert "شركة" in text, "the labels are printed in Arabic"


def test_the_csv_lists_every_task(client, built_plan, company_admin):
    import csv
    import io

    client.force_login(company_admin)
    response = client.get(reverse("plans:csv", args=[built_plan.pk]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == built_plan.tasks.count()
    assert {row["official_source"] for row in rows if row["official_source"]} >= {
        "https://www.make-it-in-germany.com/en/visa-residence"
    }


def test_the_feed_carries_tasks_and_meetings_and_parses_with_icalendar(client, built_plan, colleague):
    from icalendar import Calendar

    services.schedule_meeting(built_plan, colleague, starts_at=timezone.now(), place="Canteen")
    token = services.issue_calendar_token(built_plan)
    calendar = Calendar.from_ical(client.get(reverse("plans:feed", args=[built_plan.pk, token])).content)
    events = calendar.walk("VEVENT")
    assert len(events) == built_plan.tasks.count() + 1
    assert any(str(event.get("LOCATION")) == "Canteen" for event in events)
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)


def test_the_follow_up_outcome_is_recorded_and_counts_for_retention(
    client, built_plan, company_admin, company
):
    from plans import selectors

    client.force_login(company_admin)
    response = client.post(
        reverse("plans:outcome", args=[built_plan.pk, "3m"]),
        {"still_employed": "yes", "role": "Team lead", "progression": "Permanent contract"},
    )
    assert response.status_code == 302
    row = next(r for r in selectors.retention([company.pk]) if r["milestone"] == "3m")
    assert (row["recorded"], row["employed"], row["rate"]) == (1, 1, 100)
    assert client.get(reverse("plans:outcome", args=[built_plan.pk, "5y"])).status_code == 404


def test_an_outcome_without_an_answer_is_refused(client, built_plan, company_admin):
    client.force_login(company_admin)
    response = client.post(reverse("plans:outcome", args=[built_plan.pk, "1y"]), {"role": "Typed"})
    assert "still_employed" in response.context["form"].errors
    assert 'value="Typed"' in response.content.decode()


def test_the_dashboard_shows_retention_to_the_company_admin(client, built_plan, company_admin):
    services.record_outcome(
        built_plan, "3m", company_admin, still_employed=False, role="", progression="", note=""
    )
    client.force_login(company_admin)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Integration plans" in page and "Retention" in page and "0 (0 %)" in page
