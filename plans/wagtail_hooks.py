"""Editors maintain plan templates and legal checklists as translatable snippets in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LegalChecklist, PlanTemplate


class PlanTemplateViewSet(SnippetViewSet):
    model = PlanTemplate
    icon = "list-ol"
    menu_label = _("Plan templates")
    list_display = ["title", "kind", "sector", "locale"]
    list_filter = ["kind"]
    search_fields = ["title"]


class LegalChecklistViewSet(SnippetViewSet):
    model = LegalChecklist
    icon = "doc-full"
    menu_label = _("Legal checklists")
    list_display = ["title", "country", "last_reviewed", "locale"]
    list_filter = ["country"]


class IntegrationPlanContentGroup(SnippetViewSetGroup):
    items = (PlanTemplateViewSet, LegalChecklistViewSet)
    menu_icon = "list-ol"
    menu_label = _("Integration plans")
    menu_name = "integration-plans"


register_snippet(IntegrationPlanContentGroup)
