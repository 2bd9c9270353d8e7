"""Lessons go through wagtail-localize's translation workflow (segments extracted, translation made)."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from courses.tests.factories import lessons_of, translate_course


def test_a_quiz_lesson_can_be_submitted_for_translation_with_wagtail_localize(course):
    translate_course(course, "de")  # the parents must exist in German first
    lesson = lessons_of(course)[1]
    source, _created = TranslationSource.get_or_create_from_instance(lesson)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "Who checks the work permit before the first day?" in texts
    assert "FEEDBACK-WRONG-1A" in texts
    german = lesson.get_translation(Locale.objects.get(language_code="de"))
    source.create_or_update_translation(Locale.objects.get(language_code="de"), fallback=True)
    german.refresh_from_db()
    assert german.specific.required_activity_ids == lesson.required_activity_ids


def test_a_lesson_with_an_h5p_block_can_be_submitted_for_translation(catalogue):
    from courses.tests.factories import make_course, text_block

    h5p = {
        "type": "h5p",
        "id": "h5p-1",
        "value": {"package": None, "completion": "statement", "required": True},
    }
    course = make_course(
        catalogue,
        slug="h5p-course",
        modules=1,
        lessons_per_module=1,
        bodies={(0, 0): [text_block("<p>Watch this.</p>"), h5p]},
    )
    lesson = lessons_of(course)[0]
    source, _created = TranslationSource.get_or_create_from_instance(lesson)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "Watch this." in texts


def test_starting_a_translation_keeps_it_a_draft_until_it_is_published(
    course, client, django_capture_on_commit_callbacks
):
    from wagtail_localize.operations import translate_object

    german = Locale.objects.get(language_code="de")
    catalogue = course.get_parent().specific
    catalogue.copy_for_translation(german).specific.save_revision().publish()
    # What "Translate this page" in the admin does (wagtail_localize.views.submit_translations).
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translate_object(course, [german])
    translation = course.get_translation(german)
    assert not translation.live and translation.has_unpublished_changes
    assert client.get(translation.url).status_code == 404
    translation.get_latest_revision().publish()
    translation.refresh_from_db()
    assert translation.live
