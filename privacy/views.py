"""The person's own privacy pages: agree to a new notice, download my data, delete my account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from website import private_files

from . import selectors, services
from .forms import AgreeForm, DeleteAccountForm
from .models import Consent, DataExport, Erasure
from .signals import SESSION_KEY


def _safe_next(request, target):
    """A path on this site to go on to, or None. Only paths: a bare word would be taken as a view name."""
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    ):
        return target
    return None


@login_required
@never_cache
def agree(request):
    """A changed notice: the person agrees again before going on (or logs out)."""
    form = AgreeForm(request.POST or None, initial={"next": request.GET.get("next", "")})
    if request.method == "POST" and form.is_valid():
        services.record_consent(request.user, occasion=Consent.Occasion.LOGIN)
        request.session.pop(SESSION_KEY, None)
        messages.success(request, _("Thank you. You agreed to the current privacy notice."))
        return HttpResponseRedirect(
            _safe_next(request, form.cleaned_data.get("next")) or reverse("accounts:dashboard")
        )
    return render(
        request,
        "privacy/agree.html",
        {
            "form": form,
            "notice": selectors.current_notice(),
            "agreed": selectors.consented_version(request.user),
        },
    )


@login_required
@never_cache
def my_data(request):
    """What the platform keeps about the person and the two buttons: download, delete."""
    if request.method == "POST":
        export = services.request_export(request.user, requested_by=request.user)
        return redirect("privacy:export", export.uuid)
    return render(
        request,
        "privacy/my_data.html",
        {
            "latest_export": selectors.latest_export(request.user),
            "consents": selectors.consents_of(request.user),
            "valid_hours": selectors.export_valid_hours(),
        },
    )


@login_required
@never_cache
def export_status(request, export_uuid):
    """The export's progress; the page reloads itself (a meta refresh, no script) until it is ready."""
    export = selectors.export_for(request.user, export_uuid)
    if export is None:
        raise Http404
    return render(request, "privacy/export.html", {"export": export, "refresh": export.in_progress})


@login_required
@never_cache
@require_POST
def download_export(request, export_uuid):
    """The ZIP, once: the first download uses the link up."""
    export = selectors.export_for(request.user, export_uuid)
    if export is None:
        raise Http404
    if export.status != DataExport.Status.READY or not services.claim_download(export, by=request.user):
        response = render(request, "privacy/export_gone.html", {"export": export}, status=410)
        return response
    return private_files.serve(
        request,
        export.file.name,
        filename=f"my-data-{export.finished_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


@login_required
@never_cache
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        services.erase_person(user, reason=Erasure.Reason.OWN_REQUEST, by=user)
        logout(request)
        return redirect("privacy:deleted")
    return render(request, "privacy/delete_account.html", {"form": form})


@never_cache
def deleted(request):
    return render(request, "privacy/deleted.html")
