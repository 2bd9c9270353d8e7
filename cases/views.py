"""Non-page endpoints of the case library: submitting and revising a case, the submitter's list,
and the weekly digest's opt-in and unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import permissions, services
from .forms import CaseSubmissionForm
from .models import CaseSubmission


@login_required
def submit(request):
    organisations = permissions.submitting_organisations(request.user)
    if not organisations:
        return render(request, "cases/submit_not_member.html", status=403)
    form = CaseSubmissionForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_case(
                user=request.user,
                organisation=form.submitting_organisation(),
                data=form.cleaned_data,
                language=translation.get_language(),
            )
        except services.SubmissionError:
            messages.error(request, _("Submissions are closed at the moment. Please try again later."))
        else:
            messages.success(request, _("Thank you. Your case is with the moderators; we will e-mail you."))
            return redirect("cases:submissions")
    return render(request, "cases/submit.html", {"form": form, "editing": None})


@login_required
def submissions(request):
    entries = [
        {"submission": submission, "title": submission.page.get_latest_revision_as_object().title}
        for submission in CaseSubmission.objects.filter(submitted_by=request.user).select_related("page")
    ]
    return render(request, "cases/submissions.html", {"entries": entries})


@login_required
def edit_submission(request, pk):
    submission = permissions.submission_of(request.user, pk)
    if not permissions.may_edit(submission):
        messages.info(request, _("This case is not waiting for changes from you."))
        return redirect("cases:submissions")
    organisations = permissions.submitting_organisations(request.user) or [None]
    page = submission.page.get_latest_revision_as_object()
    form = CaseSubmissionForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations[:1],
        initial=CaseSubmissionForm.initial_from(page),
    )
    if request.method == "POST" and form.is_valid():
        services.resubmit_case(submission, data=form.cleaned_data)
        messages.success(request, _("Thank you. Your revised case is with the moderators again."))
        return redirect("cases:submissions")
    return render(request, "cases/submit.html", {"form": form, "editing": submission})


@login_required
def digest(request):
    from .models import DigestSubscription

    subscription = DigestSubscription.objects.filter(user=request.user).first()
    if request.method == "POST":
        if request.POST.get("action") == "subscribe":
            subscription = services.subscribe_to_digest(request.user, translation.get_language())
            messages.success(request, _("Done: you will get an e-mail when new cases are published."))
        elif subscription is not None:
            services.unsubscribe_from_digest(subscription)
            messages.success(request, _("Done: you will no longer get the weekly e-mail."))
        return redirect("cases:digest")
    return render(request, "cases/digest.html", {"subscription": subscription})


@csrf_exempt  # mail clients post the one-click unsubscribe (RFC 8058) without a CSRF token
def unsubscribe(request, token):
    from .models import DigestSubscription

    subscription = DigestSubscription.objects.filter(token=token[:64]).first()
    if subscription is None:
        return render(request, "cases/unsubscribe.html", {"unknown": True}, status=404)
    if request.method == "POST":
        services.unsubscribe_from_digest(subscription)
        return render(request, "cases/unsubscribe.html", {"done": True})
    return render(request, "cases/unsubscribe.html", {"subscription": subscription})
