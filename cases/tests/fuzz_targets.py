"""The case library's input surfaces for the fuzz harness (website/tests/fuzzing.py, docs/testing.md):
submitting and revising a case, the digest opt-in and the one-click unsubscribe."""

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, ids, url_text

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
    "activities": "We paired every newcomer with a volunteer.",
    "results": "",
    "obstacles": "",
    "lessons": "",
    "funding": "",
    "links": "https://example.org/buddies Our programme",
}
FIELDS = list(FORM) + ["submitting_for", "image"]

# A valid case with one field replaced by a hostile value, so the checks behind the form are reached;
# and forms of hostile values only.
case_forms = st.one_of(
    st.builds(lambda name, value: {**FORM, name: value}, st.sampled_from(FIELDS), url_text),
    form_data(FIELDS),
)


def member_with_submission(context):
    """The case library, a company member logged in, and one of their submissions awaiting changes."""
    from django.test import Client

    from accounts.tests.factories import MembershipFactory, UserFactory
    from cases import demo, services
    from cases.models import CaseSubmission
    from cases.tests.factories import SAMPLE_FIXTURE
    from website import demo as website_demo

    website_demo.load()
    demo.load(fixture=SAMPLE_FIXTURE)
    membership = MembershipFactory(user=UserFactory())
    data = {**FORM, "start_year": 2021, "end_year": None, "links": []}
    submission = services.submit_case(
        user=membership.user, organisation=membership.organisation, data=data, language="en"
    )
    CaseSubmission.objects.filter(pk=submission.pk).update(status=CaseSubmission.Status.CHANGES_REQUESTED)
    subscription = services.subscribe_to_digest(membership.user, "en")
    client = Client()
    client.force_login(membership.user)
    return {"submission": submission, "subscription": subscription, "member_client": client}


def as_member(context):
    return context["member_client"]


def submission_id(context):
    return st.one_of(st.just(str(context["submission"].pk)), ids)


def token(context):
    return st.one_of(
        st.just(context["subscription"].token), url_text.filter(lambda text: text and "/" not in text)
    )


def case_target(url_name, method="POST", **kwargs):
    return Target(url_name, method, setup=member_with_submission, client=as_member, **kwargs)


TARGETS = [
    case_target("cases:submit", form=case_forms),
    case_target("cases:edit_submission", kwargs={"pk": submission_id}, form=case_forms),
    case_target("cases:digest", form=form_data(["action"], values=st.one_of(st.just("subscribe"), url_text))),
    Target("cases:unsubscribe", "GET", setup=member_with_submission, kwargs={"token": token}),
    Target("cases:unsubscribe", "POST", setup=member_with_submission, kwargs={"token": token}),
]

NO_INPUT = {
    "cases:submissions": "lists the signed-in person's own submissions; reads nothing from the request",
}
