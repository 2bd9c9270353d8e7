"""Blocks other apps put in their pages to point at cases.

``CaseReferenceBlock`` is in the lesson body (courses): a lesson names a case that shows its point
in practice, and the learner sees it in their language where it is translated."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CaseReferenceBlock(blocks.StructBlock):
    case = blocks.PageChooserBlock(page_type="cases.CasePage", label=_("Case"))
    note = blocks.TextBlock(
        label=_("Why this case"),
        required=False,
        help_text=_("One or two sentences linking it to the lesson."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Case reference")
        template = "cases/blocks/case_reference_block.html"

    def get_context(self, value, parent_context=None):
        from .selectors import localized, with_urls

        context = super().get_context(value, parent_context=parent_context)
        case = value.get("case")
        language = translation.get_language()
        shown = with_urls(localized([case], language), language) if case is not None else []
        context["case"] = shown[0] if shown else None
        return context
