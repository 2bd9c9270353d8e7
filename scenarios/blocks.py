"""The blocks a scenario is written in, and the lesson block that plays a scenario.

Keys (``RegexBlock``) link choices to scenes and endings. wagtail-localize leaves them untouched
while it offers every text (titles, situations, choices, feedback, debriefs) for translation, so
every language version has the same graph."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

KEY_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"


def key_block(label, help_text, required=True):
    return blocks.RegexBlock(
        regex=KEY_PATTERN,
        label=label,
        required=required,
        help_text=help_text,
        error_messages={"invalid": _("Use lower-case letters, digits and hyphens, e.g. 'first-day'.")},
    )


def effect_block(label):
    return blocks.IntegerBlock(label=label, default=0, min_value=-5, max_value=5, required=False)


class RoleBlock(blocks.StructBlock):
    key = key_block(_("Key"), _("Scenes name the role who decides by this key, e.g. 'team-lead'."))
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    description = blocks.TextBlock(label=_("Who this is"), required=False)

    class Meta:
        icon = "user"
        label = _("Role")


class ScenarioChoiceBlock(blocks.StructBlock):
    key = key_block(_("Key"), _("Unique within the scene, e.g. 'ask-directly'."))
    text = blocks.CharBlock(label=_("What the person does or says"), max_length=300)
    leads_to = key_block(_("Leads to"), _("The key of the next scene or of an ending."))
    feedback = blocks.TextBlock(label=_("Feedback after this choice"), required=False)
    awareness = effect_block(_("Awareness"))
    knowledge = effect_block(_("Knowledge"))
    skills = effect_block(_("Skills"))

    class Meta:
        icon = "redirect"
        label = _("Choice")
        form_classname = "scenario-choice-block"


class SceneBlock(blocks.StructBlock):
    key = key_block(_("Key"), _("Choices lead here by this key, e.g. 'arrival'."))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    start = blocks.BooleanBlock(label=_("The scenario starts here"), required=False)
    role = key_block(_("Role who decides"), _("The key of one of the roles above."), required=False)
    text = blocks.TextBlock(label=_("Situation"))
    image = ImageChooserBlock(label=_("Image"), required=False)
    discussion_prompt = blocks.TextBlock(
        label=_("Question for discussion"),
        required=False,
        help_text=_("In live sessions the trainer can pause on this question."),
    )
    max_visits = blocks.IntegerBlock(
        label=_("Visits allowed"),
        default=1,
        min_value=1,
        max_value=5,
        help_text=_("More than 1 lets choices loop back here; a loop needs a choice that leaves it."),
    )
    choices = blocks.ListBlock(ScenarioChoiceBlock(), label=_("Choices"))

    class Meta:
        icon = "doc-full"
        label = _("Scene")


class EndingBlock(blocks.StructBlock):
    key = key_block(_("Key"), _("Choices lead here by this key, e.g. 'trust-built'."))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    debrief = blocks.TextBlock(label=_("Debrief"))

    class Meta:
        icon = "flag"
        label = _("Ending")


class ScenarioBlock(blocks.StructBlock):
    """A role-play inside a lesson; the lesson completes when the learner reaches an ending."""

    scenario = blocks.PageChooserBlock(label=_("Scenario"), page_type="scenarios.ScenarioPage")
    required = blocks.BooleanBlock(label=_("Required to complete the lesson"), default=True, required=False)

    class Meta:
        icon = "group"
        label = _("Role-play scenario")
        template = "scenarios/blocks/scenario_block.html"

    def get_context(self, value, parent_context=None):
        from .selectors import lesson_block_context

        context = super().get_context(value, parent_context=parent_context)
        context["play"] = lesson_block_context(value, parent_context or {})
        return context
