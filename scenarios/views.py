"""Endpoints that change a play or a live session; the scenario pages themselves are Wagtail pages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotModified, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import polling, selectors, services
from .models import ScenarioPage


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _wants_fragment(request):
    return request.headers.get("X-Requested-With") == "fetch"


def _back(request, page):
    target = request.POST.get("next", "")
    # Only a path on this site: anything else ("ask", a view name) would be read by redirect() as a
    # URL name to reverse.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = page.get_url(request) or "/"
    return target


def _solo_target(request, page_id):
    page = ScenarioPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("This scenario is not available."))
    lesson = None
    lesson_id = _int(request.POST.get("lesson"))
    block_id = request.POST.get("block", "")[:64]
    if request.POST.get("lesson"):
        lesson = Page.objects.live().filter(pk=lesson_id).specific().first() if lesson_id else None
        if lesson is None or not hasattr(lesson, "body"):
            raise Http404(_("This lesson is not available."))
    return page, lesson, block_id


def _answer(request, page, lesson, block_id, error=None, play=None):
    anchor = f"scenario-{block_id or page.pk}"
    if _wants_fragment(request):
        state = selectors.solo_state(request, page, lesson=lesson, block_id=block_id, play=play)
        state["back_url"] = _back(request, page)
        html = render_to_string(
            "scenarios/includes/solo_play.html", {"solo": state, "error": error}, request=request
        )
        return HttpResponse(html, status=error.status if error else 200)
    if error is not None:
        messages.error(request, error.message)
    return HttpResponseRedirect(f"{_back(request, page)}#{anchor}")


@require_POST
@login_required
def choose(request, page_id):
    page, lesson, block_id = _solo_target(request, page_id)
    try:
        play = services.choose(
            request.user,
            page,
            request.POST.get("choice", "")[:64],
            _int(request.POST.get("step")),
            lesson=lesson,
            block_id=block_id,
        )
    except services.ScenarioActionError as error:
        if error.status == 404:
            raise Http404(error.message) from None
        return _answer(request, page, lesson, block_id, error=error)
    return _answer(request, page, lesson, block_id, play=play)


@require_POST
@login_required
def start_again(request, page_id):
    page, lesson, block_id = _solo_target(request, page_id)
    try:
        play = services.start_again(request.user, page, lesson=lesson, block_id=block_id)
    except services.ScenarioActionError as error:
        if error.status == 404:
            raise Http404(error.message) from None
        return _answer(request, page, lesson, block_id, error=error)
    return _answer(request, page, lesson, block_id, play=play)


# ---------------------------------------------------------------- live sessions


def _live_or_404(found):
    if found is None:
        raise Http404(_("This session is not available."))
    return found


def _state_url(session, viewer):
    return (
        f"{reverse('scenarios:live_state', args=[session.pk])}?t={polling.viewer_token(session.pk, viewer)}"
    )


def _live_page(request, template, session, viewer, participant=None, status=200, extra=None):
    state = selectors.live_state(session, viewer, participant)
    context = {
        "live": state,
        "state_url": _state_url(session, viewer),
        "etag": polling.etag(session.pk, session.version, viewer),
        "poll_ms": settings.SCENARIOS_POLL_INTERVAL_MS,
        **(extra or {}),
    }
    return render(request, template, context, status=status)


@require_POST
@login_required
def start_session(request, page_id):
    page = ScenarioPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("This scenario is not available."))
    try:
        session = services.start_session(
            request.user, page, assign_roles=bool(request.POST.get("assign_roles"))
        )
    except services.ScenarioActionError as error:
        if error.status in (403, 404):
            raise Http404(error.message) from None
        messages.error(request, error.message)
        return redirect(page.get_url(request) or "/")
    return redirect("scenarios:trainer", session_id=session.pk)


@login_required
def join(request):
    """Type the code (any case, spaces allowed), then choose a role unless the trainer assigns them."""
    code = request.POST.get("code", request.GET.get("code", ""))[:32]
    if request.method != "POST":
        return render(request, "scenarios/live/join.html", {"code": code})
    session = None
    try:
        session = services.session_by_code(code)
        role_key = request.POST.get("role") or None
        if (
            role_key is None
            and not session.assign_roles
            and not session.participants.filter(user=request.user)
        ):
            return render(request, "scenarios/live/join.html", _join_context(session))
        participant, _created = services.join(request.user, code, role_key)
    except services.ScenarioActionError as error:
        context = _join_context(session) if session is not None and error.status == 400 else {"code": code}
        context["error"] = error.message
        return render(request, "scenarios/live/join.html", context, status=error.status)
    return redirect("scenarios:participant", session_id=participant.session_id)


def _join_context(session):
    from .models import published_scenario

    return {"code": session.code, "session": session, "roles": published_scenario(session.scenario).roles}


@login_required
def participant_view(request, session_id):
    participant = _live_or_404(selectors.participation(request.user, session_id))
    return _live_page(
        request, "scenarios/live/participant.html", participant.session, f"p{participant.pk}", participant
    )


@require_POST
@login_required
def decide(request, session_id):
    participant = _live_or_404(selectors.participation(request.user, session_id))
    error = None
    try:
        services.decide(participant, request.POST.get("choice", "")[:64], _int(request.POST.get("step")))
    except services.ScenarioActionError as refused:
        error = refused
    if _wants_fragment(request):
        participant.session.refresh_from_db()
        return _state_response(request, participant.session, f"p{participant.pk}", participant, error=error)
    if error is not None:
        messages.error(request, error.message)
    return redirect("scenarios:participant", session_id=session_id)


def _state_response(request, session, viewer, participant=None, error=None):
    state = selectors.live_state(session, viewer, participant)
    html = render_to_string(
        "scenarios/live/state.html", {"live": state, "error": error.message if error else ""}, request=request
    )
    response = JsonResponse(
        {"version": session.version, "phase": session.phase, "html": html},
        status=error.status if error else 200,
    )
    if error is None:
        response["ETag"] = polling.etag(session.pk, session.version, viewer)
    response["Cache-Control"] = "private, no-cache"
    return response


def live_state(request, session_id):
    """The poll: 304 from the cache when nothing changed, otherwise the viewer's state as JSON."""
    token = request.GET.get("t", "")
    if polling.unchanged(session_id, token, request.headers.get("If-None-Match")):
        response = HttpResponseNotModified()
        response["ETag"] = request.headers.get("If-None-Match").split(",")[0].strip()
        response["Cache-Control"] = "private, no-cache"
        return response
    viewer = polling.read_token(session_id, token)
    if viewer is None or not request.user.is_authenticated:
        raise Http404(_("This session is not available."))
    if viewer in ("trainer", "projector"):
        session = _live_or_404(selectors.session_run_by(request.user, session_id))
        participant = None
    else:
        participant = _live_or_404(selectors.participation(request.user, session_id))
        if f"p{participant.pk}" != viewer:
            raise Http404(_("This session is not available."))
        session = participant.session
    polling.remember(session.pk, session.version)
    if request.headers.get("If-None-Match") == polling.etag(session.pk, session.version, viewer):
        response = HttpResponseNotModified()
        response["ETag"] = polling.etag(session.pk, session.version, viewer)
        return response
    return _state_response(request, session, viewer, participant)


