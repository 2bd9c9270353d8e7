"""Public verification (no login), learner downloads, and the trainer's issue-and-export page."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from website import private_files

from . import codes, openbadges, selectors, services
from .forms import LookupForm, ManageForm
from .models import Certificate, CertificateExport


def _client_address(request):
    return request.META.get("REMOTE_ADDR") or "unknown"


def _rate_limited(request):
    """Count this look-up against the client's allowance; True when it is used up."""
    key = f"certificates:verify:{_client_address(request)}"
    window = settings.CERTIFICATES_VERIFY_RATE_WINDOW
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        count = 1
    return count > settings.CERTIFICATES_VERIFY_RATE_LIMIT


def _problem(request, kind, status, code_text=""):
    response = render(
        request,
        "certificates/verify_problem.html",
        {"kind": kind, "code_text": code_text[:40], "form": LookupForm()},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(settings.CERTIFICATES_VERIFY_RATE_WINDOW)
    return response


def _find(code_text):
    """(certificate or None, problem kind or None) for what a visitor typed."""
    try:
        code = codes.normalise(code_text)
    except codes.MalformedCode:
        return None, "malformed"
    certificate = Certificate.objects.select_related("issuer").filter(verification_code=code).first()
    if certificate is None:
        return None, "unknown"
    return certificate, None


@never_cache
def lookup(request):
    form = LookupForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("certificates:verify", codes.grouped(form.cleaned_data["code"]))
    return render(request, "certificates/lookup.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
def verify(request, code):
    if _rate_limited(request):
        return _problem(request, "rate_limited", 429)
    certificate, problem = _find(code)
    if problem == "malformed":
        return _problem(request, problem, 400, code)
    if problem == "unknown":
        # The same answer for every wrong code: nothing about which codes exist or whose they are.
        return _problem(request, problem, 404, code)
    if code != certificate.code_display:
        return redirect("certificates:verify", certificate.code_display)
    issuer = selectors.issuer_of(certificate)
    return render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "status": certificate.current_status(),
            "issuer": issuer,
            "form": LookupForm(),
        },
    )


@never_cache
def verify_json(request, code):
    """Machine-readable status for verifiers that hold an Open Badges credential."""
    if _rate_limited(request):
        return JsonResponse({"error": "rate_limited"}, status=429)
    certificate, problem = _find(code)
    if problem:
        return JsonResponse({"error": problem}, status=400 if problem == "malformed" else 404)
    return JsonResponse(
        {
            "code": certificate.code_display,
            "status": certificate.current_status().value,
            # Empty after the holder's account was erased with PRIVACY_CERTIFICATES_ON_ERASURE=anonymise.
            "holder": certificate.holder_name or None,
            "course": certificate.course_title,
            "issued": certificate.issued_at.date().isoformat(),
            "valid_until": certificate.expires_on.isoformat() if certificate.expires_on else None,
            "issuer": selectors.issuer_of(certificate)["name"],
            # What the certificate stands for: the course completed, or a basis stated by the issuer.
            "awarded_for": certificate.basis or None,
            "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
        }
    )


