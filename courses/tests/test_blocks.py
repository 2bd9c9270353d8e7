"""Each lesson block renders accessibly: alt text, captions and transcript, labelled regions."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file

from courses.tests.factories import lessons_of, make_course


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def media_lesson(catalogue, learner):
    from wagtail.images.models import Image

    from courses import services

    image = Image.objects.create(title="Team meeting", file=get_test_image_file())
    video = Document.objects.create(title="Interview", file=ContentFile(b"\x00" * 16, name="interview.mp4"))
    captions = Document.objects.create(
        title="Captions", file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello", name="interview.vtt")
    )
    handout = Document.objects.create(title="Checklist", file=ContentFile(b"%PDF-1.4", name="checklist.pdf"))
    body = [
        {
            "type": "image",
            "id": "img",
            "value": {
                "image": image.pk,
                "alt_text": "Five colleagues at a table",
                "caption": "Weekly team meeting",
            },
        },
        {
            "type": "image",
            "id": "deco",
            "value": {"image": image.pk, "alt_text": "decorative", "caption": ""},
        },
        {
            "type": "video",
            "id": "vid",
            "value": {
                "title": "An HR manager explains",
                "video": video.pk,
                "captions": captions.pk,
                "captions_language": "en",
                "poster": None,
                "transcript": "<p>TRANSCRIPT-TEXT</p>",
            },
        },
        {
            "type": "resource",
            "id": "res",
            "value": {
                "document": handout.pk,
                "title": "Printable checklist",
                "description": "For the first day.",
            },
        },
        {
            "type": "callout",
            "id": "call",
            "value": {"kind": "legal", "title": "Check the permit", "text": "<p>Before the contract.</p>"},
        },
        {
            "type": "checklist",
            "id": "list",
            "value": {"title": "First day", "items": [{"type": "item", "id": "a", "value": "Badge"}]},
        },
    ]
    course = make_course(catalogue, slug="media", modules=1, lessons_per_module=1, bodies={(0, 0): body})
    services.enrol(learner, course)
    return lessons_of(course)[0]


def test_image_block_has_alt_text_and_decorative_images_an_empty_alt(learner_client, media_lesson):
    html = learner_client.get(media_lesson.url).content.decode()
    assert (
        'alt="Five colleagues at a table"' in html and "<figcaption>Weekly team meeting</figcaption>" in html
    )
    assert 'alt=""' in html


def test_video_block_has_a_captions_track_and_a_transcript(learner_client, media_lesson):
    html = learner_client.get(media_lesson.url).content.decode()
    assert '<track kind="captions"' in html and 'srclang="en"' in html and "interview" in html
    assert "TRANSCRIPT-TEXT" in html and 'aria-describedby="transcript-vid"' in html


def test_resource_callout_and_checklist_blocks_render(learner_client, media_lesson):
    html = learner_client.get(media_lesson.url).content.decode()
    assert "Printable checklist" in html and "(PDF)" in html
    assert 'role="note"' in html and "Legal note" in html and "Check the permit" in html
    assert "First day" in html and "Badge" in html


def test_lesson_without_activities_is_reading_only(media_lesson):
    assert media_lesson.is_reading_only and media_lesson.required_activities == []