@login_required
def trainer_view(request, session_id):
    session = _live_or_404(selectors.session_run_by(request.user, session_id))
    join_url = _join_url(request, session)
    return _live_page(
        request, "scenarios/live/trainer.html", session, "trainer", extra={"join_url": join_url}
    )


@require_POST
@login_required
def trainer_action(request, session_id, action):
    session = _live_or_404(selectors.session_run_by(request.user, session_id))
    error = None
    try:
        services.trainer_action(
            session,
            request.user,
            action,
            step=_int(request.POST.get("step")),
            choice_key=request.POST.get("choice", "")[:64] or None,
        )
    except services.ScenarioActionError as refused:
        if refused.status == 404:
            raise Http404(refused.message) from None
        error = refused
    if _wants_fragment(request):
        session.refresh_from_db()
        return _state_response(request, session, "trainer", error=error)
    if error is not None:
        messages.error(request, error.message)
    return redirect("scenarios:trainer", session_id=session_id)


def _join_url(request, session):
    return request.build_absolute_uri(f"{reverse('scenarios:join')}?code={session.code}")


@login_required
def projector_view(request, session_id):
    session = _live_or_404(selectors.session_run_by(request.user, session_id))
    join_url = _join_url(request, session)
    return _live_page(
        request,
        "scenarios/live/projector.html",
        session,
        "projector",
        extra={"join_url": join_url, "qr": selectors.qr_png_data_uri(join_url)},
    )


def _debrief_context(request, session_id):
    session = selectors.session_run_by(request.user, session_id)
    viewer = "trainer"
    if session is None:
        participant = _live_or_404(selectors.participation(request.user, session_id))
        session, viewer = participant.session, f"p{participant.pk}"
    state = selectors.live_state(session, viewer)
    if not state.get("debrief"):
        raise Http404(_("The group has not reached an ending yet."))
    return {"live": state, "is_trainer": viewer == "trainer"}


@login_required
def debrief_view(request, session_id):
    return render(request, "scenarios/live/debrief.html", _debrief_context(request, session_id))


@login_required
def debrief_pdf(request, session_id):
    from weasyprint import HTML

    context = _debrief_context(request, session_id)
    if not context["is_trainer"]:
        raise Http404(_("This session is not available."))
    html = render_to_string("scenarios/live/debrief_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="debrief-{context["live"]["session"].code}.pdf"'
    return response


@login_required
def my_sessions(request):
    return render(
        request,
        "scenarios/live/my_sessions.html",
        {**selectors.sessions_of(request.user), "may_run": services.may_run_sessions(request.user)},
    )
