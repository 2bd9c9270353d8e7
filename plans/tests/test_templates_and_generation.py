import datetime

import pytest

from plans import content, demo, selectors
from plans.models import LegalChecklist, PlanTask, PlanTemplate

pytestmark = pytest.mark.django_db


def test_loading_the_content_twice_changes_nothing(plan_content):
    counts = (PlanTemplate.objects.count(), LegalChecklist.objects.count())
    assert demo.load_templates() == []
    assert (PlanTemplate.objects.count(), LegalChecklist.objects.count()) == counts


def test_an_editors_change_survives_loading_again(plan_content):
    template = PlanTemplate.objects.get(slug="default", locale__language_code="en")
    template.title = "Our own plan"
    template.save()
    demo.load_templates()
    assert PlanTemplate.objects.get(pk=template.pk).title == "Our own plan"


def test_the_default_template_has_the_four_phases_of_the_employers_guide(plan_content):
    template = PlanTemplate.objects.get(slug="default", locale__language_code="en")
    assert [phase.value["title"] for phase in template.phases] == [
        "Preparing the recruitment",
        "Recruitment",
        "Welcome and integration",
        "Follow-up and evaluation",
    ]


def test_every_sector_of_the_fast_track_paths_has_a_template_in_english_and_german(plan_content):
    for spec in content.SECTOR_TEMPLATES:
        languages = set(
            PlanTemplate.objects.filter(slug=spec["slug"]).values_list("locale__language_code", flat=True)
        )
        assert {"en", "de"} <= languages
    assert len(content.SECTOR_TEMPLATES) == 8


def test_every_legal_check_links_an_official_source_and_has_a_review_date(plan_content):
    countries = set(LegalChecklist.objects.values_list("country", flat=True))
    assert countries == {"DE", "AT", "BE", "IT", "GR", "BG", "EU"}
    for checklist in LegalChecklist.objects.all():
        assert checklist.last_reviewed
        topics = {item.value["topic"] for item in checklist.items}
        assert topics == {"residence", "permit", "recognition", "social-security", "support"}
        assert all(item.value["source_url"].startswith("https://") for item in checklist.items)


def test_translations_share_block_ids_so_a_task_finds_its_text_in_another_language(plan_content):
    english = PlanTemplate.objects.get(slug="default", locale__language_code="en")
    arabic = PlanTemplate.objects.get(slug="default", locale__language_code="ar")
    assert [e["key"] for e in selectors.template_tasks(english)] == [
        e["key"] for e in selectors.template_tasks(arabic)
    ]


def test_a_plan_gets_dated_tasks_with_owners_from_the_roles(built_plan, company_admin, colleague):
    tasks = built_plan.tasks.all()
    legal = tasks.filter(kind=PlanTask.Kind.LEGAL)
    assert legal.count() == 5
    assert all(task.owner == company_admin and task.source_url for task in legal)
    tutor_tasks = tasks.filter(role="tutor")
    assert tutor_tasks and all(task.owner == colleague for task in tutor_tasks)
    welcome = tasks.get(title="Welcome the new colleague in person on the first morning")
    assert welcome.due_on == built_plan.start_date
    prepare = tasks.get(title="Prepare the workplace, accounts, clothing and keys")
    assert prepare.due_on == built_plan.start_date - datetime.timedelta(days=7)
    assert tasks.filter(phase_title="Sector steps").count() == 3
    assert built_plan.legal_checklist_reviewed == content.LAST_REVIEWED


def test_a_plan_in_german_takes_the_german_texts(plan_content, company, company_admin):
    from plans import services

    keys = [str(t.translation_key) for t in selectors.templates_in("de") if t.slug == "default"]
    plan = services.create_plan(
        organisation=company,
        author=company_admin,
        hire={
            "hire_name": "X",
            "hire_role": "Lager",
            "start_date": datetime.date(2027, 1, 4),
            "country": "AT",
            "permit_type": "refugee",
        },
        template_keys=keys,
        owners={},
        language="de",
    )
    assert plan.tasks.filter(title="Eine Willkommensmappe übergeben").exists()
    assert plan.tasks.filter(kind="legal", phase_title="Rechtliche Checkliste: Österreich").count() == 5


def test_the_new_hires_tasks_read_in_their_language(built_plan):
    titles = [task.title for task in selectors.hire_tasks(built_plan, "ar")]
    assert "احضر يوم عملك الأول وتعرّف على فريقك" in titles


def test_demo_load_builds_the_demo_plan_once(db):
    from accounts.tests.factories import OrganisationFactory
    from plans.models import IntegrationPlan

    OrganisationFactory(name="Demo Logistics GmbH", slug="demo-logistics")
    demo.load()
    demo.load()
    plan = IntegrationPlan.objects.get(hire_name="S. H.")
    assert plan.new_hire.email == "newhire@comein.example"
    assert plan.meetings.count() == 1


def test_the_demo_plan_template_links_tasks_to_the_demo_courses_lessons(site_content):
    from courses import demo as courses_demo
    from plans.models import PlanTemplate

    courses_demo.load()
    demo.load_templates()
    for language in ("en", "de"):
        template = PlanTemplate.objects.get(slug="default", locale__language_code=language)
        linked = {
            task["title"]: task["lesson"]
            for phase in template.phases
            for step in phase.value["steps"]
            for task in step["tasks"]
            if task["lesson"] is not None
        }
        assert len(linked) == len(demo.DEMO_LESSONS), language
        assert {lesson.locale.language_code for lesson in linked.values()} == {language}
        assert {lesson.slug for lesson in linked.values()} == set(demo.DEMO_LESSONS.values())
