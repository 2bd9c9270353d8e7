"""Endpoints of the workshops app: the trainer's screens, joining, the participant's cohort page,
evaluations and the company dashboard. Object checks are in ``permissions``."""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses import selectors as courses_selectors
from privacy import selectors as privacy_selectors
from privacy import services as privacy
from scenarios import selectors as scenarios_selectors

from . import permissions, selectors, services
from .forms import (
    CertificatesForm,
    CohortForm,
    EvaluationForm,
    InviteForm,
    JoinForm,
    ParticipantListForm,
    QuickSignUpForm,
)
from .models import EvaluationTemplate, SessionDay

LIST_SESSION_KEY = "workshops-list-{}"


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- trainer: cohorts


@login_required
@never_cache
def cohort_list(request):
    providers = permissions.provider_organisations(request.user)
    cohorts = list(permissions.cohorts_of_trainer(request.user).select_related("organisation"))
    if not providers and not cohorts:
        raise Http404("Not a trainer.")
    return render(request, "workshops/cohort_list.html", {"cohorts": cohorts, "may_create": bool(providers)})


@login_required
@never_cache
def cohort_create(request):
    providers = permissions.provider_organisations(request.user)
    if not providers:
        raise Http404("Not a trainer.")
    form = CohortForm(request.POST or None, organisations=providers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        cohort = services.create_cohort(
            request.user,
            organisation=data["organisation"],
            title=data["title"],
            course_keys=data["courses"],
            days=data["days"],
            capacity=data["capacity"],
            place=data["place"],
            meeting_url=data["meeting_url"],
            code_valid_days=data["code_valid_days"],
            stuck_after_days=data["stuck_after_days"],
            self_assessment=data["self_assessment"],
            satisfaction=data["satisfaction"],
        )
        messages.success(request, _("The cohort is ready. Show the join code to your participants."))
        return redirect("workshops:dashboard", cohort.pk)
    return render(request, "workshops/cohort_form.html", {"form": form})


def _dashboard_context(request, cohort):
    context = selectors.cohort_dashboard(cohort)
    context.update(
        {
            "join_url": services.join_url(request, cohort),
            "refresh_seconds": settings.WORKSHOPS_GRID_REFRESH_SECONDS,
            "invite_form": InviteForm(),
            "list_form": ParticipantListForm(),
            "certificates_form": CertificatesForm(),
        }
    )
    return context


@login_required
@never_cache
def dashboard(request, cohort_id):
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    return render(request, "workshops/dashboard.html", _dashboard_context(request, cohort))


@login_required
@never_cache
def grid_fragment(request, cohort_id):
    """The progress grid alone, which the dashboard's script fetches every few seconds."""
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    people = selectors.participants_of(cohort)
    return render(
        request,
        "workshops/includes/progress.html",
        {"cohort": cohort, "people": people, "courses": selectors.course_grids(cohort, people)},
    )


@login_required
def qr_code(request, cohort_id):
    """The join link as an SVG QR code, for the projector or a printed handout."""
    import qrcode
    import qrcode.image.svg

    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    image = qrcode.make(
        services.join_url(request, cohort), image_factory=qrcode.image.svg.SvgPathImage, box_size=12
    )
    return HttpResponse(image.to_string(), content_type="image/svg+xml")


@require_POST
@login_required
def new_code(request, cohort_id):
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    code = services.new_join_code(cohort)
    messages.success(request, _("New join code: %(code)s") % {"code": code.code})
    return redirect("workshops:dashboard", cohort.pk)


@require_POST
@login_required
def invite(request, cohort_id):
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    form = InviteForm(request.POST)
    if not form.is_valid():
        context = _dashboard_context(request, cohort)
        context["invite_form"] = form
        return render(request, "workshops/dashboard.html", context, status=400)
    sent = services.invite(request.user, cohort, form.cleaned_data["emails"], request)
    messages.success(request, _("%(count)s invitations sent.") % {"count": sent})
    return redirect("workshops:dashboard", cohort.pk)


@login_required
@never_cache
def participant_list(request, cohort_id):
    """Upload a CSV list, see each bad row and the good ones, then confirm to enrol the good ones."""
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    key = LIST_SESSION_KEY.format(cohort.pk)
    if request.method == "POST" and request.POST.get("action") == "confirm":
        rows = request.session.get(key)
        if not rows:
            messages.error(request, _("Upload the list again: the preview has expired."))
            return redirect("workshops:participant_list", cohort.pk)
        try:
            joined, already = services.enrol_list(request.user, cohort, rows, request)
        except services.WorkshopError as error:
            messages.error(request, error.message)
            return render(
                request,
                "workshops/participant_list.html",
                {"cohort": cohort, "form": ParticipantListForm(), "good": rows, "problems": []},
                status=400,
            )
        request.session.pop(key, None)
        messages.success(
            request,
            _("%(joined)s people enrolled, %(already)s were already in the cohort.")
            % {"joined": joined, "already": already},
        )
        return redirect("workshops:dashboard", cohort.pk)
    form = ParticipantListForm(request.POST or None, request.FILES or None)
    good, problems = [], []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                good, problems = services.read_participant_list(form.cleaned_data["file"])
                request.session[key] = good
            except services.WorkshopError as error:
                form.add_error("file", error.message)
                status = 400
        else:
            status = 400
    return render(
        request,
        "workshops/participant_list.html",
        {"cohort": cohort, "form": form, "good": good, "problems": problems},
        status=status,
    )


@require_POST
@login_required
def attendance(request, cohort_id, day_id):
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    day = SessionDay.objects.filter(cohort=cohort, pk=day_id).first()
    if day is None:
        raise Http404("No such day.")
    present = [
        value for value in (_int(item) for item in request.POST.getlist("present")) if value is not None
    ]
    count = services.mark_attendance(request.user, cohort, day, present)
    messages.success(request, _("Attendance saved: %(count)s present.") % {"count": count})
    return redirect(reverse("workshops:dashboard", args=[cohort.pk]) + "#attendance")


# ---------------------------------------------------------------- trainer: one learner


@login_required
@never_cache
def learner(request, cohort_id, user_id):
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    person = permissions.participant_of(cohort, user_id)
    return render(
        request,
        "workshops/learner.html",
        {"cohort": cohort, "person": person, "courses": selectors.learner_detail(cohort, person)},
    )


def _cohort_lesson(cohort, lesson_id):
    """A live lesson of one of the cohort's courses, or Http404."""
    lesson = courses_selectors.live_lesson(_int(lesson_id) or 0) if _int(lesson_id) else None
    if lesson is None:
        raise Http404("No such lesson.")
    keys = {
        str(course.translation_key)
        for course in courses_selectors.courses_for_keys(cohort.course_keys).values()
    }
    course = courses_selectors.course_of(lesson)
    if course is None or str(course.translation_key) not in keys:
        raise Http404("No such lesson.")
    return lesson


@require_POST
@login_required
def grant_attempt(request, cohort_id, user_id):
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    person = permissions.participant_of(cohort, user_id)
    lesson = _cohort_lesson(cohort, request.POST.get("lesson"))
    try:
        total = services.grant_quiz_attempt(request.user, person, lesson, request.POST.get("block", ""))
        messages.success(
            request,
            _("Granted: %(name)s now has %(count)s attempts.")
            % {"name": person.display_name, "count": total},
        )
    except services.WorkshopError as error:
        messages.error(request, error.message)
    return redirect("workshops:learner", cohort.pk, person.pk)


@require_POST
@login_required
def reset_lesson(request, cohort_id, user_id):
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    person = permissions.participant_of(cohort, user_id)
    lesson = _cohort_lesson(cohort, request.POST.get("lesson"))
    try:
        services.reset_lesson(request.user, person, lesson)
        messages.success(
            request,
            _("“%(lesson)s” starts again for %(name)s.")
            % {"lesson": lesson.title, "name": person.display_name},
        )
    except services.WorkshopError as error:
        messages.error(request, error.message)
    return redirect("workshops:learner", cohort.pk, person.pk)


@login_required
def export(request, cohort_id):
    """The grid as CSV: one row per participant and course, one column per lesson."""
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    people = selectors.participants_of(cohort)
    grids = selectors.course_grids(cohort, people)
    share = selectors.attendance_share(cohort, people)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}.csv"'
    response.write("\ufeff")  # spreadsheet programs read UTF-8 (Arabic names) only with the mark
    writer = csv.writer(response)
    for grid in grids:
        writer.writerow(
            [_("Course"), _("Name"), _("Email"), _("Attendance (%)"), _("Progress (%)"), _("Completed")]
            + [lesson["title"] for lesson in grid["lessons"]]
        )
        for row in grid["rows"]:
            person = row["person"]
            writer.writerow(
                [
                    grid["course"].title,
                    _safe(person.get_full_name()),
                    _safe(person.email),
                    round(100 * share.get(person.pk, 0)),
                    row["percent"],
                    _("yes") if row.get("completed") else _("no"),
                ]
                + [cell["label"] for cell in row["cells"]]
            )
    return response


