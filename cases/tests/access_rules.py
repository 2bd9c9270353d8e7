"""Permission-matrix entries for the case library: submitting, the submitter's own list and
revision, the weekly digest, and the two page types. The submission and the digest subscription
belong to a learner of the other organisation (see website/tests/access.py)."""

from django.urls import reverse

from website.tests.access import DENIED, LOGIN, NOT_FOUND, OK, PageRule, Rule, everyone, get, roles

CASE = {
    "title": "Buddies on the night shift",
    "organisation_name": "Other Company",
    "country": "DE",
    "sector": "logistics",
    "summary": "Every newcomer on the night shift is paired with a colleague for six weeks.",
    "target_groups": ["refugees"],
    "themes": ["mentoring"],
    "challenge": "<p>New colleagues left within a month.</p>",
}


def build(world):
    from cases import demo, services
    from cases.models import CaseIndexPage, CaseSubmission
    from cases.tests.factories import SAMPLE_FIXTURE, add_case

    demo.load(fixture=SAMPLE_FIXTURE)
    world.case_index = CaseIndexPage.objects.get(locale__language_code="en")
    world.case = add_case(world.case_index, title="Matrix case", slug="matrix-case")
    world.case_submission = services.submit_case(
        user=world.other_learner, organisation=world.org_b, data=CASE, language="en"
    )
    # Waiting for the submitter's changes: the state in which the edit form would open for them.
    CaseSubmission.objects.filter(pk=world.case_submission.pk).update(
        status=CaseSubmission.Status.CHANGES_REQUESTED
    )
    world.digest_subscription = services.subscribe_to_digest(world.other_learner, "en")


SIGNED_IN = roles(OK, anonymous=LOGIN)

RULES = [
    Rule(
        "cases:submit",
        get(lambda w: reverse("cases:submit")),
        roles(OK, anonymous=LOGIN, editor=DENIED, moderator=DENIED, superuser=DENIED),
        note="A case is sent on behalf of a company the person belongs to; without one, 403 says so.",
    ),
    Rule(
        "cases:submissions",
        get(lambda w: reverse("cases:submissions")),
        SIGNED_IN,
        note="Lists only the person's own submissions.",
    ),
    Rule(
        "cases:edit_submission",
        get(lambda w: reverse("cases:edit_submission", args=[w.case_submission.pk])),
        roles(NOT_FOUND, anonymous=LOGIN),
        note="Only the submitter revises; moderators review in the Wagtail admin's workflow instead.",
    ),
    Rule("cases:digest", get(lambda w: reverse("cases:digest")), SIGNED_IN),
    Rule(
        "cases:unsubscribe",
        get(lambda w: reverse("cases:unsubscribe", args=[w.digest_subscription.token])),
        everyone(OK),
        note="The token from the e-mail is the credential (one-click unsubscribe, RFC 8058).",
    ),
]

PAGES = [
    PageRule("cases.CaseIndexPage", lambda w: w.case_index, everyone(OK)),
    PageRule("cases.CasePage", lambda w: w.case, everyone(OK)),
]
