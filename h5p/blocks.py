"""The lesson block that plays an uploaded H5P package (imported by ``courses.blocks``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .chooser import h5p_package_chooser_viewset

H5PPackageChooserBlock = h5p_package_chooser_viewset.get_block_class(
    name="H5PPackageChooserBlock", module_path="h5p.blocks"
)


class CompletionRule:
    STATEMENT = "statement"
    CONSUMED = "consumed"
    MARK_DONE = "mark_done"

    CHOICES = [
        (STATEMENT, _("When the activity reports completed or passed (quizzes, question sets)")),
        (CONSUMED, _("When the learner has viewed it (informational content, presentations)")),
        (MARK_DONE, _("When the learner marks it as done")),
    ]


class H5PActivityBlock(blocks.StructBlock):
    package = H5PPackageChooserBlock(label=_("H5P package"))
    completion = blocks.ChoiceBlock(
        choices=CompletionRule.CHOICES,
        default=CompletionRule.STATEMENT,
        label=_("Completes"),
        help_text=_(
            "Content without a results screen (a presentation without a summary slide, an accordion) "
            "never reports completion; choose 'viewed' or 'marks as done' for it."
        ),
    )
    required = blocks.BooleanBlock(
        default=True,
        required=False,
        label=_("Required to complete the lesson"),
    )

    class Meta:
        icon = "code"
        label = _("H5P activity")
        template = "h5p/blocks/h5p_activity.html"

    def get_context(self, value, parent_context=None):
        from .player import player_context

        context = super().get_context(value, parent_context=parent_context)
        context["h5p"] = player_context(value, parent_context or {})
        return context
