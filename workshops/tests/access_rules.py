"""Permission-matrix entries for workshops: the trainer's cohort screens, joining with a code, the
participant's cohort page and evaluations, the company dashboard and the two admin screens.

The cohort belongs to a training provider of the other side, run by the other organisation's
trainer, with its learner as participant. The matrix's trainer also trains for a provider of their
own (cohorts are run by training providers), so the cohort list and form open for them; the other
provider's cohort still answers 404."""

from django.urls import reverse

from website.tests.access import (
    ADMIN_LOGIN,
    BAD,
    LOGIN,
    NO_ADMIN,
    NOT_FOUND,
    OK,
    Rule,
    everyone,
    get,
    post,
    roles,
)


def build(world):
    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory
    from workshops import services
    from workshops.tests.factories import (
        ProviderFactory,
        make_cohort,
        satisfaction_template,
        self_assessment_template,
    )

    own_provider = ProviderFactory(name="Own Training", slug="own-training")
    MembershipFactory(user=world.users["trainer"], organisation=own_provider, role=Membership.Role.TRAINER)
    world.other_provider = ProviderFactory(name="Other Training", slug="other-training")
    MembershipFactory(
        user=world.other_trainer, organisation=world.other_provider, role=Membership.Role.TRAINER
    )
    world.cohort = make_cohort(
        world.other_trainer,
        world.other_provider,
        [world.course],
        self_assessment=self_assessment_template(),
        satisfaction=satisfaction_template(),
    )
    services.join(world.other_learner, world.cohort)
    world.cohort_day = world.cohort.days.first()
    world.join_code = world.cohort.join_codes.first().code


def cohort_url(name, *args):
    return lambda w: reverse(f"workshops:{name}", args=[w.cohort.pk, *args])


def person_url(name):
    return lambda w: reverse(f"workshops:{name}", args=[w.cohort.pk, w.other_learner.pk])


# Cohorts are visible to their own trainers (and participants) only; superusers included, others 404.
NOT_THEIRS = roles(NOT_FOUND, anonymous=LOGIN)
ADMIN_SCREEN = roles(NO_ADMIN, anonymous=ADMIN_LOGIN, editor=OK, moderator=OK, superuser=OK)

RULES = [
    Rule(
        "workshops:cohorts",
        get(lambda w: reverse("workshops:cohorts")),
        roles(NOT_FOUND, anonymous=LOGIN, trainer=OK),
        note="Trainers of a training provider; lists only the cohorts they run.",
    ),
    Rule(
        "workshops:create",
        get(lambda w: reverse("workshops:create")),
        roles(NOT_FOUND, anonymous=LOGIN, trainer=OK),
    ),
    Rule("workshops:dashboard", get(cohort_url("dashboard")), NOT_THEIRS),
    Rule("workshops:grid", get(cohort_url("grid")), NOT_THEIRS),
    Rule("workshops:qr", get(cohort_url("qr")), NOT_THEIRS),
    Rule("workshops:new_code", post(cohort_url("new_code")), NOT_THEIRS),
    Rule("workshops:invite", post(cohort_url("invite"), {"emails": "someone@example.org"}), NOT_THEIRS),
    Rule("workshops:participant_list", get(cohort_url("participant_list")), NOT_THEIRS),
    Rule(
        "workshops:attendance",
        post(lambda w: reverse("workshops:attendance", args=[w.cohort.pk, w.cohort_day.pk])),
        NOT_THEIRS,
    ),
    Rule("workshops:learner", get(person_url("learner")), NOT_THEIRS),
    Rule(
        "workshops:grant_attempt",
        post(person_url("grant_attempt"), lambda w: {"lesson": w.lesson.pk, "block": "quiz-1"}),
        NOT_THEIRS,
    ),
    Rule(
        "workshops:reset_lesson",
        post(person_url("reset_lesson"), lambda w: {"lesson": w.lesson.pk}),
        NOT_THEIRS,
    ),
    Rule("workshops:export", get(cohort_url("export")), NOT_THEIRS),
    Rule(
        "workshops:issue_certificates",
        post(cohort_url("issue_certificates"), {"minimum_attendance": "0"}),
        NOT_THEIRS,
    ),
    Rule("workshops:facilitate", get(cohort_url("facilitate")), NOT_THEIRS),
    Rule(
        "workshops:facilitate_lesson",
        get(lambda w: reverse("workshops:facilitate_lesson", args=[w.cohort.pk, w.lesson.pk])),
        NOT_THEIRS,
    ),
    Rule(
        "workshops:join",
        post(lambda w: reverse("workshops:join"), {"code": "WRONG-CODE"}),
        everyone(BAD),
        note="A wrong code is refused with a message (400); nothing is joined.",
    ),
    Rule(
        "workshops:join_code",
        get(lambda w: reverse("workshops:join_code", args=[w.join_code])),
        everyone(OK),
        note="The code is the invitation: whoever has it sees the workshop and may join (or sign up).",
    ),
    Rule("workshops:mine", get(lambda w: reverse("workshops:mine", args=[w.cohort.pk])), NOT_THEIRS),
    Rule(
        "workshops:evaluate",
        get(
            lambda w: reverse("workshops:evaluate", args=[w.cohort.pk, w.cohort.self_assessment_id, "before"])
        ),
        NOT_THEIRS,
    ),
    Rule(
        "workshops:company",
        get(lambda w: reverse("workshops:company")),
        roles(NOT_FOUND, anonymous=LOGIN, company_admin=OK),
        note="The company admin sees their own company's people only.",
    ),
    Rule(
        "workshops:company_of",
        get(lambda w: reverse("workshops:company_of", args=[w.org_b.pk])),
        NOT_THEIRS,
    ),
    Rule(
        "workshops_statistics",
        get(lambda w: reverse("workshops_statistics")),
        ADMIN_SCREEN,
        note="Platform-wide aggregates, for everyone who may use the Wagtail admin.",
    ),
    Rule(
        "workshops_evaluations",
        get(lambda w: reverse("workshops_evaluations")),
        ADMIN_SCREEN,
        note="Feedback of the cohorts of courses the person may edit.",
    ),
]
