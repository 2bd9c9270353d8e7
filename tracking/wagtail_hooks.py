"""Admin screens: LRS keys, forwarding destinations and the outbox with its dead-letter list."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import forwarding
from .forms import ForwardingDestinationForm, LRSKeyForm
from .models import ForwardingDestination, LRSKey, OutboxEntry


class LRSKeyCreateView(generic.CreateView):
    """Shows the secret once, on the page that answers the form, instead of redirecting."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        self.secret = secrets.token_urlsafe(32)
        instance.key = secrets.token_hex(12)
        instance.secret_hash = LRSKey.hash_secret(self.secret)
        instance.save()
        return instance

    def save_action(self):
        return TemplateResponse(
            self.request,
            "tracking/admin/key_created.html",
            {
                "key": self.object,
                "credentials": f"{self.object.key}:{self.secret}",
                "index_url": self.get_success_url(),
                "page_title": _("LRS key created"),
                "header_icon": "key",
            },
        )


class LRSKeyViewSet(ModelViewSet):
    model = LRSKey
    form_class = LRSKeyForm
    add_view_class = LRSKeyCreateView
    icon = "key"
    menu_label = _("LRS keys")
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["name", "key"]
    list_filter = ["organisation", "scope"]
    list_display = [
        "name",
        Column("key", label=_("Key")),
        Column("organisation", label=_("Organisation")),
        Column("get_scope_display", label=_("Scope")),
        DateColumn("created_at", label=_("Created")),
        DateColumn("revoked_at", label=_("Revoked")),
    ]

    def get_form_class(self, for_update=False):
        return LRSKeyForm


class ForwardingDestinationViewSet(ModelViewSet):
    model = ForwardingDestination
    form_class = ForwardingDestinationForm
    icon = "redirect"
    menu_label = _("Forwarding destinations")
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["name", "endpoint"]
    list_display = [
        "name",
        Column("endpoint", label=_("Endpoint")),
        Column("xapi_version", label=_("xAPI version")),
        Column("is_active", label=_("Active")),
    ]

    def get_form_class(self, for_update=False):
        return ForwardingDestinationForm


@permission_required("tracking.change_outboxentry", raise_exception=True)
def outbox_view(request):
    dead = forwarding.dead_letters().order_by("-created_at")[:200]
    return TemplateResponse(
        request,
        "tracking/admin/outbox.html",
        {
            "page_title": _("xAPI outbox"),
            "header_icon": "mail",
            "backlog": forwarding.backlog(),
            "dead_letters": dead,
            "dead_count": OutboxEntry.objects.filter(status=OutboxEntry.Status.DEAD).count(),
        },
    )


@require_POST
@permission_required("tracking.change_outboxentry", raise_exception=True)
def retry_view(request):
    entry_ids = request.POST.getlist("entry")
    destination_id = request.POST.get("destination")
    destination = ForwardingDestination.objects.filter(pk=destination_id).first() if destination_id else None
    ids = [int(value) for value in entry_ids if value.isdigit()] if entry_ids else None
    count = forwarding.retry_dead(entry_ids=ids, destination=destination)
    if count:
        from .tasks import forward_outbox

        forward_outbox.delay()
    messages.success(request, _("%(count)s statement(s) queued for another delivery.") % {"count": count})
    return redirect("tracking_outbox:index")


class PermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("tracking.change_outboxentry")


class OutboxViewSet(ViewSet):
    name = "tracking_outbox"
    url_prefix = "xapi-outbox"
    icon = "mail"
    menu_label = _("Outbox and dead letters")

    menu_item_class = PermissionMenuItem

    def get_urlpatterns(self):
        return [path("", outbox_view, name="index"), path("retry/", retry_view, name="retry")]


class LearningRecordsGroup(ViewSetGroup):
    menu_label = _("Learning records")
    menu_icon = "list-ul"
    menu_order = 320
    items = (
        LRSKeyViewSet("lrs_keys"),
        ForwardingDestinationViewSet("xapi_destinations"),
        OutboxViewSet(),
    )


@hooks.register("register_admin_viewset")
def register_learning_records():
    return LearningRecordsGroup()
