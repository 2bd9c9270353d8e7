"""Demo content: the platform's plan templates and legal checklists (English source, German, and the
default plan in Dutch and Arabic where the new hire reads it), demo people of Demo Logistics GmbH and
one demo plan. Idempotent: what exists already, an editor's change included, is left alone."""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import Membership, Organisation
from accounts.services import add_member
from courses.selectors import live_lesson_ids

from . import content, services
from .models import IntegrationPlan, LegalChecklist, PlanTemplate

SOURCE = "en"
DEMO_PEOPLE = [
    # email, password, first name, last name, role, language
    ("hr@comein.example", "ComeIn-Company-2026", "Hanna", "Richter", Membership.Role.COMPANY_ADMIN, "de"),
    ("tutor@comein.example", "ComeIn-Tutor-2026", "Tobias", "Wagner", Membership.Role.LEARNER, "de"),
    ("manager@comein.example", "ComeIn-Manager-2026", "Mira", "Schulz", Membership.Role.LEARNER, "en"),
]
DEMO_HIRE = ("newhire@comein.example", "ComeIn-NewHire-2026", "Samir", "Haddad", "ar")


# Tasks of the default plan that a lesson of the demo course prepares for (English task title → lesson
# slug); the link is made in each language the lesson is published in.
DEMO_LESSONS = {
    "Hold an interview that tests skills rather than fluency": "skills-in-practice",
    "Check the residence document and the right to work": "status-and-right-to-work",
    "Start the recognition of qualifications if the job needs it": "recognition-of-qualifications",
    "Tell the team who is coming and why it matters": "working-across-cultures",
    "Plan the first week day by day": "first-three-months",
    "Take stock after three weeks": "first-three-months",
}


def _block_id(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "comein-plans:" + ":".join(str(part) for part in parts)))


def _text(mapping, language):
    return mapping.get(language) or mapping[SOURCE]


def _task_text(task, language):
    return task["text"].get(language) or task["text"][SOURCE]


def template_stream(spec, language):
    lessons = live_lesson_ids(DEMO_LESSONS.values(), language)
    phases = []
    for p_index, phase in enumerate(spec["phases"]):
        steps = []
        for s_index, step in enumerate(phase["steps"]):
            tasks = []
            for t_index, task in enumerate(step["tasks"]):
                title, guidance = _task_text(task, language)
                tasks.append(
                    {
                        "type": "item",
                        "id": _block_id(spec["slug"], p_index, s_index, t_index),
                        "value": {
                            "title": title,
                            "role": task["role"],
                            "offset_days": task["offset_days"],
                            "guidance": guidance,
                            "lesson": lessons.get(DEMO_LESSONS.get(task["text"][SOURCE][0])),
                            "themes": task["themes"],
                        },
                    }
                )
            steps.append(
                {
                    "type": "item",
                    "id": _block_id(spec["slug"], p_index, s_index),
                    "value": {"title": _text(step["title"], language), "tasks": tasks},
                }
            )
        phases.append(
            {
                "type": "phase",
                "id": _block_id(spec["slug"], p_index),
                "value": {"title": _text(phase["title"], language), "steps": steps},
            }
        )
    return phases


def checklist_stream(spec, language):
    items = []
    for index, item in enumerate(spec["items"]):
        title, guidance = item["text"].get(language) or item["text"][SOURCE]
        items.append(
            {
                "type": "item",
                "id": _block_id("legal", spec["country"], index),
                "value": {
                    "topic": item["topic"],
                    "title": title,
                    "guidance": guidance,
                    "offset_days": item["offset_days"],
                    "source_name": item["source_name"],
                    "source_url": item["source_url"],
                },
            }
        )
    return items


def _template_languages(spec):
    if spec["slug"] == "default":
        return ["en", "de", "nl", "ar"]
    return ["en", "de"]