def _badge_response(certificate):
    token = openbadges.credential_jwt(certificate)
    response = HttpResponse(token, content_type=openbadges.MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="open-badge-{certificate.code_display}.jwt"'
    return response


@never_cache
def public_badge(request, code):
    if _rate_limited(request):
        return _problem(request, "rate_limited", 429)
    certificate, problem = _find(code)
    if problem:
        return _problem(request, problem, 400 if problem == "malformed" else 404, code)
    if certificate.status == Certificate.Status.REVOKED:
        return _problem(request, "revoked", 410, code)
    return _badge_response(certificate)


def jwks(request):
    response = JsonResponse(openbadges.keys.jwks())
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response


def issuer(request, slug):
    from accounts.models import Organisation

    organisation = get_object_or_404(Organisation, slug=slug)
    profile = openbadges.issuer_profile(organisation, organisation.issuer_name or organisation.name)
    profile["@context"] = openbadges.CONTEXTS
    profile["publicKey"] = openbadges.absolute("certificates:jwks")
    response = HttpResponse(json.dumps(profile, ensure_ascii=False), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _own_or_managed(request, code):
    try:
        normalised = codes.normalise(code)
    except codes.MalformedCode as error:
        raise Http404 from error
    certificate = get_object_or_404(
        Certificate.objects.select_related("issuer"), verification_code=normalised
    )
    # A revoked certificate is no longer handed out; its verification page still explains why.
    if certificate.status == Certificate.Status.REVOKED:
        raise Http404
    if certificate.user_id != request.user.pk:
        allowed = selectors.managed_user_ids(request.user)
        if allowed is not None and certificate.user_id not in allowed:
            raise Http404
    return certificate


@login_required
@never_cache
def download_pdf(request, code):
    from .pdf import ensure_pdf

    certificate = _own_or_managed(request, code)
    # Normally the task has rendered it already; this covers a worker that is behind or a changed logo.
    ensure_pdf(certificate)
    return private_files.serve(
        request,
        certificate.pdf.name,
        filename=f"certificate-{certificate.code_display}.pdf",
        content_type="application/pdf",
    )


@login_required
@never_cache
def download_badge(request, code):
    return _badge_response(_own_or_managed(request, code))


@login_required
@never_cache
def manage(request):
    """Trainers and company admins: issue certificates to selected learners or export them as a ZIP."""
    if not selectors.can_manage(request.user):
        raise Http404
    choice = LearnerChoice(request)
    course, chosen = choice.course, choice.chosen
    if request.method == "POST" and course is not None:
        action = request.POST.get("action")
        if action == "issue":
            if choice.issue():
                return redirect(choice.done_url("certificates:manage"))
        elif action == "export":
            export = services.start_export(
                request.user, course.translation_key, course.title, [person.pk for person in chosen] or None
            )
            if not export.total:
                export.delete()
                messages.error(request, _("There are no certificates to export for this choice."))
            else:
                from .tasks import build_certificate_export

                transaction.on_commit(lambda: build_certificate_export.delay(export.pk))
                return redirect("certificates:export", export.uuid)
        else:
            messages.error(request, _("Choose what to do with the selected learners."))
    return render(request, "certificates/manage.html", choice.context())


def _own_export(request, export_uuid):
    return get_object_or_404(CertificateExport, uuid=export_uuid, requested_by=request.user)


@login_required
@never_cache
def export_detail(request, export_uuid):
    return render(request, "certificates/export.html", {"export": _own_export(request, export_uuid)})


@login_required
@never_cache
def export_status(request, export_uuid):
    export = _own_export(request, export_uuid)
    return JsonResponse(
        {
            "state": export.state,
            "state_label": export.get_state_display(),
            "done": export.done,
            "total": export.total,
            "percent": export.percent,
            "download_url": reverse("certificates:export_download", args=[export.uuid])
            if export.state == CertificateExport.State.DONE
            else None,
        }
    )


@login_required
@never_cache
def export_download(request, export_uuid):
    export = _own_export(request, export_uuid)
    if export.state != CertificateExport.State.DONE or not export.archive:
        return redirect("certificates:export", export.uuid)
    return private_files.serve(
        request,
        export.archive.name,
        filename=export.archive.name.rsplit("/", 1)[-1],
        content_type="application/zip",
    )


class LearnerChoice:
    """The course and learners chosen on the trainer's page or the admin's issue screen, read and
    checked the same way for both: only people the user may handle can be chosen."""

    def __init__(self, request):
        self.request = request
        self.courses = selectors.course_pages()
        self.form = ManageForm(request.POST or request.GET or None, courses=self.courses)
        self.course = self.learners = None
        self.chosen = []
        if self.form.is_bound and self.form.is_valid():
            self.course = self.form.cleaned_data["course"]
            self.learners = selectors.learners_of_course(request.user, self.course.translation_key)
            if request.method == "POST":
                allowed = {person.pk: person for person in self.learners}
                self.chosen = [allowed[pk] for pk in self.form.cleaned_data["learners"] if pk in allowed]

    def issue(self):
        return issue_to_selected(self.request, self.course, self.chosen)

    def done_url(self, url_name):
        return f"{reverse(url_name)}?course={self.course.translation_key}"

    def context(self, **extra):
        return {
            "form": self.form,
            "course": self.course,
            "learners": self.learners,
            "courses": self.courses,
            **typed_choice(self.request),
            **extra,
        }


def typed_choice(request):
    """The learners ticked and the basis typed, so a refused issue shows the form as it was sent."""
    chosen = {int(value) for value in request.POST.getlist("learners") if value.isdigit()}
    return {"chosen_ids": chosen, "basis": request.POST.get("basis", "")[:500]}


def issue_to_selected(request, course, chosen):
    """Issue to the chosen learners and tell the person what happened; False when nobody was chosen
    or when any of them may not receive it from this person (every reason is shown, nothing issued)."""
    if not chosen:
        messages.error(request, _("Choose at least one learner."))
        return False
    basis = request.POST.get("basis", "").strip()[:500]
    refusals = services.manual_issue_refusals(chosen, course, issued_by=request.user, basis=basis)
    if refusals:
        for refusal in refusals:
            messages.error(request, refusal)
        return False
    try:
        services.issue_to_learners(chosen, course, issued_by=request.user, basis=basis)
    except services.CannotIssue as error:
        messages.error(request, str(error))
        return False
    messages.success(
        request,
        ngettext(
            "Certificate issued or confirmed for %(count)d learner.",
            "Certificates issued or confirmed for %(count)d learners.",
            len(chosen),
        )
        % {"count": len(chosen)},
    )
    return True
