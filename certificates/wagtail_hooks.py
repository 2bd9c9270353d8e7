"""Admin screens: the list of certificates, revocation with a reason, and issuing by hand."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from privacy import services as privacy

from . import codes, selectors, services
from .models import Certificate
from .views import LearnerChoice


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown on the public verification page."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Please give a reason."))
        return reason


def _filtered(request):
    certificates = Certificate.objects.select_related("user", "issuer").order_by("-issued_at", "-pk")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        condition = (
            Q(holder_name__icontains=query)
            | Q(course_title__icontains=query)
            | Q(user__email__icontains=query)
        )
        try:
            condition |= Q(verification_code=codes.normalise(query))
        except codes.MalformedCode:
            pass
        certificates = certificates.filter(condition)
    status = request.GET.get("status", "")
    if status in Certificate.Status.values:
        certificates = certificates.filter(status=status)
    return certificates, query, status


@permission_required("certificates.view_certificate", raise_exception=True)
def index(request):
    certificates, query, status = _filtered(request)
    page = Paginator(certificates, 50).get_page(request.GET.get("p"))
    privacy.note_admin_access(request.user, [c.user_id for c in page], what="certificates list")
    return render(
        request,
        "certificates/admin/index.html",
        {
            "page_obj": page,
            "query": query,
            "status": status,
            "statuses": Certificate.Status.choices,
            "header_title": _("Certificates"),
            "page_title": _("Certificates"),
            "header_icon": "doc-full",
        },
    )


@permission_required("certificates.change_certificate", raise_exception=True)
def revoke(request, pk):
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if certificate.status == Certificate.Status.REVOKED:
        messages.warning(request, _("This certificate is already revoked."))
        return redirect("certificates_admin:index")
    if request.method == "POST" and form.is_valid():
        services.revoke(certificate, reason=form.cleaned_data["reason"], revoked_by=request.user)
        messages.success(request, _("Certificate %(code)s revoked.") % {"code": certificate.code_display})
        return redirect("certificates_admin:index")
    return render(
        request,
        "certificates/admin/revoke.html",
        {
            "certificate": certificate,
            "form": form,
            "header_title": _("Revoke a certificate"),
            "page_title": _("Revoke a certificate"),
            "header_icon": "doc-full",
        },
    )


@permission_required("certificates.add_certificate", raise_exception=True)
def issue(request):
    choice = LearnerChoice(request)
    if request.method == "POST" and choice.course is not None and choice.issue():
        return redirect(choice.done_url("certificates_admin:issue"))
    return render(
        request,
        "certificates/admin/issue.html",
        choice.context(
            header_title=_("Issue certificates"),
            page_title=_("Issue certificates"),
            header_icon="doc-full",
        ),
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "certificates/",
            (
                [
                    path("", index, name="index"),
                    path("<int:pk>/revoke/", revoke, name="revoke"),
                    path("issue/", issue, name="issue"),
                    path("audit/", audit, name="audit"),
                ],
                "certificates_admin",
                "certificates_admin",
            ),
        )
    ]


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certificates.view_certificate")


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return CertificatesMenuItem(
        gettext_lazy("Certificates"), reverse("certificates_admin:index"), icon_name="doc-full", order=450
    )


@permission_required("certificates.change_certificate", raise_exception=True)
def audit(request):
    """The audit log of issues and revocations, for platform administrators."""
    page = Paginator(selectors.audit_log(), 50).get_page(request.GET.get("p"))
    return render(
        request,
        "certificates/admin/audit.html",
        {
            "page_obj": page,
            "header_title": _("Certificate audit log"),
            "page_title": _("Certificate audit log"),
            "header_icon": "history",
        },
    )
