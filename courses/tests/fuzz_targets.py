"""The learning endpoints' input surfaces for the fuzz harness (website/tests/fuzzing.py, docs/testing.md)."""

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, ids, url_text


def enrolled_learner(context):
    """A live course with a quiz and a reflection, and a logged-in learner enrolled in it."""
    from django.test import Client

    from accounts.tests.factories import UserFactory
    from courses.services import enrol
    from courses.tests.factories import make_catalogue, make_course, quiz_block, reflection_block, text_block
    from website import demo

    demo.load()
    course = make_course(
        make_catalogue(),
        bodies={
            (0, 1): [text_block("<p>Before the quiz.</p>"), quiz_block()],
            (1, 0): [reflection_block(block_id="reflect-1")],
        },
    )
    learner = UserFactory()
    enrol(learner, course)
    client = Client()
    client.force_login(learner)
    lessons = [page.pk for page in course.get_descendants().live()]
    return {"course": course, "lessons": lessons, "learner_client": client}


def as_learner(context):
    return context["learner_client"]


def course_id(context):
    return st.one_of(st.just(str(context["course"].pk)), ids)


def lesson_id(context):
    return st.one_of(st.sampled_from([str(pk) for pk in context["lessons"]]), ids)


def learning(url_name, method="POST", **kwargs):
    kwargs.setdefault("kwargs", {"course_id": course_id})
    return Target(url_name, method, setup=enrolled_learner, client=as_learner, **kwargs)


block_ids = st.one_of(
    st.sampled_from(["quiz-1", "reflect-1"]), url_text.filter(lambda text: "/" not in text and text)
)
QUIZ_FIELDS = ["q1", "q2", "q3", "q4", "cycle", "next", "attempt"]

TARGETS = [
    learning("courses:enrol", form=form_data(["next"])),
    learning("courses:enrol_others", "GET"),
    learning("courses:enrol_others", form=form_data(["learners"], values=st.one_of(ids, url_text))),
    learning("courses:resume", "GET"),
    learning("courses:take_again", form=form_data(["cycle", "next"], values=st.one_of(ids, url_text))),
    learning("courses:mark_done", kwargs={"lesson_id": lesson_id}, form=form_data(["next"])),
    learning(
        "courses:submit_quiz",
        kwargs={"lesson_id": lesson_id, "block_id": block_ids},
        form=form_data(
            QUIZ_FIELDS, values=st.one_of(st.sampled_from(["o1b", "o2a", "o2c", "false", "i1"]), url_text)
        ),
    ),
    learning(
        "courses:save_reflection",
        kwargs={"lesson_id": lesson_id, "block_id": block_ids},
        form=form_data(["text", "next"]),
    ),
]