def load_templates():
    created = []
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES
    }
    for spec in [content.DEFAULT_TEMPLATE, *content.SECTOR_TEMPLATES]:
        source = PlanTemplate.objects.filter(slug=spec["slug"], locale=locales[SOURCE]).first()
        if source is None:
            source = PlanTemplate.objects.create(
                slug=spec["slug"],
                locale=locales[SOURCE],
                kind=spec["kind"],
                sector=spec["sector"],
                title=spec["title"][SOURCE],
                summary=spec["summary"][SOURCE],
                phases=template_stream(spec, SOURCE),
            )
            created.append(f"plan template {spec['slug']}")
        for language in _template_languages(spec)[1:]:
            if PlanTemplate.objects.filter(
                translation_key=source.translation_key, locale=locales[language]
            ).exists():
                continue
            PlanTemplate.objects.create(
                translation_key=source.translation_key,
                slug=spec["slug"],
                locale=locales[language],
                kind=spec["kind"],
                sector=spec["sector"],
                title=_text(spec["title"], language),
                summary=_text(spec["summary"], language),
                phases=template_stream(spec, language),
            )
    for spec in content.LEGAL_CHECKLISTS:
        source = LegalChecklist.objects.filter(country=spec["country"], locale=locales[SOURCE]).first()
        if source is None:
            source = LegalChecklist.objects.create(
                country=spec["country"],
                locale=locales[SOURCE],
                title=spec["title"][SOURCE],
                introduction=spec["introduction"][SOURCE],
                last_reviewed=content.LAST_REVIEWED,
                items=checklist_stream(spec, SOURCE),
            )
            created.append(f"legal checklist {spec['country']}")
        if not LegalChecklist.objects.filter(
            translation_key=source.translation_key, locale=locales["de"]
        ).exists():
            LegalChecklist.objects.create(
                translation_key=source.translation_key,
                country=spec["country"],
                locale=locales["de"],
                title=spec["title"]["de"],
                introduction=spec["introduction"]["de"],
                last_reviewed=content.LAST_REVIEWED,
                items=checklist_stream(spec, "de"),
            )
    return created


def _person(email, password, first, last, language, created):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=password, first_name=first, last_name=last, preferred_language=language
        )
        created.append(f"user {email} / {password}")
    return user


def load_demo_plan():
    created = []
    company = Organisation.objects.filter(slug="demo-logistics").first()
    if company is None:
        return created
    people = {}
    for email, password, first, last, role, language in DEMO_PEOPLE:
        people[email] = _person(email, password, first, last, language, created)
        add_member(people[email], company, role)
    hire = _person(*DEMO_HIRE[:4], DEMO_HIRE[4], created)
    if IntegrationPlan.objects.filter(organisation=company, hire_name="S. H.").exists():
        return created
    base = PlanTemplate.objects.get(slug="default", locale__language_code=SOURCE)
    logistics = PlanTemplate.objects.get(slug="logistics", locale__language_code=SOURCE)
    start = timezone.localdate() + datetime.timedelta(days=10)
    plan = services.create_plan(
        organisation=company,
        author=people["hr@comein.example"],
        hire={
            "hire_name": "S. H.",
            "hire_role": "Warehouse operative",
            "start_date": start,
            "hire_languages": "Arabic, English, German A2",
            "hire_language": "ar",
            "country": "DE",
            "sector": "logistics",
            "permit_type": "refugee",
            "permit_expires_on": start + datetime.timedelta(days=400),
        },
        template_keys=[str(base.translation_key), str(logistics.translation_key)],
        owners={
            "hr": people["hr@comein.example"],
            "tutor": people["tutor@comein.example"],
            "manager": people["manager@comein.example"],
        },
        adviser="Jobcenter, Arbeitgeber-Service",
        language="en",
    )
    plan.new_hire = hire
    plan.save(update_fields=["new_hire"])
    plan.tasks.filter(role="hire").update(owner=hire)
    services.schedule_meeting(
        plan,
        people["tutor@comein.example"],
        starts_at=timezone.make_aware(
            datetime.datetime.combine(start + datetime.timedelta(days=2), datetime.time(10, 0))
        ),
        place="Canteen, building B",
        frame="30 minutes, just the two of us.",
        rapport="How was the first day?",
        goal="Know the way through the warehouse and the break times.",
        action_plan="Walk the routes together on Wednesday.",
        evaluation="",
    )
    created.append("demo integration plan for S. H.")
    return created


@transaction.atomic
def load():
    return load_templates() + load_demo_plan()
