"""Permission-matrix entries for courses: enrolment, progress actions and the page types. The
course's learner belongs to the other organisation; the acting users are not enrolled."""

from django.urls import reverse

from website.tests.access import (
    ADMIN_LOGIN,
    DENIED,
    DONE,
    LOGIN,
    NO_ADMIN,
    OK,
    PageRule,
    Rule,
    everyone,
    post,
    roles,
)


def build(world):
    from website import demo

    demo.load()
    from courses.services import enrol
    from courses.tests.factories import lessons_of, make_catalogue, make_course

    world.catalogue = make_catalogue()
    world.course = make_course(
        world.catalogue, title="Hiring refugees legally", slug="hiring-legally", modules=1
    )
    world.module = world.course.get_children().live().first().specific
    world.lesson = lessons_of(world.course)[0]
    enrol(world.other_learner, world.course)
    # A second course the matrix's own users may enrol in, so enrolling changes nothing elsewhere.
    world.open_course = make_course(world.catalogue, title="Open course", slug="open-course", modules=1)


LESSON_ACTION = roles(DENIED, anonymous=LOGIN)

RULES = [
    Rule(
        "courses:enrol",
        post(lambda w: reverse("courses:enrol", args=[w.open_course.pk])),
        roles(DONE, anonymous=LOGIN),
        note="Anyone signed in enrols themselves in a published course.",
    ),
    Rule(
        "courses:enrol_others",
        post(
            lambda w: reverse("courses:enrol_others", args=[w.course.pk]),
            lambda w: {"learners": [w.other_learner.pk]},
        ),
        roles(DENIED, anonymous=LOGIN, trainer=OK, company_admin=OK),
        note="Trainers and company admins; the other organisation's learner is not among the choices.",
    ),
    Rule(
        "courses:resume",
        lambda w: ("get", reverse("courses:resume", args=[w.course.pk]), None),
        roles(DONE, anonymous=LOGIN),
    ),
    Rule(
        "courses:take_again",
        post(lambda w: reverse("courses:take_again", args=[w.course.pk])),
        roles(DONE, anonymous=LOGIN),
        note="Without a completed enrolment it explains and goes back; nothing changes.",
    ),
    Rule(
        "courses:mark_done", post(lambda w: reverse("courses:mark_done", args=[w.lesson.pk])), LESSON_ACTION
    ),
    Rule(
        "courses:submit_quiz",
        post(lambda w: reverse("courses:submit_quiz", args=[w.lesson.pk, "no-such-block"])),
        LESSON_ACTION,
    ),
    Rule(
        "courses:save_reflection",
        post(lambda w: reverse("courses:save_reflection", args=[w.lesson.pk, "no-such-block"])),
        LESSON_ACTION,
    ),
    Rule(
        "courses_progress_report",
        lambda w: ("get", reverse("courses_progress_report"), None),
        roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=OK),
    ),
]

PAGES = [
    PageRule("courses.CourseCatalogPage", lambda w: w.catalogue, everyone(OK)),
    PageRule("courses.CoursePage", lambda w: w.course, everyone(OK)),
    PageRule("courses.ModulePage", lambda w: w.module, everyone(OK)),
    PageRule(
        "courses.LessonPage",
        lambda w: w.lesson,
        roles(DENIED, editor=DENIED),
        note="Lessons open to enrolled learners only (403 with a way to enrol).",
    ),
]
