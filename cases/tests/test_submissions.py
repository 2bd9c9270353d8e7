import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from wagtail.models import WorkflowState

from accounts.tests.factories import MembershipFactory, UserFactory
from cases.models import CasePage, CaseSubmission

from .factories import load_sample_library

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Night-shift buddies",
    "organisation_name": "Demo Logistics GmbH",
    "country": "DE",
    "region": "Hamburg",
    "sector": "logistics",
    "years": "Since 2021",
    "start_year": "2021",
    "end_year": "",
    "target_groups": ["refugees"],
    "themes": ["mentoring", "onboarding"],
    "summary": "Each new night-shift worker gets a buddy for the first six weeks.",
    "challenge": "New colleagues left within a month.",
    "activities": "We paired every newcomer with a volunteer.\n\nThe buddies met weekly.",
    "results": "",
    "obstacles": "",
    "lessons": "",
    "funding": "",
    "links": "https://example.org/buddies Our programme",
}


@pytest.fixture
def library():
    return load_sample_library()


@pytest.fixture
def member(library):
    membership = MembershipFactory(user=UserFactory(preferred_language="de"))
    return membership.user


@pytest.fixture
def moderator(library):
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Case moderators"))
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def submit(user, language="en", **changes):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client_for(user).post(f"/{language}/case-library/submit/", {**FORM, **changes})


def act(submission, moderator, action, comment=""):
    """What the moderator's button in the Wagtail admin does."""
    state = submission.page.current_workflow_task_state
    with TestCase.captureOnCommitCallbacks(execute=True):
        state.task.specific.on_action(state, moderator, action, comment=comment)


def test_an_anonymous_visitor_is_sent_to_log_in(library):
    response = Client().get("/en/case-library/submit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_someone_without_a_company_cannot_submit(library):
    response = client_for(UserFactory()).post("/en/case-library/submit/", FORM)
    assert response.status_code == 403
    assert not CaseSubmission.objects.exists()


def test_a_submission_is_a_draft_in_moderation_and_the_submitter_is_told_in_their_language(member):
    response = submit(member, language="de")
    assert response.status_code == 302
    submission = CaseSubmission.objects.get()
    page = submission.page.specific
    assert not page.live and page.locale.language_code == "de"
    assert page.themes == ["mentoring", "onboarding"] and page.country == "DE"
    assert (
        page.activities == "<p>We paired every newcomer with a volunteer.</p><p>The buddies met weekly.</p>"
    )
    assert page.links[0].value["label"] == "Our programme"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    submitter_mail = [message for message in mail.outbox if message.to == [member.email]]
    assert len(submitter_mail) == 1
    assert submitter_mail[0].subject == "Wir haben Ihren Fall „Night-shift buddies“ erhalten"


def test_script_tags_and_event_handlers_in_a_submission_are_stripped(member):
    submit(
        member,
        activities='<p onclick="steal()">We <b onmouseover="x()">paired</b> people.</p>'
        '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">link</a>',
        challenge="<style>body{display:none}</style><p>Staff left.</p>",
    )
    page = CaseSubmission.objects.get().page.specific
    for text in (page.activities, page.challenge):
        assert "script" not in text and "onclick" not in text and "onerror" not in text
        assert "onmouseover" not in text and "javascript:" not in text and "style" not in text
        assert "alert" not in text and "steal" not in text
    assert "<b>paired</b>" in page.activities
    assert page.challenge == "<p>Staff left.</p>"


def test_missing_required_fields_get_clear_messages_and_keep_what_was_typed(member):
    response = submit(member, title="", themes=[], activities="   ")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('class="error"') == 3
    assert "This field is required." in body
    assert "Each new night-shift worker gets a buddy" in body  # the summary typed stays
    assert 'value="Hamburg"' in body
    assert not CaseSubmission.objects.exists()


def test_an_upload_that_is_not_an_image_is_refused(member):
    response = client_for(member).post(
        "/en/case-library/submit/",
        {**FORM, "image": SimpleUploadedFile("photo.png", b"not a picture", content_type="image/png")},
    )
    assert response.status_code == 200
    assert not CaseSubmission.objects.exists()
    assert response.context["form"].errors["image"]


def test_asking_for_changes_then_resubmitting_then_approving_publishes_the_case(member, moderator):
    submit(member)
    submission = CaseSubmission.objects.get()
    mail.outbox.clear()

    act(submission, moderator, "reject", comment="Please add the number of buddies.")
    submission.refresh_from_db()
    assert submission.status == CaseSubmission.Status.CHANGES_REQUESTED
    assert submission.moderator_comment == "Please add the number of buddies."
    (message,) = [m for m in mail.outbox if m.to == [member.email]]
    assert "Please add the number of buddies." in message.body
    assert f"/en/case-library/submissions/{submission.pk}/edit/" in message.body

    client = client_for(member)
    form_page = client.get(f"/en/case-library/submissions/{submission.pk}/edit/")
    assert "Night-shift buddies" in form_page.content.decode()
    assert "We paired every newcomer with a volunteer." in form_page.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"/en/case-library/submissions/{submission.pk}/edit/",
            {**FORM, "results": "Twelve buddies so far."},
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == CaseSubmission.Status.IN_REVIEW
    assert submission.page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    mail.outbox.clear()
    act(submission, moderator, "approve")
    page = CasePage.objects.get(pk=submission.page_id)
    assert page.live and page.results == "<p>Twelve buddies so far.</p>"
    submission.refresh_from_db()
    assert submission.status == CaseSubmission.Status.PUBLISHED
    (message,) = [m for m in mail.outbox if m.to == [member.email]]
    assert page.full_url in message.body
    listed = Client().get("/en/cases/", {"q": "buddies"})
    assert page.slug in [case.slug for case in listed.context["cases"]]


def test_declining_ends_the_review_without_publishing(member, moderator):
    submit(member)
    submission = CaseSubmission.objects.get()
    act(submission, moderator, "decline", comment="This is a job advert, not a case.")
    submission.refresh_from_db()
    assert submission.status == CaseSubmission.Status.DECLINED
    assert not submission.page.live
    assert submission.page.current_workflow_state is None
    assert any("job advert" in m.body for m in mail.outbox if m.to == [member.email])


def test_the_review_offers_moderators_decline_besides_wagtails_actions(member, moderator):
    submit(member)
    page = CaseSubmission.objects.get().page
    actions = [name for name, _label, _comment in page.current_workflow_task.get_actions(page, moderator)]
    assert actions == ["reject", "approve", "approve", "decline"]
    assert page.current_workflow_task.get_actions(page, member) == []


def test_a_submission_can_be_edited_only_by_its_submitter_and_only_when_changes_are_asked(member, moderator):
    submit(member)
    submission = CaseSubmission.objects.get()
    other = MembershipFactory().user
    assert client_for(other).get(f"/en/case-library/submissions/{submission.pk}/edit/").status_code == 404
    assert client_for(member).get("/en/case-library/submissions/999999/edit/").status_code == 404
    # In review: the form is not offered, nothing changes.
    response = client_for(member).post(f"/en/case-library/submissions/{submission.pk}/edit/", FORM)
    assert response.status_code == 302
    assert (
        submission.page.get_latest_revision().pk == CaseSubmission.objects.get().page.get_latest_revision().pk
    )


def test_the_submitter_sees_their_submissions_and_where_they_stand(member, moderator):
    submit(member)
    act(CaseSubmission.objects.get(), moderator, "reject", comment="Add figures.")
    response = client_for(member).get("/en/case-library/submissions/")
    body = response.content.decode()
    assert "Night-shift buddies" in body and "Changes requested" in body and "Add figures." in body
