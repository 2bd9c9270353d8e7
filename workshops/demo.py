"""Demo content for workshops: a training provider with a trainer, the company "Demo Logistics GmbH"
with a company admin and five employees at different stages of the demo course, and a cohort in
progress with attendance and self-assessments. Loading twice changes nothing."""

import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from accounts import selectors as accounts_selectors
from accounts import services as accounts_services
from courses import selectors as courses_selectors
from courses import services as courses_services

from . import services
from .models import Cohort, EvaluationTemplate

PROVIDER = {"slug": "come-in-training", "name": "COME IN Training Partners", "country": "BE"}
COMPANY_SLUG = "demo-logistics"
COURSE_SLUG = "hiring-refugees-first-steps"
COHORT_TITLE = "Hiring refugees — workshop for Demo Logistics"

# email, password, first name, last name, role in the demo, how far into the course
TRAINER = ("trainer@comein.example", "ComeIn-Trainer-2026", "Tarek", "Trainer")
COMPANY_ADMIN = ("company@comein.example", "ComeIn-Company-2026", "Clara", "Becker")
EMPLOYEE_PASSWORD = "ComeIn-Employee-2026"
EMPLOYEES = [
    ("employee1@comein.example", "Amina", "Yousef", "complete"),
    ("employee2@comein.example", "Bilal", "Haddad", "half"),
    ("employee3@comein.example", "Carla", "Meyer", "first"),
    ("employee4@comein.example", "Dawit", "Bekele", "stuck"),
    ("employee5@comein.example", "Elif", "Kaya", "enrolled"),
]

DEMO_LOGINS = [
    ("trainer (/en/workshops/)", TRAINER[0], TRAINER[1]),
    ("company admin (/en/workshops/company/)", COMPANY_ADMIN[0], COMPANY_ADMIN[1]),
] + [(f"employee, {stage}", email, EMPLOYEE_PASSWORD) for email, _f, _l, stage in EMPLOYEES]

SELF_ASSESSMENT = [
    ("awareness", "I know which barriers refugees meet when they look for work in our country."),
    ("awareness", "I notice when a colleague's cultural habits are misread in our team."),
    ("knowledge", "I can tell a residence status from a permission to work."),
    ("knowledge", "I know where a qualification obtained abroad is recognised."),
    ("skills", "I can plan the first weeks of a new colleague with a buddy."),
    ("skills", "I can keep track of work permits that are about to expire."),
]
SATISFACTION = [
    ("rating", "How useful was the workshop for your daily work?"),
    ("rating", "How well did the trainer connect theory, practice and the workplace?"),
    ("open", "What should we change or add next time?"),
]


def _user(email, password, first, last):
    User = get_user_model()
    user = accounts_selectors.user_with_email(email)
    if user is None:
        user = User.objects.create_user(email=email, password=password, first_name=first, last_name=last)
        return user, True
    return user, False


def _templates():
    self_assessment = EvaluationTemplate.objects.filter(title="COME IN competences: self-assessment").first()
    if self_assessment is None:
        self_assessment = EvaluationTemplate.objects.create(
            title="COME IN competences: self-assessment",
            kind=EvaluationTemplate.Kind.SELF_ASSESSMENT,
            introduction="Rate each statement before the workshop and again after it.",
            items=json.dumps(
                [
                    {"type": "self_assessment", "id": f"sa-{n}", "value": {"competence": c, "statement": s}}
                    for n, (c, s) in enumerate(SELF_ASSESSMENT)
                ]
            ),
        )
    satisfaction = EvaluationTemplate.objects.filter(title="Workshop feedback").first()
    if satisfaction is None:
        satisfaction = EvaluationTemplate.objects.create(
            title="Workshop feedback",
            kind=EvaluationTemplate.Kind.SATISFACTION,
            introduction="Your answers help us improve the training.",
            items=json.dumps(
                [
                    {"type": kind, "id": f"fb-{n}", "value": {"question": text}}
                    for n, (kind, text) in enumerate(SATISFACTION)
                ]
            ),
        )
    return self_assessment, satisfaction


