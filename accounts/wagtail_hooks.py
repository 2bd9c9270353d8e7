from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Membership, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "country", "is_default"]
    list_filter = ["kind"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("issuer_name"),
        FieldPanel("logo"),
        FieldPanel("is_default"),
    ]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "organisation", "role", "joined_at"]
    list_filter = ["role", "organisation"]
    panels = [FieldPanel("user"), FieldPanel("organisation"), FieldPanel("role")]


class PeopleGroup(SnippetViewSetGroup):
    menu_label = _("Organisations")
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, MembershipViewSet)


register_snippet(PeopleGroup)