def _safe(text):
    # A name starting with = or + would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@require_POST
@login_required
def issue_certificates(request, cohort_id):
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    form = CertificatesForm(request.POST)
    if not form.is_valid():
        context = _dashboard_context(request, cohort)
        context["certificates_form"] = form
        return render(request, "workshops/dashboard.html", context, status=400)
    results = services.issue_certificates(
        request.user, cohort, minimum_attendance_percent=form.cleaned_data["minimum_attendance"]
    )
    messages.success(
        request,
        _("Certificates issued or confirmed for %(count)s people.") % {"count": sum(results.values())},
    )
    return redirect("workshops:dashboard", cohort.pk)


@login_required
@never_cache
def facilitate(request, cohort_id, lesson_id=None):
    """A lesson for the projector: large type, the lesson's reflection prompts to discuss, a timer."""
    cohort = permissions.cohort_for_trainer(request.user, cohort_id)
    courses = [
        {"course": course, "lessons": courses_selectors.course_lessons(course)}
        for course in courses_selectors.courses_for_keys(cohort.course_keys).values()
    ]
    lesson = _cohort_lesson(cohort, lesson_id) if lesson_id is not None else None
    blocks, prompts = [], []
    if lesson is not None:
        for block in lesson.body:
            if block.block_type == "reflection":
                prompts.append(block.value["prompt"])
            elif block.block_type in ("text", "callout", "checklist", "image"):
                blocks.append(block)
    scenario_offer = None
    if lesson is not None:
        scenario_offer = scenarios_selectors.facilitation_offer(request.user, lesson)
    return render(
        request,
        "workshops/facilitate.html",
        {
            "cohort": cohort,
            "courses": courses,
            "lesson": lesson,
            "blocks": blocks,
            "prompts": prompts,
            "scenario_offer": scenario_offer,
        },
    )


