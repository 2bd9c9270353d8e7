from wagtail.models import Locale

from courses import demo
from courses.models import CourseCatalogPage, CoursePage, LessonPage, ModulePage


def test_demo_course_has_three_modules_eight_lessons_and_two_quizzes(site_content):
    demo.load()
    course = CoursePage.objects.get(locale__language_code="en")
    assert ModulePage.objects.child_of(course).count() == 3
    lessons = LessonPage.objects.descendant_of(course)
    assert lessons.count() == 8
    assert (
        sum(1 for lesson in lessons for activity in lesson.required_activities if activity["type"] == "quiz")
        == 2
    )


def test_demo_course_is_translated_into_arabic_german_and_dutch(site_content):
    demo.load()
    course = CoursePage.objects.get(locale__language_code="en")
    for code in ("ar", "de", "nl"):
        translated = course.get_translation(Locale.objects.get(language_code=code))
        assert translated.live and translated.title != course.title
        assert LessonPage.objects.descendant_of(translated).live().count() == 8
    arabic = course.get_translation(Locale.objects.get(language_code="ar")).specific
    assert arabic.title == "توظيف اللاجئين: الخطوات الأولى"
    assert arabic.audience.startswith("مديرو") and arabic.prerequisites.startswith("لا شيء")
    assert [objective.id for objective in arabic.learning_objectives] == [
        objective.id for objective in course.learning_objectives
    ]


def test_translated_quiz_keeps_the_block_and_option_ids(site_content):
    demo.load()
    english = LessonPage.objects.get(slug="check-legal-basics", locale__language_code="en")
    arabic = LessonPage.objects.get(slug="check-legal-basics", locale__language_code="ar")
    assert english.required_activities == arabic.required_activities == [{"id": "legal-quiz", "type": "quiz"}]
    assert "من يجب" in str(arabic.body.raw_data)


def test_loading_the_demo_twice_changes_nothing(site_content):
    first = demo.load()
    pages = LessonPage.objects.count()
    assert demo.load() == []
    assert LessonPage.objects.count() == pages == 32 and first


def test_demo_catalogue_appears_in_the_navigation(client, site_content):
    demo.load()
    assert CourseCatalogPage.objects.get(locale__language_code="en").show_in_menus
    html = client.get("/ar/").content.decode()
    assert "الدورات" in html


def test_every_arabic_lesson_keeps_the_english_block_ids(site_content):
    demo.load()
    for english in LessonPage.objects.filter(locale__language_code="en"):
        arabic = LessonPage.objects.get(translation_key=english.translation_key, locale__language_code="ar")
        assert [block.id for block in arabic.body] == [block.id for block in english.body]


def texts_of(raw, found=None):
    """Every piece of learner-facing text in a raw StreamField value (ids and flags left out)."""
    found = set() if found is None else found
    if isinstance(raw, dict):
        for name, value in raw.items():
            if name not in {"id", "type", "kind", "answer", "reveal_answers", "retry_policy"}:
                texts_of(value, found)
    elif isinstance(raw, list):
        for value in raw:
            texts_of(value, found)
    elif isinstance(raw, str) and raw.strip():
        found.add(raw)
    return found


def block_ids_of(raw):
    return [
        (block["type"], block["id"], [child.get("id") for child in block["value"].get("questions", [])])
        if isinstance(block["value"], dict)
        else (block["type"], block["id"], [])
        for block in raw
    ]


def test_every_language_of_the_demo_course_has_its_own_lessons_and_quizzes(site_content):
    demo.load()
    for english in LessonPage.objects.filter(locale__language_code="en"):
        english_texts = texts_of(english.body.raw_data)
        for code in ("ar", "de", "nl"):
            translated = english.get_translation(Locale.objects.get(language_code=code))
            left_in_english = english_texts & texts_of(translated.body.raw_data)
            assert not left_in_english, (code, english.slug, sorted(left_in_english)[:3])
            assert block_ids_of(translated.body.raw_data) == block_ids_of(english.body.raw_data)
            assert translated.required_activities == english.required_activities
