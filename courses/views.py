"""Endpoints that change a learner's state; the pages themselves are Wagtail pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import EnrolOthersForm
from .models import CoursePage, LessonPage
from .quiz import QuizInputError


def _live_course(course_id):
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise Http404(_("This course is not available."))
    return course


def _lesson(course_id_or_lesson_id):
    lesson = LessonPage.objects.filter(pk=course_id_or_lesson_id).first()
    if lesson is None:
        raise Http404(_("This lesson is not available."))
    return lesson


def _refuse(request, error, back_url=None):
    """Show a refused action: 404 for missing things, a page with the reason for the rest."""
    if isinstance(error, services.NotFoundError):
        raise Http404(error.message)
    if isinstance(error, services.NotEnrolledError):
        return render(
            request,
            "courses/action_refused.html",
            {"message": error.message, "back_url": back_url},
            status=403,
        )
    messages.error(request, error.message)
    return redirect(back_url or "/")


@require_POST
@login_required
def enrol(request, course_id):
    course = _live_course(course_id)
    _enrolment, created = services.enrol(request.user, course)
    if created:
        messages.success(request, _("You are enrolled. Start with the first lesson whenever you are ready."))
    else:
        messages.info(request, _("You are already enrolled in this course."))
    return redirect(course.get_url(request))


@login_required
def enrol_others(request, course_id):
    course = _live_course(course_id)
    learners = services.learners_user_may_enrol(request.user)
    if not services.organisations_user_may_enrol(request.user):
        raise PermissionDenied(_("Only trainers and company admins can enrol other people."))
    form = EnrolOthersForm(request.POST or None, learners=learners)
    if request.method == "POST" and form.is_valid():
        results = services.enrol_others(request.user, course, list(form.cleaned_data["learners"]))
        created = sum(1 for _learner, made in results if made)
        messages.success(
            request,
            _("%(created)s enrolled, %(existing)s already were.")
            % {"created": created, "existing": len(results) - created},
        )
        return redirect(course.get_url(request))
    return render(request, "courses/enrol_others.html", {"course": course, "form": form})


@login_required
def resume(request, course_id):
    course = _live_course(course_id)
    enrolment = selectors.enrolment_for(request.user, course)
    outline = selectors.course_outline(request, course, enrolment)
    target = outline["next_lesson"]
    return redirect(target["url"] if enrolment is not None and target else outline["url"])


def _safe_next(request):
    """A local path to go on to, or None. Only paths: ``redirect()`` would read any other word as a
    view name to reverse (a 500 for ``next=a b``), and control characters never belong in a URL."""
    next_url = request.POST.get("next", "")
    if (
        next_url.startswith("/")
        and next_url.isprintable()
        and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure())
    ):
        return next_url
    return None


@require_POST
@login_required
def take_again(request, course_id):
    """Start a finished course over when its certificate is due for renewal (see services.restart_course)."""
    course = CoursePage.objects.filter(pk=course_id).first()
    course = course.specific if course is not None else None
    try:
        expected_cycle = int(request.POST.get("cycle", ""))
    except ValueError:
        expected_cycle = None
    if course is None or not course.live:
        messages.error(request, _("This course is not available, so it cannot be taken again."))
        return redirect(_safe_next(request) or reverse("accounts:dashboard"))
    back = _safe_next(request) or course.get_url(request) or reverse("accounts:dashboard")
    if expected_cycle is None:
        messages.error(request, _("This form is out of date. Reload the page and try again."))
        return redirect(back)
    try:
        services.restart_course(request.user, course, expected_cycle=expected_cycle)
    except services.DuplicateSubmissionError as error:
        messages.info(request, error.message)
        return redirect(course.get_url(request) or back)
    except services.CourseActionError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(
        request,
        _("You are taking the course again. Every lesson starts fresh; your earlier results stay on record."),
    )
    return redirect(course.get_url(request) or back)


def _lesson_url(request, lesson, anchor=""):
    return (lesson.get_url(request) or "/") + anchor


@require_POST
@login_required
def mark_done(request, lesson_id):
    lesson = _lesson(lesson_id)
    try:
        completed = services.mark_lesson_done(request.user, lesson)
    except services.CourseActionError as error:
        return _refuse(request, error, _lesson_url(request, lesson))
    if completed:
        messages.success(request, _("Lesson completed."))
    next_url = _safe_next(request)
    if next_url:
        return redirect(next_url)
    return redirect(_lesson_url(request, lesson))


@require_POST
@login_required
def submit_quiz(request, lesson_id, block_id):
    lesson = _lesson(lesson_id)
    back = _lesson_url(request, lesson, f"#quiz-{block_id}")
    try:
        attempt = services.submit_quiz(request.user, lesson, block_id, request.POST)
    except services.DuplicateSubmissionError as error:
        messages.info(request, error.message)
        return redirect(back)
    except services.CourseActionError as error:
        return _refuse(request, error, back)
    except QuizInputError as error:
        messages.error(request, str(error))
        return redirect(back)
    if attempt.passed:
        messages.success(request, _("You passed with %(score)s%%.") % {"score": attempt.percent})
    else:
        messages.warning(
            request, _("You scored %(score)s%%, not enough to pass yet.") % {"score": attempt.percent}
        )
    return redirect(back)


@require_POST
@login_required
def save_reflection(request, lesson_id, block_id):
    lesson = _lesson(lesson_id)
    back = _lesson_url(request, lesson, f"#reflection-{block_id}")
    try:
        services.save_reflection(request.user, lesson, block_id, request.POST.get("text", ""))
    except services.CourseActionError as error:
        return _refuse(request, error, back)
    messages.success(request, _("Your answer is saved. Only you can see it."))
    return redirect(back)