# ---------------------------------------------------------------- joining


@never_cache
def join(request):
    form = JoinForm(request.POST or request.GET or None)
    if form.is_bound and form.is_valid():
        try:
            services.cohort_for_code(form.cleaned_data["code"])
        except services.WorkshopError as error:
            form.add_error("code", error.message)
        else:
            return redirect("workshops:join_code", services.normalise_code(form.cleaned_data["code"]))
    return render(request, "workshops/join.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
def join_code(request, code):
    try:
        cohort = services.cohort_for_code(code)
    except services.WorkshopError as error:
        form = JoinForm({"code": code[:40]})
        form.is_valid()
        form.add_error("code", error.message)
        return render(request, "workshops/join.html", {"form": form}, status=400)
    signup = QuickSignUpForm(
        request.POST if request.method == "POST" and not request.user.is_authenticated else None
    )
    if request.method == "POST":
        if request.user.is_authenticated:
            try:
                services.join(request.user, cohort)
            except services.WorkshopError as error:
                messages.error(request, error.message)
                return redirect("workshops:join")
            return redirect("workshops:mine", cohort.pk)
        if signup.is_valid():
            data = signup.cleaned_data
            try:
                user = services.create_account_and_join(
                    cohort,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    email=data["email"],
                    password=data["password"],
                    language=translation.get_language() or "",
                )
            except services.WorkshopError as error:
                signup.add_error(None, error.message)
            else:
                privacy.record_sign_up_consent(user)
                login(request, user, backend="accounts.backends.AccountBackend")
                messages.success(request, _("Welcome! You are in the workshop."))
                return redirect("workshops:mine", cohort.pk)
    already = request.user.is_authenticated and cohort.participants.filter(user=request.user).exists()
    return render(
        request,
        "workshops/join_code.html",
        {
            "cohort": cohort,
            "code": services.normalise_code(code),
            "signup": signup,
            "already": already,
            "login_url": reverse("accounts:login") + "?next=" + request.path,
            "privacy_url": privacy_selectors.notice_url(request),
        },
        status=400 if signup.errors else 200,
    )


@login_required
@never_cache
def mine(request, cohort_id):
    """A participant's page of their cohort: dates, place, courses and the evaluation forms."""
    cohort = permissions.cohort_for_participant(request.user, cohort_id)
    courses = []
    for course in courses_selectors.courses_for_keys(cohort.course_keys).values():
        courses.append({"course": course, "url": course.get_url(request)})
    return render(
        request,
        "workshops/mine.html",
        {
            "cohort": cohort,
            "days": list(cohort.days.all()),
            "courses": courses,
            "forms": selectors.evaluations_for_participant(request.user, cohort),
        },
    )


@login_required
@never_cache
def evaluate(request, cohort_id, template_id, phase):
    cohort = permissions.cohort_for_participant(request.user, cohort_id)
    if template_id not in (cohort.self_assessment_id, cohort.satisfaction_id):
        raise Http404("No such form.")
    template = EvaluationTemplate.objects.get(pk=template_id)
    allowed = ("before", "after") if template.kind == EvaluationTemplate.Kind.SELF_ASSESSMENT else ("end",)
    if phase not in allowed:
        raise Http404("No such phase.")
    form = EvaluationForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_evaluation(request.user, cohort, template, phase, request.POST)
        except services.WorkshopError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you, your answers are saved."))
            return redirect("workshops:mine", cohort.pk)
    return render(
        request,
        "workshops/evaluate.html",
        {"cohort": cohort, "template": template, "phase": phase, "form": form},
        status=400 if form.errors else 200,
    )


# ---------------------------------------------------------------- company


@login_required
@never_cache
def company(request, organisation_id=None):
    organisation, companies = permissions.company_for_admin(request.user, organisation_id)
    from .company import company_dashboard

    context = company_dashboard(organisation)
    context.update({"organisation": organisation, "companies": companies})
    return render(request, "workshops/company.html", context)
