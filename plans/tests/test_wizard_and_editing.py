import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from plans.models import PlanDraft, PlanTask

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, company_admin):
    client.force_login(company_admin)
    return client


def start_draft(client, company):
    response = client.post(reverse("plans:start", args=[company.slug]))
    assert response.status_code == 302
    return PlanDraft.objects.latest("updated_at")


def hire_data(**changes):
    start = timezone.localdate() + datetime.timedelta(days=30)
    data = {
        "step": "hire",
        "hire_name": "S. H.",
        "hire_role": "Warehouse operative",
        "start_date": start.isoformat(),
        "hire_languages": "Arabic",
        "hire_language": "ar",
        "country": "DE",
        "sector": "logistics",
        "permit_type": "temporary",
        "permit_expires_on": (start + datetime.timedelta(days=300)).isoformat(),
    }
    data.update(changes)
    return data


def test_the_wizard_builds_a_plan_with_dated_tasks_and_owners(admin_client, plan_content, company, colleague):
    draft = start_draft(admin_client, company)
    url = lambda step: reverse("plans:wizard", args=[draft.uuid, step])  # noqa: E731
    assert admin_client.post(url("hire"), hire_data()).status_code == 302
    page = admin_client.get(url("templates"))
    chosen = page.context["form"].initial["templates"]
    assert len(chosen) == 2, "the base plan and the logistics steps are suggested"
    assert admin_client.post(url("templates"), {"step": "templates", "templates": chosen}).status_code == 302
    preview = admin_client.get(url("owners"))
    assert preview.context["preview"]["count"] == 5 + 27 + 3
    response = admin_client.post(
        url("owners"),
        {
            "step": "owners",
            "hr": preview.context["form"].initial["hr"],
            "tutor": colleague.pk,
            "adviser": "Jobcenter",
        },
    )
    assert response.status_code == 302
    plan = company.integration_plans.get()
    assert response["Location"].endswith(reverse("plans:detail", args=[plan.pk]))
    assert plan.tasks.count() == 35
    assert set(plan.tasks.filter(role="tutor").values_list("owner", flat=True)) == {colleague.pk}
    assert set(plan.tasks.filter(role="adviser").values_list("external_owner", flat=True)) == {"Jobcenter"}
    assert not PlanDraft.objects.filter(pk=draft.pk).exists()


def test_autosave_keeps_what_was_typed_without_validating(admin_client, company):
    draft = start_draft(admin_client, company)
    response = admin_client.post(
        reverse("plans:autosave", args=[draft.uuid]),
        {"step": "hire", "hire_name": "S.", "start_date": "not a date"},
    )
    assert response.status_code == 200 and "saved" in response.json()
    draft.refresh_from_db()
    assert draft.data == {"hire_name": "S.", "start_date": "not a date"}
    page = admin_client.get(reverse("plans:wizard", args=[draft.uuid, "hire"]))
    assert 'value="S."' in page.content.decode()


def test_autosave_of_an_unknown_step_is_refused(admin_client, company):
    draft = start_draft(admin_client, company)
    response = admin_client.post(reverse("plans:autosave", args=[draft.uuid]), {"step": "nope"})
    assert response.status_code == 400


def test_someone_elses_draft_answers_404(client, company, company_admin, stranger):
    client.force_login(company_admin)
    draft = start_draft(client, company)
    client.force_login(stranger)
    assert client.get(reverse("plans:wizard", args=[draft.uuid, "hire"])).status_code == 404
    assert client.post(reverse("plans:autosave", args=[draft.uuid]), {"step": "hire"}).status_code == 404


def test_missing_fields_are_named_and_the_typed_text_stays(admin_client, company):
    draft = start_draft(admin_client, company)
    response = admin_client.post(
        reverse("plans:wizard", args=[draft.uuid, "hire"]), hire_data(hire_role="", start_date="")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"hire_role", "start_date"}
    assert 'value="S. H."' in response.content.decode()
    draft.refresh_from_db()
    assert draft.data["hire_name"] == "S. H."


def test_a_permit_that_expires_before_the_start_is_refused(admin_client, company):
    draft = start_draft(admin_client, company)
    start = timezone.localdate() + datetime.timedelta(days=30)
    response = admin_client.post(
        reverse("plans:wizard", args=[draft.uuid, "hire"]),
        hire_data(permit_expires_on=(start - datetime.timedelta(days=1)).isoformat()),
    )
    assert "permit_expires_on" in response.context["form"].errors
    assert "before the start date" in response.context["form"].errors["permit_expires_on"][0]


def test_the_permit_message_is_translated(admin_client, company):
    draft = start_draft(admin_client, company)
    start = timezone.localdate() + datetime.timedelta(days=30)
    with translation.override("de"):
        url = reverse("plans:wizard", args=[draft.uuid, "hire"])
    response = admin_client.post(
        url, hire_data(permit_expires_on=(start - datetime.timedelta(days=1)).isoformat())
    )
    assert "vor dem Starttermin" in response.context["form"].errors["permit_expires_on"][0]


