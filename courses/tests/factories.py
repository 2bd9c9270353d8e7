"""Builders for course trees and quiz bodies with known block and option ids."""

import json
import uuid

import factory
from wagtail.models import Locale

from accounts.tests.factories import UserFactory
from courses.models import CourseCatalogPage, CoursePage, Enrolment, LessonPage, ModulePage
from website.models import HomePage


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    user = factory.SubFactory(UserFactory)
    course_key = factory.LazyFunction(uuid.uuid4)


def text_block(html="<p>Read this.</p>", block_id=None):
    return {"type": "text", "value": html, "id": block_id or str(uuid.uuid4())}


def reflection_block(prompt="What will you change in your team?", block_id=None):
    return {
        "type": "reflection",
        "value": {"prompt": prompt, "guidance": ""},
        "id": block_id or str(uuid.uuid4()),
    }


def quiz_block(block_id="quiz-1", pass_mark=100, max_attempts=0, retry_policy="until_passed", required=True):
    """A quiz with one question of each kind. Correct answers: q1 → o1b, q2 → o2a+o2c, q3 → false,
    q4 → i1, i2, i3 in that order."""
    return {
        "type": "quiz",
        "id": block_id,
        "value": {
            "title": "Check your knowledge",
            "introduction": "",
            "pass_mark": pass_mark,
            "max_attempts": max_attempts,
            "retry_policy": retry_policy,
            "reveal_answers": "when_done",
            "required": required,
            "questions": [
                {
                    "type": "single_choice",
                    "id": "q1",
                    "value": {
                        "question": "Who checks the work permit before the first day?",
                        "options": [
                            {
                                "type": "item",
                                "id": "o1a",
                                "value": {
                                    "text": "The new colleague alone",
                                    "correct": False,
                                    "feedback": "FEEDBACK-WRONG-1A",
                                },
                            },
                            {
                                "type": "item",
                                "id": "o1b",
                                "value": {
                                    "text": "The employer",
                                    "correct": True,
                                    "feedback": "FEEDBACK-RIGHT-1B",
                                },
                            },
                        ],
                    },
                },
                {
                    "type": "multiple_choice",
                    "id": "q2",
                    "value": {
                        "question": "Which documents help recognise a qualification?",
                        "options": [
                            {
                                "type": "item",
                                "id": "o2a",
                                "value": {"text": "Diploma", "correct": True, "feedback": ""},
                            },
                            {
                                "type": "item",
                                "id": "o2b",
                                "value": {
                                    "text": "Bus ticket",
                                    "correct": False,
                                    "feedback": "FEEDBACK-WRONG-2B",
                                },
                            },
                            {
                                "type": "item",
                                "id": "o2c",
                                "value": {"text": "Work references", "correct": True, "feedback": ""},
                            },
                        ],
                    },
                },
                {
                    "type": "true_false",
                    "id": "q3",
                    "value": {
                        "statement": "A residence permit always allows any job.",
                        "answer": "false",
                        "feedback_true": "FEEDBACK-TF-TRUE",
                        "feedback_false": "FEEDBACK-TF-FALSE",
                    },
                },
                {
                    "type": "ordering",
                    "id": "q4",
                    "value": {
                        "question": "Put the hiring steps in order.",
                        "items": [
                            {"type": "item", "id": "i1", "value": "Check the permit"},
                            {"type": "item", "id": "i2", "value": "Sign the contract"},
                            {"type": "item", "id": "i3", "value": "Welcome on the first day"},
                        ],
                        "feedback_correct": "FEEDBACK-ORDER-RIGHT",
                        "feedback_incorrect": "FEEDBACK-ORDER-WRONG",
                    },
                },
            ],
        },
    }


CORRECT_ANSWERS = {
    "q-q1": ["o1b"],
    "q-q2": ["o2a", "o2c"],
    "q-q3": ["false"],
    "q-q4-i1": ["1"],
    "q-q4-i2": ["2"],
    "q-q4-i3": ["3"],
}
WRONG_ANSWERS = {
    "q-q1": ["o1a"],
    "q-q2": ["o2b"],
    "q-q3": ["true"],
    "q-q4-i1": ["3"],
    "q-q4-i2": ["2"],
    "q-q4-i3": ["1"],
}


def english_home():
    return HomePage.objects.get(locale__language_code="en")


def make_catalogue(home=None, title="Courses", slug="courses"):
    home = home or english_home()
    existing = CourseCatalogPage.objects.child_of(home).filter(slug=slug).first()
    if existing:
        return existing
    catalogue = CourseCatalogPage(title=title, slug=slug)
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    return catalogue


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_course(
    catalogue,
    *,
    title="Hiring refugees",
    slug="hiring",
    modules=2,
    lessons_per_module=2,
    bodies=None,
    **fields,
):
    """A published course. ``bodies`` maps (module index, lesson index) to a list of raw blocks."""
    bodies = bodies or {}
    fields.setdefault("summary", "What employers need to know.")
    course = _publish(catalogue, CoursePage(title=title, slug=slug, **fields))
    for m in range(modules):
        module = _publish(
            course, ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}", summary="Module")
        )
        for n in range(lessons_per_module):
            body = bodies.get((m, n), [text_block(f"<p>Lesson {m + 1}.{n + 1}</p>")])
            _publish(
                module,
                LessonPage(
                    title=f"Lesson {m + 1}.{n + 1}",
                    slug=f"lesson-{m + 1}-{n + 1}",
                    summary="A lesson",
                    body=json.dumps(body),
                ),
            )
    return course


def lessons_of(course):
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def translate_course(course, language_code):
    """Translate the catalogue, course, modules and lessons into ``language_code`` (copies)."""
    locale = Locale.objects.get(language_code=language_code)
    catalogue = course.get_parent().specific
    if catalogue.get_translation_or_none(locale) is None:
        catalogue.copy_for_translation(locale).specific.save_revision().publish()
    translated = course.copy_for_translation(locale, copy_parents=True)
    translated.title = f"{course.title} ({language_code})"
    translated.save_revision().publish()
    for module in ModulePage.objects.child_of(course).order_by("path"):
        module_copy = module.copy_for_translation(locale)
        module_copy.save_revision().publish()
        for lesson in LessonPage.objects.child_of(module).order_by("path"):
            lesson_copy = lesson.copy_for_translation(locale)
            lesson_copy.save_revision().publish()
    return CoursePage.objects.get(pk=translated.pk)
