"""The workshops app's input surfaces for the fuzz harness (website/tests/fuzzing.py, docs/testing.md):
the trainer's cohort screens and forms (the participant list as an uploaded CSV file), joining
with a code, the participant's evaluations and the company dashboard."""

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, ids, url_text

BOUNDARY = "fuzzboundary"
COHORT_FIELDS = [
    "organisation",
    "title",
    "courses",
    "days",
    "place",
    "meeting_url",
    "capacity",
    "code_valid_days",
    "stuck_after_days",
    "self_assessment",
    "satisfaction",
]
EMAILS = st.sampled_from(["a@example.org", "a@example.org, b@example.org", "a@b", "x@example.org\x00"])
PHASES = ["before", "after", "end"]


def cohort_with_people(context):
    """A training provider's trainer with a cohort of one course (with a quiz), a participant, and a
    company admin whose learner takes part; each has a logged-in client."""
    from django.test import Client

    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
    from courses.tests.factories import lessons_of, make_catalogue, make_course, quiz_block, text_block
    from website import demo
    from workshops import services
    from workshops.tests.factories import (
        make_cohort,
        make_trainer,
        satisfaction_template,
        self_assessment_template,
    )

    demo.load()
    course = make_course(
        make_catalogue(),
        title="Hiring refugees",
        slug="hiring",
        modules=1,
        lessons_per_module=2,
        bodies={(0, 1): [text_block(), quiz_block(max_attempts=1, pass_mark=100)]},
    )
    trainer, provider = make_trainer()
    cohort = make_cohort(
        trainer,
        provider,
        [course],
        self_assessment=self_assessment_template(),
        satisfaction=satisfaction_template(),
    )
    company = OrganisationFactory()
    admin = UserFactory()
    MembershipFactory(user=admin, organisation=company, role=Membership.Role.COMPANY_ADMIN)
    learner = UserFactory()
    MembershipFactory(user=learner, organisation=company, role=Membership.Role.LEARNER)
    services.join(learner, cohort)
    clients = {}
    for name, user in (("trainer", trainer), ("learner", learner), ("admin", admin)):
        clients[name] = Client()
        clients[name].force_login(user)
    return {
        "cohort": cohort,
        "course": course,
        "lessons": [str(lesson.pk) for lesson in lessons_of(course)],
        "learner": learner,
        "provider": provider,
        "company": company,
        "code": cohort.join_codes.first().code,
        "clients": clients,
    }


def client_of(name):
    return lambda context: context["clients"][name]


def cohort_id(context):
    return st.one_of(st.just(str(context["cohort"].pk)), ids)


def user_id(context):
    return st.one_of(st.just(str(context["learner"].pk)), ids)


def lesson_id(context):
    return st.one_of(st.sampled_from(context["lessons"]), ids)


def day_id(context):
    return st.one_of(st.sampled_from([str(day.pk) for day in context["cohort"].days.all()]), ids)


def template_id(context):
    cohort = context["cohort"]
    return st.one_of(st.sampled_from([str(cohort.self_assessment_id), str(cohort.satisfaction_id)]), ids)


def known_values(context):
    """Ids the forms expect (lessons, the participant, the provider, the course) mixed with hostile text."""
    cohort = context["cohort"]
    valid = context["lessons"] + [
        str(context["learner"].pk),
        str(context["provider"].pk),
        str(context["course"].translation_key),
        str(cohort.self_assessment_id),
        "quiz-1",
        "2026-12-01",
        "5",
    ]
    return st.one_of(st.sampled_from(valid), ids, url_text)


def fields(names):
    return lambda context: form_data(names, values=known_values(context))


