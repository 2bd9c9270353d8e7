"""StreamField blocks of plan templates and legal checklists.

A template is one StreamField of phases; each phase holds steps and each step holds tasks. Keeping
the tree in one field lets wagtail-localize translate a whole template as one object, and block ids
stay the same in every translation, so a plan task can find its text in another language."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .vocabulary import COUNTRY_TOPICS, ROLES, THEMES


class TemplateTaskBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Task"), max_length=200)
    role = blocks.ChoiceBlock(choices=ROLES, label=_("Default role"), default="hr")
    offset_days = blocks.IntegerBlock(
        label=_("Due, in days from the start date"),
        help_text=_("Negative before the first working day: -14 is two weeks before, 7 is week 2."),
        default=0,
    )
    guidance = blocks.TextBlock(label=_("Guidance"), required=False)
    lesson = blocks.PageChooserBlock(
        page_type="courses.LessonPage", required=False, label=_("Related lesson")
    )
    themes = blocks.MultipleChoiceBlock(choices=THEMES, required=False, label=_("Themes (for related cases)"))

    class Meta:
        icon = "tick"
        label = _("Task")


class TemplateStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    tasks = blocks.ListBlock(TemplateTaskBlock(), label=_("Tasks"))

    class Meta:
        icon = "list-ol"
        label = _("Step")


class TemplatePhaseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Phase"), max_length=200)
    steps = blocks.ListBlock(TemplateStepBlock(), label=_("Steps"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Phase")


class LegalItemBlock(blocks.StructBlock):
    topic = blocks.ChoiceBlock(choices=COUNTRY_TOPICS, label=_("Topic"))
    title = blocks.CharBlock(label=_("Check"), max_length=200)
    guidance = blocks.TextBlock(label=_("Guidance"))
    offset_days = blocks.IntegerBlock(label=_("Due, in days from the start date"), default=-14)
    source_name = blocks.CharBlock(label=_("Official source"), max_length=200)
    source_url = blocks.URLBlock(label=_("Link to the official source"))

    class Meta:
        icon = "doc-full"
        label = _("Legal check")
