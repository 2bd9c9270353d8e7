from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from privacy import services as privacy
from privacy.audited_views import AuditedListingMixin

from . import selectors, two_factor
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


class MembershipIndexView(AuditedListingMixin, IndexView):
    audit_what = "memberships list"

    def person_id(self, row):
        return row.user_id


class MembershipViewSet(SnippetViewSet):
    model = Membership
    index_view_class = MembershipIndexView
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


# --- Locked-out logins (django-axes): administrators see them and unlock them early ---


def _may_unlock(user):
    return user.is_superuser or user.has_perm("axes.delete_accessattempt")


def lockouts(request):
    if not _may_unlock(request.user):
        raise PermissionDenied
    attempts = AccessAttempt.objects.order_by("-attempt_time")
    return TemplateResponse(
        request,
        "accounts/admin/lockouts.html",
        {
            "attempts": Paginator(attempts, 50).get_page(request.GET.get("p")),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "header_title": _("Locked-out logins"),
            "page_title": _("Locked-out logins"),
            "header_icon": "lock",
        },
    )


@require_POST
def unlock(request, pk):
    if not _may_unlock(request.user):
        raise PermissionDenied
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    attempt.delete()
    messages.success(request, _("%(email)s can log in again.") % {"email": attempt.username})
    return redirect("lockouts:index")


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path(
            "lockouts/",
            (
                [path("", lockouts, name="index"), path("<int:pk>/unlock/", unlock, name="unlock")],
                "lockouts",
                "lockouts",
            ),
        )
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return _may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Locked-out logins"), reverse("lockouts:index"), icon_name="lock", order=900)


# --- Two-step login recovery: a superuser resets a person who lost the phone and the codes ---


def two_factor_people(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:100]
    people = Paginator(selectors.people_with_two_factor(query), 50).get_page(request.GET.get("p"))
    privacy.note_admin_access(request.user, [person.pk for person in people], what="two-step login list")
    return TemplateResponse(
        request,
        "accounts/admin/two_factor.html",
        {
            "people": people,
            "query": query,
            "header_title": _("Two-step login"),
            "page_title": _("Two-step login"),
            "header_icon": "key",
        },
    )


@require_POST
def two_factor_reset(request, user_id):
    if not request.user.is_superuser:
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    two_factor.reset(person)
    messages.success(
        request,
        _("Two-step login of %(email)s is reset; they set it up again at the next login.")
        % {"email": person.email},
    )
    return redirect("two_factor_admin:index")


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path(
            "two-step-login/",
            (
                [
                    path("", two_factor_people, name="index"),
                    path("<int:user_id>/reset/", two_factor_reset, name="reset"),
                ],
                "two_factor_admin",
                "two_factor_admin",
            ),
        )
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_two_factor_menu_item():
    return SuperuserMenuItem(
        _("Two-step login"), reverse("two_factor_admin:index"), icon_name="key", order=910
    )