def test_a_start_date_in_the_past_is_allowed_with_a_warning(admin_client, company):
    draft = start_draft(admin_client, company)
    past = timezone.localdate() - datetime.timedelta(days=10)
    response = admin_client.post(
        reverse("plans:wizard", args=[draft.uuid, "hire"]),
        hire_data(start_date=past.isoformat(), permit_expires_on=""),
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith("/templates/")
    assert any("in the past" in str(message) for message in response.context["messages"])


def test_a_nonsense_date_gets_a_message_not_an_error_page(admin_client, company):
    draft = start_draft(admin_client, company)
    response = admin_client.post(
        reverse("plans:wizard", args=[draft.uuid, "hire"]), hire_data(start_date="3000-99-99")
    )
    assert response.status_code == 200 and "start_date" in response.context["form"].errors


def test_the_owners_step_sends_back_to_a_broken_first_step(admin_client, company):
    draft = start_draft(admin_client, company)
    response = admin_client.get(reverse("plans:wizard", args=[draft.uuid, "owners"]))
    assert response.status_code == 302 and response["Location"].endswith("/hire/")


def test_an_unknown_wizard_step_answers_404(admin_client, company):
    draft = start_draft(admin_client, company)
    assert admin_client.get(f"/en/plans/drafts/{draft.uuid}/nope/").status_code == 404


def test_rescheduling_and_reassigning_a_task(admin_client, built_plan, colleague):
    task = built_plan.tasks.get(title="Prepare the workplace, accounts, clothing and keys")
    new_date = built_plan.start_date - datetime.timedelta(days=3)
    response = admin_client.post(
        reverse("plans:task_edit", args=[built_plan.pk, task.pk]),
        {"title": task.title, "due_on": new_date.isoformat(), "owner": colleague.pk},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.due_on == new_date and task.owner == colleague


def test_a_task_of_the_first_weeks_cannot_move_before_the_start(admin_client, built_plan):
    task = built_plan.tasks.get(title="Plan the first week day by day")
    before = built_plan.start_date - datetime.timedelta(days=1)
    response = admin_client.post(
        reverse("plans:task_edit", args=[built_plan.pk, task.pk]),
        {"title": "Typed title", "due_on": before.isoformat(), "owner": ""},
    )
    assert response.status_code == 200
    assert "cannot be moved before" in response.context["form"].errors["due_on"][0]
    assert 'value="Typed title"' in response.content.decode()
    task.refresh_from_db()
    assert task.due_on == built_plan.start_date + datetime.timedelta(days=4)


def test_an_owner_from_another_company_is_refused(admin_client, built_plan, stranger):
    task = built_plan.tasks.first()
    response = admin_client.post(
        reverse("plans:task_edit", args=[built_plan.pk, task.pk]),
        {"title": task.title, "due_on": task.due_on.isoformat(), "owner": stranger.pk},
    )
    assert "owner" in response.context["form"].errors


def test_a_custom_task_is_added_to_a_phase(admin_client, built_plan, colleague):
    phase = built_plan.tasks.get(title="Plan the first week day by day").phase_number
    response = admin_client.post(
        reverse("plans:task_add", args=[built_plan.pk]),
        {
            "title": "Show the canteen",
            "due_on": built_plan.start_date.isoformat(),
            "owner": colleague.pk,
            "role": "tutor",
            "phase": phase,
        },
    )
    assert response.status_code == 302
    task = built_plan.tasks.get(title="Show the canteen")
    assert task.kind == PlanTask.Kind.CUSTOM and task.phase_number == phase


def test_marking_done_keeps_the_note_and_reopening_clears_it(admin_client, built_plan, company_admin):
    task = built_plan.tasks.first()
    url = reverse("plans:task_done", args=[built_plan.pk, task.pk])
    admin_client.post(url, {"note": "Copy filed in the HR folder", "action": "done"})
    task.refresh_from_db()
    assert task.done_at and task.done_by == company_admin and task.done_note == "Copy filed in the HR folder"
    admin_client.post(url, {"action": "reopen"})
    task.refresh_from_db()
    assert task.done_at is None


def test_the_tutor_ticks_their_own_task(client, built_plan, colleague):
    client.force_login(colleague)
    task = built_plan.tasks.filter(owner=colleague).first()
    client.post(reverse("plans:task_done", args=[built_plan.pk, task.pk]), {"note": ""})
    task.refresh_from_db()
    assert task.done_by == colleague


def test_the_checklist_and_timeline_show_the_legal_notice_and_weeks(admin_client, built_plan):
    page = admin_client.get(reverse("plans:detail", args=[built_plan.pk])).content.decode()
    assert "Guidance, not legal advice." in page
    assert "https://www.make-it-in-germany.com/en/visa-residence" in page
    timeline = admin_client.get(reverse("plans:timeline", args=[built_plan.pk]))
    weeks = [week["week"] for week in timeline.context["weeks"]]
    assert weeks == sorted(weeks) and 1 in weeks and -1 in weeks and 0 not in weeks
