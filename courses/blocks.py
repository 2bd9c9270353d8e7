"""Lesson StreamField blocks.

Later issues add activity blocks (role-play scenarios, case references): append them to
``LESSON_BODY_BLOCKS`` and, when the learner must finish them, name their block type in
``ACTIVITY_BLOCK_TYPES``. Activities report through ``courses.services.record_activity_result``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cases.blocks import CaseReferenceBlock
from h5p.blocks import H5PActivityBlock
from scenarios.blocks import ScenarioBlock


class LessonImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Write 'decorative' to hide it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/lesson_image_block.html"


class LessonVideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(label=_("Captions track (WebVTT)"))
    captions_language = blocks.ChoiceBlock(
        label=_("Language of the captions"),
        choices=[("en", "English"), ("de", "Deutsch"), ("nl", "Nederlands"), ("ar", "العربية")],
        default="en",
    )
    poster = ImageChooserBlock(label=_("Poster image"), required=False)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Everything said."),
    )

    class Meta:
        icon = "media"
        label = _("Video with captions")
        template = "blocks/lesson_video_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("legal", _("Legal note")), ("warning", _("Watch out"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "ul", "ol", "link"])

    class Meta:
        icon = "help"
        label = _("Tip or callout")
        template = "blocks/callout_block.html"


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("What it is for"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable resource")
        template = "blocks/resource_block.html"


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question to reflect on"))
    guidance = blocks.TextBlock(label=_("Hint"), required=False)

    class Meta:
        icon = "edit"
        label = _("Reflection prompt")
        template = "blocks/reflection_block.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=300), min_num=1, label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "blocks/checklist_block.html"


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(label=_("Feedback when chosen"), required=False)


class ChoiceQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(QuizOptionBlock(), min_num=2, label=_("Answers"))

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        error = self.correct_count_error(correct)
        if error:
            raise StructBlockValidationError(block_errors={"options": ValidationError(error)})
        return value

    def correct_count_error(self, correct):
        return None if correct >= 1 else _("Mark at least one answer as correct.")


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    def correct_count_error(self, correct):
        return None if correct == 1 else _("Mark exactly one answer as correct.")

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")


class TrueFalseQuestionBlock(blocks.StructBlock):
    statement = blocks.TextBlock(label=_("Statement"))
    answer = blocks.ChoiceBlock(
        label=_("The statement is"), choices=[("true", _("True")), ("false", _("False"))], default="true"
    )
    feedback_true = blocks.TextBlock(label=_("Feedback when the learner answers 'true'"), required=False)
    feedback_false = blocks.TextBlock(label=_("Feedback when the learner answers 'false'"), required=False)

    class Meta:
        icon = "tick"
        label = _("True or false")


class OrderingQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Question"))
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Step"), max_length=300),
        min_num=2,
        label=_("Steps in the correct order"),
        help_text=_("Learners see them shuffled."),
    )
    feedback_correct = blocks.TextBlock(label=_("Feedback when the order is right"), required=False)
    feedback_incorrect = blocks.TextBlock(label=_("Feedback when the order is wrong"), required=False)

    class Meta:
        icon = "order"
        label = _("Put in order")


class QuizQuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    ordering = OrderingQuestionBlock()

    class Meta:
        min_num = 1


class RetryPolicy:
    UNTIL_PASSED = "until_passed"
    IMPROVE = "improve"
    CHOICES = [
        (UNTIL_PASSED, _("Learners may retry until they pass")),
        (IMPROVE, _("Learners may also retry after passing, to improve their score")),
    ]


class RevealAnswers:
    WHEN_DONE = "when_done"
    NEVER = "never"
    CHOICES = [
        (WHEN_DONE, _("Show the correct answers once the learner passed or has no attempts left")),
        (NEVER, _("Never show the correct answers")),
    ]


class QuizBlock(blocks.StructBlock):
    """A quiz scored on the server: the page never contains which answers are correct."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    introduction = blocks.TextBlock(label=_("Introduction"), required=False)
    questions = QuizQuestionsBlock(label=_("Questions"))
    pass_mark = blocks.IntegerBlock(label=_("Pass mark (%)"), min_value=0, max_value=100, default=70)
    max_attempts = blocks.IntegerBlock(
        label=_("Attempts allowed"), min_value=0, max_value=100, default=0, help_text=_("0 means no limit.")
    )
    retry_policy = blocks.ChoiceBlock(
        label=_("Retries"), choices=RetryPolicy.CHOICES, default=RetryPolicy.UNTIL_PASSED
    )
    reveal_answers = blocks.ChoiceBlock(
        label=_("Correct answers"), choices=RevealAnswers.CHOICES, default=RevealAnswers.WHEN_DONE
    )
    required = blocks.BooleanBlock(label=_("Required to complete the lesson"), default=True, required=False)

    class Meta:
        icon = "form"
        label = _("Quiz")
        template = "blocks/quiz_block.html"

    def get_context(self, value, parent_context=None):
        from .quiz import quiz_view_state

        context = super().get_context(value, parent_context=parent_context)
        context["quiz"] = quiz_view_state(value, parent_context or {})
        return context


# Block types whose HTML depends only on the published content, the language and the URLs they link
# to, never on the learner: ``courses.rendering`` caches their HTML. A new block that shows learner
# state must not be listed here.
STATELESS_BLOCK_TYPES = {"text", "image", "video", "callout", "resource", "checklist"}

# Block types a learner must finish (when their ``required`` flag is set) before a lesson completes.
ACTIVITY_BLOCK_TYPES = {"quiz", "h5p", "scenario"}

LESSON_BODY_BLOCKS = [
    ("text", blocks.RichTextBlock(label=_("Text"), template="blocks/lesson_text_block.html")),
    ("image", LessonImageBlock()),
    ("video", LessonVideoBlock()),
    ("callout", CalloutBlock()),
    ("resource", ResourceBlock()),
    ("reflection", ReflectionBlock()),
    ("checklist", ChecklistBlock()),
    ("quiz", QuizBlock()),
    ("h5p", H5PActivityBlock()),
    ("case_reference", CaseReferenceBlock()),
    ("scenario", ScenarioBlock()),
]


def required_activities(body):
    """The activities of a lesson body that must be finished, as [{"id", "type"}], in page order.

    Computed when the page is saved so completion checks never read page content."""
    found = []
    for child in body:
        if child.block_type not in ACTIVITY_BLOCK_TYPES:
            continue
        value = child.value
        required = value.get("required", True) if hasattr(value, "get") else True
        if required:
            found.append({"id": child.id, "type": child.block_type})
    return found