def correct_answers(quiz_value, attempt):
    """The POST a learner who knows every answer sends (read from the quiz block)."""
    data = QueryDict(mutable=True)
    for question in quiz_value["questions"]:
        name = f"q-{question.id}"
        value = question.value
        if question.block_type == "true_false":
            data.setlist(name, ["true" if value["answer"] == "true" or value["answer"] is True else "false"])
        elif question.block_type in ("single_choice", "multiple_choice"):
            data.setlist(name, [item.id for item in value["options"].bound_blocks if item.value["correct"]])
        elif question.block_type == "ordering":
            for position, item in enumerate(value["items"].bound_blocks, start=1):
                data[f"{name}-{item.id}"] = str(position)
    data["attempt"] = str(attempt)
    return data


def _complete(person, lesson):
    if lesson.is_reading_only:
        courses_services.mark_lesson_done(person, lesson)
        return
    for block in lesson.body:
        if block.block_type == "quiz":
            courses_services.submit_quiz(person, lesson, block.id, correct_answers(block.value, 1))


def load():
    created = []
    course = next((page for page in courses_selectors.course_choices() if page.slug == COURSE_SLUG), None)
    company = accounts_selectors.organisation_by_slug(COMPANY_SLUG)
    if course is None or company is None:
        return created
    with transaction.atomic():
        provider, made = accounts_services.training_provider(**PROVIDER)
        if made:
            created.append(f"organisation {provider.name}")
        trainer, made = _user(*TRAINER)
        accounts_services.add_member(trainer, provider, "trainer")
        if made:
            created.append(f"user {trainer.email}")
        admin, made = _user(*COMPANY_ADMIN)
        accounts_services.add_member(admin, company, "company_admin")
        if made:
            created.append(f"user {admin.email}")
        employees = []
        for email, first, last, stage in EMPLOYEES:
            person, made = _user(email, EMPLOYEE_PASSWORD, first, last)
            accounts_services.add_member(person, company)
            employees.append((person, stage))
            if made:
                created.append(f"user {email}")
        self_assessment, satisfaction = _templates()
        if Cohort.objects.filter(organisation=provider, title=COHORT_TITLE).exists():
            return created
        today = timezone.localdate()
        cohort = services.create_cohort(
            trainer,
            organisation=provider,
            title=COHORT_TITLE,
            course_keys=[course.translation_key],
            days=[today - timedelta(days=7), today, today + timedelta(days=7)],
            capacity=20,
            place="Demo Logistics GmbH, training room, Hamburg",
            meeting_url="https://meet.example.org/come-in-demo",
            code_valid_days=30,
            self_assessment=self_assessment,
            satisfaction=satisfaction,
        )
        created.append(f"cohort {COHORT_TITLE} (join code {cohort.join_codes.get().code})")
        lessons = [
            courses_selectors.live_lesson(row["pk"]) for row in courses_selectors.course_lessons(course)
        ]
        for person, stage in employees:
            services.join(person, cohort)
            count = {"complete": len(lessons), "half": len(lessons) // 2, "first": 1, "stuck": 2}.get(
                stage, 0
            )
            for lesson in lessons[:count]:
                _complete(person, lesson)
        first_day = cohort.days.order_by("date").first()
        services.mark_attendance(trainer, cohort, first_day, [person.pk for person, _stage in employees[:4]])
        stuck = next(person for person, stage in employees if stage == "stuck")
        courses_services.set_last_activity(stuck, course, timezone.now() - timedelta(days=20))
        for n, (person, _stage) in enumerate(employees):
            before = {f"sa-{i}": 2 + (n + i) % 2 for i in range(len(SELF_ASSESSMENT))}
            services.submit_evaluation(person, cohort, self_assessment, "before", _answers(before))
        for person, _stage in employees[:2]:
            after = {f"sa-{i}": 4 + i % 2 for i in range(len(SELF_ASSESSMENT))}
            services.submit_evaluation(person, cohort, self_assessment, "after", _answers(after))
        services.submit_evaluation(
            employees[0][0],
            cohort,
            satisfaction,
            "end",
            _answers({"fb-0": 5, "fb-1": 4, "fb-2": "More time for the role play with the works council."}),
        )
    return created


def _answers(values):
    return {f"item-{key}": str(value) for key, value in values.items()}