def csv_upload(text):
    return (
        (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="file"; filename="people.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + text
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


CSV_FILES = st.one_of(
    st.sampled_from(
        [
            b"first_name,last_name,email\nAmal,Haddad,amal@example.org\n",
            b"\xef\xbb\xbfemail\n=cmd|' /C calc'!A0\n",
            b"email;first_name\nnot-an-email;X\n",
            b"\xff\xfe\x00\x00",
            b"",
            b"a" * 5000,
        ]
    ),
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
).map(csv_upload)


def workshop_target(url_name, method="POST", client="trainer", **kwargs):
    kwargs.setdefault("kwargs", {"cohort_id": cohort_id})
    return Target(url_name, method, setup=cohort_with_people, client=client_of(client), **kwargs)


PERSON = {"cohort_id": cohort_id, "user_id": user_id}

TARGETS = [
    workshop_target("workshops:create", kwargs={}, form=fields(COHORT_FIELDS)),
    workshop_target("workshops:dashboard", "GET"),
    workshop_target("workshops:grid", "GET"),
    workshop_target("workshops:qr", "GET"),
    workshop_target("workshops:new_code", form=form_data(["next"])),
    workshop_target("workshops:invite", form=form_data(["emails"], values=st.one_of(EMAILS, url_text))),
    workshop_target("workshops:participant_list", form=form_data(["action"])),
    workshop_target(
        "workshops:participant_list",
        body=CSV_FILES,
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        label="workshops:participant_list upload",
    ),
    workshop_target(
        "workshops:attendance",
        kwargs={"cohort_id": cohort_id, "day_id": day_id},
        form=fields(["present"]),
    ),
    workshop_target("workshops:learner", "GET", kwargs=PERSON),
    workshop_target("workshops:grant_attempt", kwargs=PERSON, form=fields(["lesson", "block"])),
    workshop_target("workshops:reset_lesson", kwargs=PERSON, form=fields(["lesson"])),
    workshop_target("workshops:export", "GET"),
    workshop_target("workshops:issue_certificates", form=fields(["minimum_attendance"])),
    workshop_target("workshops:facilitate", "GET"),
    workshop_target(
        "workshops:facilitate_lesson", "GET", kwargs={"cohort_id": cohort_id, "lesson_id": lesson_id}
    ),
    Target(
        "workshops:join",
        "POST",
        setup=cohort_with_people,
        form=lambda context: form_data(["code"], values=st.one_of(st.just(context["code"]), url_text)),
    ),
    Target("workshops:join", "GET", setup=cohort_with_people, query=form_data(["code"])),
    Target(
        "workshops:join_code",
        "POST",
        setup=cohort_with_people,
        kwargs={
            "code": lambda context: st.one_of(
                st.just(context["code"]), url_text.filter(lambda text: text and "/" not in text)
            )
        },
        form=form_data(
            ["first_name", "last_name", "email", "password", "accept_privacy"],
            values=st.one_of(EMAILS, st.just("Sturdy-Passw0rd-2026"), url_text),
        ),
    ),
    workshop_target(
        "workshops:join_code",
        client="admin",
        kwargs={
            "code": lambda context: st.one_of(
                st.just(context["code"]), url_text.filter(lambda t: t and "/" not in t)
            )
        },
        form=form_data(["next"]),
        label="workshops:join_code signed in",
    ),
    workshop_target("workshops:mine", "GET", client="learner"),
    workshop_target(
        "workshops:evaluate",
        client="learner",
        kwargs={
            "cohort_id": cohort_id,
            "template_id": template_id,
            "phase": st.one_of(st.sampled_from(PHASES), url_text.filter(lambda t: t and "/" not in t)),
        },
        form=lambda context: form_data(
            ["sa-awareness", "sa-knowledge", "sa-skills", "r1", "o1"],
            values=st.one_of(st.sampled_from(["1", "3", "5", "0", "6"]), url_text),
        ),
    ),
    workshop_target(
        "workshops:company_of",
        "GET",
        client="admin",
        kwargs={"organisation_id": lambda context: st.one_of(st.just(str(context["company"].pk)), ids)},
    ),
]

NO_INPUT = {
    "workshops:cohorts": "lists the signed-in trainer's cohorts; reads nothing from the request",
    "workshops:company": "the signed-in admin's first company; reads nothing from the request",
    "workshops_statistics": "aggregate figures in the Wagtail admin; reads nothing from the request",
    "workshops_evaluations": "cohort feedback in the Wagtail admin; reads nothing from the request",
}
