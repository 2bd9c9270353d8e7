"""Admin screens: the audit log, answering a person's request (export, erase), notice versions."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website import private_files

from . import selectors, services
from .forms import EraseForm
from .models import AuditEvent, DataExport, Erasure, NoticeVersion


class NoticeVersionViewSet(SnippetViewSet):
    model = NoticeVersion
    icon = "doc-full"
    menu_label = gettext_lazy("Privacy notice versions")
    add_to_settings_menu = True
    list_display = ["number", "published_at", "summary"]
    panels = [FieldPanel("number"), FieldPanel("summary")]


register_snippet(NoticeVersionViewSet)


def _check(request):
    if not selectors.may_manage_personal_data(request.user):
        raise PermissionDenied


def _context(title, **extra):
    return {"header_title": title, "page_title": title, "header_icon": "lock", **extra}


def audit_log(request):
    _check(request)
    action = request.GET.get("action", "")
    if action not in AuditEvent.Action.values:
        action = ""
    person = request.GET.get("person", "").strip()
    person_id = int(person) if person.isdigit() and len(person) < 19 else None
    events = selectors.audit_events(action=action, person=person_id)
    return TemplateResponse(
        request,
        "privacy/admin/audit_log.html",
        _context(
            _("Personal data: audit log"),
            events=Paginator(events, 50).get_page(request.GET.get("p")),
            actions=AuditEvent.Action.choices,
            action=action,
            person=person if person_id else "",
        ),
    )


def people(request):
    _check(request)
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    page = Paginator(selectors.find_people(query), 50).get_page(request.GET.get("p"))
    services.note_admin_access(
        request.user, [person.pk for person in page], what="personal data requests list"
    )
    return TemplateResponse(
        request,
        "privacy/admin/people.html",
        _context(_("Personal data requests"), query=query, people=page),
    )


def _person(user_id):
    person = get_object_or_404(get_user_model(), pk=user_id)
    if selectors.is_erased(person):
        raise Http404
    return person


def person_detail(request, user_id):
    _check(request)
    person = _person(user_id)
    if person != request.user:
        services.audit(AuditEvent.Action.ADMIN_VIEWED, subject=person, actor=request.user)
    return TemplateResponse(
        request,
        "privacy/admin/person.html",
        _context(
            _("Personal data of one person"),
            person=person,
            consents=selectors.consents_of(person),
            exports=selectors.exports_requested_by(request.user, person),
            form=EraseForm(),
        ),
    )


@require_POST
def export_person(request, user_id):
    _check(request)
    person = _person(user_id)
    services.request_export(person, requested_by=request.user)
    messages.success(request, _("The export is being prepared; you get an e-mail when it is ready."))
    return redirect("privacy_admin:person", person.pk)


@require_POST
def download_person_export(request, export_uuid):
    _check(request)
    export = DataExport.objects.filter(uuid=export_uuid, requested_by=request.user).first()
    if export is None:
        raise Http404
    if not services.claim_download(export, by=request.user):
        messages.error(request, _("This export was downloaded already or has expired. Prepare a new one."))
        return redirect("privacy_admin:person", export.user_id)
    return private_files.serve(
        request,
        export.file.name,
        filename=f"personal-data-{export.user_id}.zip",
        content_type="application/zip",
    )


@require_POST
def erase_person(request, user_id):
    _check(request)
    person = _person(user_id)
    form = EraseForm(request.POST)
    if person == request.user or person.is_superuser:
        messages.error(request, _("Administrators' own accounts are not erased here."))
        return redirect("privacy_admin:person", person.pk)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "privacy/admin/person.html",
            _context(
                _("Personal data of one person"),
                person=person,
                consents=selectors.consents_of(person),
                exports=selectors.exports_requested_by(request.user, person),
                form=form,
            ),
            status=400,
        )
    services.erase_person(
        person, reason=Erasure.Reason.ADMIN, by=request.user, note=form.cleaned_data["note"]
    )
    messages.success(request, _("The person's data is erased."))
    return redirect("privacy_admin:people")


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path(
            "personal-data/",
            (
                [
                    path("", people, name="people"),
                    path("log/", audit_log, name="audit_log"),
                    path("people/<int:user_id>/", person_detail, name="person"),
                    path("people/<int:user_id>/export/", export_person, name="export"),
                    path("people/<int:user_id>/erase/", erase_person, name="erase"),
                    path("exports/<uuid:export_uuid>/download/", download_person_export, name="download"),
                ],
                "privacy_admin",
                "privacy_admin",
            ),
        )
    ]


class PrivacyMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.may_manage_personal_data(request.user)


@hooks.register("register_settings_menu_item")
def register_people_menu_item():
    return PrivacyMenuItem(
        gettext_lazy("Personal data requests"), reverse("privacy_admin:people"), icon_name="user", order=920
    )


@hooks.register("register_settings_menu_item")
def register_audit_menu_item():
    return PrivacyMenuItem(
        gettext_lazy("Personal data audit log"),
        reverse("privacy_admin:audit_log"),
        icon_name="list-ul",
        order=930,
    )


@hooks.register("before_edit_user")
def log_opening_a_person_in_the_user_admin(request, person):
    """Opening someone's account in Wagtail's user admin shows their personal data: it is logged like
    opening them under Personal data requests (saving the form is the same visit, not logged again)."""
    if request.method == "GET" and person != request.user:
        services.audit(
            AuditEvent.Action.ADMIN_VIEWED, subject=person, actor=request.user, note="Wagtail user admin"
        )


@hooks.register("before_delete_user")
def erase_instead_of_deleting(request, person):
    """Deleting a person in Wagtail's user admin erases them like "delete my account": removing the
    row would cascade into other people's cohorts and plans (or be refused by them) and would leave
    the name in certificates, statements and plans."""
    services.erase_person(person, reason=Erasure.Reason.ADMIN, by=request.user, note="Wagtail user admin")
    messages.success(request, _("The person's data is erased; the account remains as “deleted participant”."))
    return redirect("wagtailusers_users:index")
