"""A person with data in every category the platform keeps, for the export and erasure tests.

Rows are made through each app's own services and factories where they exist, so they look like
real use; what a test needs to find again is returned in a ``SeededPerson``."""

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

NAME = ("Zainab", "Haddad-Quenby")
EMAIL = "zainab.haddad-quenby@newcomer.example"


@dataclass
class SeededPerson:
    user: object
    others: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)


def seed_person(*, with_destination=True):
    from accounts.models import Membership
    from accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
    from cases.tests.factories import load_sample_library
    from cases.tests.test_submissions import FORM
    from certificates.tests.factories import CertificateFactory
    from courses.models import ActivityProgress, LessonProgress, QuizAttempt, ReflectionAnswer
    from courses.tests.factories import EnrolmentFactory, make_catalogue, make_course
    from h5p.models import H5PActivityResult, H5PContentUserData, H5PPackage
    from plans.models import HireInvitation
    from plans.tests.factories import IntegrationPlanFactory
    from privacy.models import Consent
    from privacy.services import record_consent
    from scenarios.models import LiveSession, Participant, ScenarioPlay
    from scenarios.tests.factories import make_scenario
    from tracking import services as tracking
    from tracking.tests.factories import ForwardingDestinationFactory
    from workshops import services as workshops
    from workshops.tests.factories import make_cohort, make_trainer, self_assessment_template

    load_sample_library()  # the site shell in four languages and the case library
    destination = ForwardingDestinationFactory() if with_destination else None
    company = OrganisationFactory(name="Nordhafen Logistics")
    user = UserFactory(first_name=NAME[0], last_name=NAME[1], email=EMAIL, preferred_language="ar")
    MembershipFactory(user=user, organisation=company, role=Membership.Role.LEARNER)
    record_consent(user, occasion=Consent.Occasion.SIGN_UP, version=1)

    catalogue = make_catalogue()
    course = make_course(
        catalogue, title="Welcome at work", slug="welcome-at-work", modules=1, lessons_per_module=1
    )
    lesson = course.get_children().first().get_children().first().specific
    enrolment = EnrolmentFactory(user=user, course_key=course.translation_key, progress_percent=50)
    LessonProgress.objects.create(
        enrolment=enrolment, lesson_key=lesson.translation_key, module_key=lesson.get_parent().translation_key
    )
    ActivityProgress.objects.create(enrolment=enrolment, lesson_key=lesson.translation_key, block_id="quiz-1")
    QuizAttempt.objects.create(
        enrolment=enrolment,
        lesson_key=lesson.translation_key,
        block_id="quiz-1",
        number=1,
        responses={"q1": ["o2"]},
        result={"score": 1},
        score_scaled=1.0,
        passed=True,
    )
    ReflectionAnswer.objects.create(
        user=user,
        lesson_key=lesson.translation_key,
        block_id="reflect-1",
        text="I will learn the night-shift rota.",
    )

    package = H5PPackage.objects.create(
        title="True or false: permits",
        main_library="H5P.TrueFalse",
        main_library_version="1.8",
        storage_prefix=f"h5p/{uuid.uuid4()}",
        uploaded_at=timezone.now(),
    )
    H5PActivityResult.objects.create(
        user=user, package=package, lesson=lesson, block_id="h5p-1", passed=True, score_scaled=0.9, attempts=1
    )
    H5PContentUserData.objects.create(
        user=user, package=package, lesson=lesson, block_id="h5p-1", data='{"answer": true}'
    )

    # The platform's statements; with XAPI_ACTOR_USES_EMAIL their actor carries the name and address.
    statements = [
        tracking.record(
            user=user, verb="completed", activity_id=tracking.activity_iri("lesson", lesson.translation_key)
        ),
        tracking.record(
            user=user,
            verb="passed",
            activity_id=tracking.activity_iri("quiz", "quiz-1"),
            result={"success": True},
        ),
    ]

    certificate = CertificateFactory(user=user, course_key=course.translation_key)

    scenario = make_scenario()
    ScenarioPlay.objects.create(user=user, scenario_key=scenario.translation_key, choices=["greet"])
    trainer, provider = make_trainer(first_name="Tomasz", last_name="Trainer")
    session = LiveSession.objects.create(
        scenario=scenario, trainer=trainer, code="PRV123", expires_at=timezone.now() + timedelta(hours=2)
    )
    Participant.objects.create(session=session, user=user, role_key="hr")

    cohort = make_cohort(trainer, provider, [course], title="Welcome workshop Hamburg")
    workshops.join(user, cohort)
    day = cohort.days.order_by("date").first()
    workshops.mark_attendance(trainer, cohort, day, [user.pk])
    template = self_assessment_template()
    workshops.submit_evaluation(
        user, cohort, template, "before", {f"item-sa-{c}": "4" for c in ("awareness", "knowledge", "skills")}
    )
    other = UserFactory(first_name="Other", last_name="Participant")
    workshops.join(other, cohort)

    # Another learner's statements, sent by an authoring tool, that name the person: as the
    # instructor, and as the agent the statement is about. They must lose the name, not be voided.
    from tracking.store import key_authority, store_statements
    from tracking.tests.factories import LRSKeyFactory

    named = {"objectType": "Agent", "name": f"{NAME[0]} {NAME[1]}", "mbox": f"mailto:{EMAIL}"}
    other_actor = {"objectType": "Agent", "name": "Other Participant", "mbox": "mailto:other@example.org"}
    mentions = [
        {
            "id": str(uuid.uuid4()),
            "actor": other_actor,
            "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
            "object": {"id": "https://example.org/xapi/activities/welcome-workshop"},
            "context": {"instructor": named},
        },
        {
            "id": str(uuid.uuid4()),
            "actor": other_actor,
            "verb": {"id": "http://id.tincanapi.com/verb/mentored"},
            "object": named,
        },
    ]
    store_statements(
        mentions, organisation=company, authority=key_authority(LRSKeyFactory(organisation=company))
    )

    plan = IntegrationPlanFactory(
        organisation=company,
        new_hire=user,
        hire_name=f"{NAME[0]} {NAME[1]}",
        hire_languages="Arabic, Kurdish, some German",
        permit_type="refugee",
        permit_expires_on=date.today() + timedelta(days=400),
    )
    HireInvitation.objects.create(plan=plan, email=EMAIL)

    from cases.services import submit_case

    submission = submit_case(
        user=user,
        organisation=company,
        data={**FORM, "links": [], "start_year": 2021, "end_year": None},
        language="en",
    )

    return SeededPerson(
        user=user,
        others={"trainer": trainer, "participant": other},
        objects={
            "course": course,
            "lesson": lesson,
            "statements": statements,
            "mentions": [item["id"] for item in mentions],
            "certificate": certificate,
            "cohort": cohort,
            "plan": plan,
            "submission": submission,
            "session": session,
            "destination": destination,
        },
    )
